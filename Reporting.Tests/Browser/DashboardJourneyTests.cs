using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Reporting.Core.Agencies;
using Reporting.Core.Persistence;
using Reporting.Web.Dashboard;

namespace Reporting.Tests.Browser;

/// <summary>
/// Journeys through the dashboards in Chromium; every figure checked is compared with
/// <c>/api/v1/indicators</c> for the same parameters.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardJourneyTests(BrowserAppFixture app)
{
    private async Task<JsonElement> ApiAsync(string query)
    {
        var response = await app.Api.GetAsync("/api/v1/indicators?" + query);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static JsonElement Indicator(JsonElement answer, string code) =>
        answer.GetProperty("indicators").EnumerateArray().First(i => i.GetProperty("code").GetString() == code);

    private static string Expected(JsonElement indicator) =>
        indicator.GetProperty("value").ValueKind == JsonValueKind.Null
            ? "N/A"
            : DashboardFormat.Number(indicator.GetProperty("value").GetDecimal(), indicator.GetProperty("unit").GetString()!);

    private static string ExpectedScore(JsonElement answer) => DashboardFormat.Score(answer.GetProperty("totalScore").GetDecimal());

    private static async Task AssertKpisMatchAsync(IPage page, JsonElement answer)
    {
        foreach (var code in DashboardService.KpiCodes)
        {
            var card = page.Locator($"[data-testid=kpi-card][data-code='{code}']");
            var shown = (await card.Locator("[data-testid=figure], [data-testid=na]").First.InnerTextAsync()).Trim();
            Assert.Equal(Expected(Indicator(answer, code)), shown);
        }

        var total = await page.Locator("[data-testid=total-score] b").InnerTextAsync();
        Assert.Equal(ExpectedScore(answer), total.Trim());
    }

    private static async Task WaitForAsync(IPage page, string urlPart)
    {
        // Blazor navigates in the page (history.pushState): wait for the address, not for a load event.
        await page.WaitForFunctionAsync("p => decodeURIComponent(location.href).includes(p)", urlPart);
        await page.Locator("[data-testid=kpi-card]").First.WaitForAsync();
    }

    private async Task WaitForTotalAsync(IPage page, JsonElement answer) =>
        await Assertions.Expect(page.Locator("[data-testid=total-score] b")).ToHaveTextAsync(ExpectedScore(answer));

    [Fact]
    public async Task Overview_shows_the_APIs_figures_and_follows_the_period_and_window()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/?period=2026-Q3&window=calendar&structure=current");
        await page.Locator("[data-testid=kpi-card]").First.WaitForAsync();
        Assert.Contains("từ ngày 01/07/2026 đến ngày 30/09/2026", await page.Locator("[data-testid=window-dates]").InnerTextAsync());
        await AssertKpisMatchAsync(page, await ApiAsync("period=2026-Q3&window=calendar&structure=current"));
        Assert.Contains("Xếp hạng sở, ban, ngành", await page.ContentAsync());
        await page.Locator("[data-testid=trend] .apexcharts-canvas").WaitForAsync();
        await page.Locator("[data-testid=channel-mix] .apexcharts-canvas").WaitForAsync();
        await ScreenshotAsync(page, "overview.png");

        // The cut-off window: the dates change and the figures are the API's for window=cutoff.
        await page.Locator("[data-testid=window-cutoff]").ClickAsync();
        await WaitForAsync(page, "window=cutoff");
        var cutoff = await ApiAsync("period=2026-Q3&window=cutoff&structure=current");
        await WaitForTotalAsync(page, cutoff);
        Assert.Contains("từ ngày 15/06/2026 đến ngày 14/09/2026", await page.Locator("[data-testid=window-dates]").InnerTextAsync());
        await AssertKpisMatchAsync(page, cutoff);

        // Another period through the picker.
        await page.Locator("[data-testid=period-key]").SelectOptionAsync(new SelectOptionValue { Label = "Quý II/2026" });
        await WaitForAsync(page, "period=2026-Q2");
        var q2 = await ApiAsync("period=2026-Q2&window=cutoff&structure=current");
        await WaitForTotalAsync(page, q2);
        await AssertKpisMatchAsync(page, q2);
    }

    [Fact]
    public async Task Ranking_sorts_by_an_indicator_and_opens_an_agency_with_the_APIs_figures()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/?period=2026-Q3");
        var ranking = page.Locator("[data-testid=ranking][data-title='Xếp hạng sở, ban, ngành']");
        await ranking.Locator("[data-testid=agency-link]").First.WaitForAsync();

        await ranking.Locator("[data-testid='sort-2.1']").ClickAsync();
        await Eventually.True(async () => { var v = await ReadColumnAsync(ranking); return v.Count > 3 && v.SequenceEqual(v.Order()); },
            "the ranking is sorted by 2.1, ascending", TimeSpan.FromSeconds(10));
        await ranking.Locator("[data-testid='sort-2.1']").ClickAsync();
        await Eventually.True(async () => { var v = await ReadColumnAsync(ranking); return v.Count > 3 && v.SequenceEqual(v.OrderDescending()); },
            "the ranking is sorted by 2.1, descending", TimeSpan.FromSeconds(10));

        // Open the department with the most dossiers (a telling page for the screenshot).
        string code;
        await using (var db = app.Factory.CreateDbContext())
        {
            var reference = await app.Factory.Services.GetRequiredService<ReferenceData>().GetAsync();
            var departments = reference.Tree.All.Where(a => a.Kind == AgencyKind.Department && a.ValidTo is null).Select(a => a.Id).ToList();
            var busiest = await db.Dossiers.Where(d => departments.Contains(d.AgencyId)).GroupBy(d => d.AgencyId)
                .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            code = reference.Tree.Find(busiest)!.Code;
        }

        await ranking.Locator($"[data-testid=agency-link][data-agency='{code}']").ClickAsync();
        await WaitForAsync(page, "/don-vi/" + code);
        var agency = await ApiAsync($"period=2026-Q3&agency={code}");
        await WaitForTotalAsync(page, agency);
        Assert.Equal(agency.GetProperty("agencyName").GetString(), (await page.Locator("[data-testid=agency-name]").InnerTextAsync()).Trim());
        await AssertKpisMatchAsync(page, agency);
        await page.Locator("[data-testid=overdue-total]").WaitForAsync();
        await ScreenshotAsync(page, "agency.png");
    }

    /// <summary>The top of the page at 1366 px wide, for the README (PNG under docs/screenshots).</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(BrowserAppFixture.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserAppFixture.ScreenshotDirectory, name),
            FullPage = true,
            Clip = new Clip { X = 0, Y = 0, Width = 1366, Height = 1300 },
        });
    }

    private static async Task<List<decimal>> ReadColumnAsync(ILocator ranking)
    {
        var cells = ranking.Locator("tbody tr").Locator("td:nth-child(5) [data-testid=figure], td:nth-child(5) [data-testid=na]");
        var texts = await cells.AllInnerTextsAsync();
        return texts.Select(t => t.Trim() == "N/A" ? -1m : decimal.Parse(t.Replace("%", "").Trim(), NumberStyles.Number, DashboardFormat.Vi)).ToList();
    }

    [Fact]
    public async Task Periods_not_started_and_unknown_agencies_are_explained_in_Vietnamese()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/?period=2030-Q1");
        await Assertions.Expect(page.Locator("[data-testid=error]")).ToContainTextAsync("chưa bắt đầu");
        Assert.Equal(1, await page.Locator("[data-testid=period-picker]").CountAsync());

        await page.GotoAsync(app.BaseUrl + "/don-vi/000.99.99.H99?period=2026-Q3");
        await Assertions.Expect(page.Locator("[data-testid=error]")).ToContainTextAsync("Không có đơn vị mã '000.99.99.H99'");
    }

    [Fact]
    public async Task Wall_screen_shows_the_overview_in_large_type_without_controls()
    {
        var page = await app.NewPageAsync(1920, 1080);
        await page.GotoAsync(app.BaseUrl + "/man-hinh?period=2026-Q3");
        await page.Locator("[data-testid=kpi-card]").First.WaitForAsync();
        await AssertKpisMatchAsync(page, await ApiAsync("period=2026-Q3"));
        Assert.Equal(0, await page.Locator("[data-testid=period-picker]").CountAsync());
        var size = await page.Locator(".kpi-value").First.EvaluateAsync<string>("e => getComputedStyle(e).fontSize");
        Assert.True(double.Parse(size.Replace("px", ""), CultureInfo.InvariantCulture) >= 48);
    }

    [Fact]
    public async Task Indicator_page_shows_the_APIs_figures_and_pages_its_dossiers()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/chi-so/2.1?period=2026-Q3&window=calendar&structure=current");
        await page.Locator("[data-testid=own-figure]").WaitForAsync();
        var api = Indicator(await ApiAsync("period=2026-Q3"), "2.1");
        Assert.Equal(DashboardFormat.Count(api.GetProperty("numerator").GetDecimal()), (await page.Locator("[data-testid=numerator]").InnerTextAsync()).Trim());
        Assert.Equal(DashboardFormat.Count(api.GetProperty("denominator").GetDecimal()), (await page.Locator("[data-testid=denominator]").InnerTextAsync()).Trim());

        var list = await app.Api.GetAsync("/api/v1/indicators/2.1/dossiers?period=2026-Q3&part=numerator&page=2&pageSize=20");
        list.EnsureSuccessStatusCode();
        var page2 = JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement;
        var total = page2.GetProperty("total").GetInt32();
        Assert.Equal(api.GetProperty("numerator").GetDecimal(), total);

        var codes = page.Locator("[data-testid=dossier-code]");
        await codes.First.WaitForAsync();
        Assert.Equal(20, await codes.CountAsync());
        await Assertions.Expect(page.Locator("[data-testid=dossier-total]")).ToHaveTextAsync($"1–20 / {DashboardFormat.Count(total)} hồ sơ");
        await page.Locator("[data-testid=agency-chart] .apexcharts-canvas").WaitForAsync();
        await page.Locator("[data-testid=indicator-trend] .apexcharts-canvas").WaitForAsync();
        await ScreenshotAsync(page, "indicator.png");

        var firstOfPage1 = (await codes.First.InnerTextAsync()).Trim();
        await page.Locator(".mud-table-pagination-actions button[aria-label='Trang sau']").ClickAsync();
        var expectedFirst = page2.GetProperty("items")[0].GetProperty("code").GetString()!;
        await Assertions.Expect(codes.First).ToHaveTextAsync(expectedFirst);

        // The list's page lives in the address (with the existing keys kept): a reload or a shared link shows the
        // same page, and Back returns to the previous one.
        await page.WaitForFunctionAsync("() => new URL(location.href).searchParams.get('page') === '2'");
        var url = new Uri(page.Url);
        Assert.Contains("period=2026-Q3", url.Query);
        Assert.Contains("part=numerator", url.Query);
        await page.ReloadAsync();
        await Assertions.Expect(codes.First).ToHaveTextAsync(expectedFirst);
        await Assertions.Expect(page.Locator("[data-testid=dossier-total]")).ToHaveTextAsync($"21–40 / {DashboardFormat.Count(total)} hồ sơ");
        await page.GoBackAsync();
        await Assertions.Expect(codes.First).ToHaveTextAsync(firstOfPage1);
        await page.WaitForFunctionAsync("() => new URL(location.href).searchParams.get('page') === null");
    }
}
