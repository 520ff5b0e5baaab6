using Microsoft.Playwright;

namespace Reporting.Tests.Browser;

/// <summary>A page of the application as a browser test opens it: its address and what shows it is ready.</summary>
public sealed record BrowserPage(string Name, string Path, string ReadySelector, string? User = "quantri")
{
    public override string ToString() => Name;
}

/// <summary>
/// Every page of the application, in one list, with the one way the browser tests open a page
/// (<see cref="OpenAsync"/>): a page added to the application is added here, and the checks that run on every
/// page (accessibility, <see cref="AccessibilityTests"/>) cover it. Who is signed in
/// is the page's <see cref="BrowserPage.User"/> (null: not signed in).
/// </summary>
public static class BrowserPages
{
    /// <summary>A department of the demo province with dossiers.</summary>
    public const string Department = "000.00.12.H98";

    /// <summary>In a path, the id of the department's report (<see cref="BrowserAppFixture.DepartmentReportIdAsync"/>).</summary>
    public const string ReportPlaceholder = "{report}";

    public static readonly IReadOnlyList<BrowserPage> All =
    [
        new("Tổng quan", "/?period=2026-Q3", "[data-testid=trend] .apexcharts-canvas"),
        new("Đơn vị (danh sách)", "/don-vi", "h1"),
        new("Đơn vị", $"/don-vi/{Department}?period=2026-Q3", "[data-testid=trend] .apexcharts-canvas"),
        new("Chỉ số (danh sách)", "/chi-so", "h1"),
        new("Chỉ số 2.1", "/chi-so/2.1?period=2026-Q3", "[data-testid=dossier-code]"),
        new("Thu thập dữ liệu", "/thu-thap", "[data-testid=source-name]"),
        new("Màn hình lớn", "/man-hinh?period=2026-Q3", "[data-testid=trend] .apexcharts-canvas"),
        new("Đăng nhập", "/dang-nhap", "form", User: null),
        new("Không có quyền", "/khong-co-quyen", "h1"),
        new("Người dùng", "/quan-tri/nguoi-dung", "h1"),
        new("Khóa API", "/quan-tri/khoa-api", "h1"),
        new("Nhật ký", "/quan-tri/nhat-ky", "h1"),
        new("Chế độ báo cáo", "/quan-tri/che-do-bao-cao", "h1"),
        new("Báo cáo định kỳ", "/bao-cao?regime=tthc-quy&period=2026-Q3", "[data-testid=completeness]"),
        new("Báo cáo (biểu)", $"/bao-cao/{ReportPlaceholder}", "[data-testid=report-form]"),
        new("Hệ thống quốc gia (mô phỏng)", "/simulators/quocgia", "h1"),
    ];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var page in All)
        {
            data.Add(page.Name);
        }

        return data;
    }

    public static BrowserPage Named(string name) => All.Single(p => p.Name == name);

    /// <summary>Opens <paramref name="page"/> in a new browser page of the given size and waits until it is ready.</summary>
    public static async Task<IPage> OpenAsync(BrowserAppFixture app, BrowserPage page, int width = 1366, int height = 768)
    {
        var browserPage = await app.NewPageAsync(width, height, page.User);
        var path = page.Path.Contains(ReportPlaceholder, StringComparison.Ordinal)
            ? page.Path.Replace(ReportPlaceholder, (await app.DepartmentReportIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            : page.Path;
        await browserPage.GotoAsync(app.BaseUrl + path);
        await browserPage.Locator(page.ReadySelector).First.WaitForAsync();
        return browserPage;
    }
}
