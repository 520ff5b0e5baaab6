using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Access;
using Reporting.Core.National;
using Reporting.Tests.Reports;
using Reporting.Web.Reports.National;
using Reporting.Web.Reports.Pages;

namespace Reporting.Tests.Components;

/// <summary>Which periods reached the national system (issue 10): the province dashboard's panel and the list on <c>/bao-cao</c>.</summary>
public sealed class NationalReachPanelTests : ReportPageContext
{
    [Fact]
    public async Task The_province_dashboard_shows_each_regime_s_last_ended_periods_with_the_one_received_and_its_link()
    {
        var received = await ProvinceReportAsync("2025-Q4", SubmissionState.Received, "QG-20260120-000001");
        var failed = await ProvinceReportAsync("2025-Q3", SubmissionState.Failed, error: "HTTP 503: Hệ thống quốc gia đang bảo trì");
        Setup.At(2026, 1, 20);
        SignIn("lanh.dao", Bieu06Province.Root, Roles.Leader);

        var panel = Render<NationalReachPanel>(p => p.Add(c => c.AgencyCode, WorkflowSetup.Code(Bieu06Province.Root)));
        panel.WaitForElement("[data-testid=national-reach-panel]", TimeSpan.FromSeconds(10));

        var quarterly = panel.Find($"[data-testid=reach-regime][data-regime=\"{WorkflowSetup.Regime}\"]");
        var cells = quarterly.QuerySelectorAll("[data-testid=reach-cell]").Select(c => c.GetAttribute("data-period")).ToList();
        Assert.Equal(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"], cells); // oldest first, up to the last ended quarter
        var q4 = quarterly.QuerySelector("[data-period=\"2025-Q4\"] [data-testid=reach-state]")!;
        Assert.Equal(("received", "Hệ thống quốc gia đã nhận"), (q4.GetAttribute("data-tone"), q4.TextContent));
        Assert.Equal($"/bao-cao/{received}", q4.GetAttribute("href"));
        var q3 = quarterly.QuerySelector("[data-period=\"2025-Q3\"] [data-testid=reach-state]")!;
        Assert.Equal(("failed", "Gửi lên hệ thống quốc gia không thành công", $"/bao-cao/{failed}"), (q3.GetAttribute("data-tone"), q3.TextContent, q3.GetAttribute("href")));
        Assert.Equal("Chưa lập báo cáo tổng hợp", quarterly.QuerySelector("[data-period=\"2025-Q2\"] [data-testid=reach-state]")!.TextContent);
        var regimes = panel.FindAll("[data-testid=reach-regime]").Count;
        Assert.StartsWith($"1 / {regimes * NationalReachPanel.PeriodsShown} kỳ", panel.Find("[data-testid=reach-count]").TextContent.Trim());
    }

    [Fact]
    public async Task An_agency_dashboard_and_a_viewer_without_the_province_in_scope_see_no_panel()
    {
        await ProvinceReportAsync("2025-Q4", SubmissionState.Received, "QG-20260120-000001");
        Setup.At(2026, 1, 20);
        SignIn("lanh.dao", Bieu06Province.Root, Roles.Leader);
        var agencyPage = Render<NationalReachPanel>(p => p.Add(c => c.AgencyCode, WorkflowSetup.Code(Bieu06Province.Justice)));
        SignIn("giam.doc.so", Bieu06Province.Justice, Roles.Head);
        var outsider = Render<NationalReachPanel>(p => p.Add(c => c.AgencyCode, WorkflowSetup.Code(Bieu06Province.Root)));

        await Task.WhenAll(agencyPage.InvokeAsync(() => { }), outsider.InvokeAsync(() => { }));
        Assert.Empty(agencyPage.FindAll("[data-testid=national-reach-panel]"));
        Assert.Empty(outsider.FindAll("[data-testid=national-reach-panel]"));
    }

    [Fact]
    public async Task The_reports_page_lists_the_regime_s_periods_with_the_receipt_or_the_reason()
    {
        await ProvinceReportAsync("2025-Q4", SubmissionState.Received, "QG-20260120-000001");
        await ProvinceReportAsync("2025-Q3", SubmissionState.Rejected, error: "Chữ ký số không hợp lệ");
        Setup.At(2026, 1, 20);
        SignIn("tong.hop", Bieu06Province.Root, Roles.Reviewer);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/bao-cao?regime={WorkflowSetup.Regime}&period=2025-Q4");

        var page = Render<ReportsPage>();
        page.WaitForElement("[data-testid=national-reach]", TimeSpan.FromSeconds(10));

        var q4 = page.Find("[data-testid=reach-row][data-period=\"2025-Q4\"]");
        Assert.Equal("Hệ thống quốc gia đã nhận", q4.QuerySelector("[data-testid=reach-state]")!.TextContent);
        Assert.StartsWith("Số biên nhận QG-20260120-000001, nhận lúc 20/01/2026 10:15", q4.QuerySelector("[data-testid=reach-detail]")!.TextContent);
        var q3 = page.Find("[data-testid=reach-row][data-period=\"2025-Q3\"]");
        Assert.Equal("Hệ thống quốc gia từ chối", q3.QuerySelector("[data-testid=reach-state]")!.TextContent);
        Assert.Equal("Chữ ký số không hợp lệ", q3.QuerySelector("[data-testid=reach-detail]")!.TextContent);
        Assert.StartsWith("1 / ", page.Find("[data-testid=national-reach] [data-testid=reach-count]").TextContent.Trim());
        // The province's report received by the national system counts as accepted in the grid's tally.
        var grid = page.Find("[data-testid=completeness]").TextContent;
        Assert.Contains("Hệ thống quốc gia đã nhận", grid);
        Assert.Matches(@"\b1 / \d+ báo cáo đã tiếp nhận", grid);
    }
}
