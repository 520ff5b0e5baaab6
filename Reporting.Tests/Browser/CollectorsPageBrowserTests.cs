using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Reporting.Core.Collectors;
using Reporting.Core.Ingest;
using Reporting.Core.Persistence;
using Reporting.Demo.Seeding;
using Reporting.Web.Collectors;
using Reporting.Web.Dashboard;

namespace Reporting.Tests.Browser;

/// <summary>
/// /thu-thap in Chromium over the demo server, whose collectors read its own simulators over HTTP: runs of a
/// source, "Chạy ngay", the quarantine with its reasons, and a source added through the form.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CollectorsPageBrowserTests(BrowserAppFixture app)
{
    [Fact]
    public async Task Run_now_on_a_demo_source_shows_the_new_run_and_the_quarantine_shows_bad_records_with_their_reasons()
    {
        await Eventually.True(async () =>
        {
            await using var db = app.Factory.CreateDbContext();
            return await db.CollectorSources.AnyAsync(s => s.Name == DemoSeedingService.DossierSource);
        }, "the demo sources are registered");
        var page = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/thu-thap");
        var row = SourceRow(page, DemoSeedingService.DossierSource);
        await row.WaitForAsync();

        var clicked = Reporting.Core.Periods.VietnamTime.ToLocal(DateTimeOffset.UtcNow).AddSeconds(-1);
        await row.Locator("[data-testid=run-now]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=collectors-message]")).ToContainTextAsync($"Đã yêu cầu chạy thu thập ngay cho nguồn {DemoSeedingService.DossierSource}");
        var run = await FinishedRunAsync(DemoSeedingService.DossierSource, clicked);
        Assert.Equal(CollectorRunStatus.Succeeded, run.Status);

        await page.Locator("[data-testid=refresh-sources]").ClickAsync();
        // The refresh re-renders the table: open the runs only once it shows the new run, or the click can be lost.
        var head = CollectorsFormat.RunHead(new CollectorsApi.RunDto(run.Id, run.StartedAt, run.EndedAt, run.Status.ToString(),
            run.Pages, run.Read, run.Stored, run.Unchanged, run.Stale, run.Quarantined, run.Error));
        await Assertions.Expect(row.Locator("[data-testid=last-run-head]")).ToHaveTextAsync(head);
        await row.Locator("[data-testid=toggle-runs]").ClickAsync();
        var runs = page.Locator("[data-testid=runs-table]");
        await Assertions.Expect(runs).ToContainTextAsync(DashboardFormat.DateTime(run.StartedAt));
        var shown = runs.Locator("tbody tr", new() { HasTextString = DashboardFormat.DateTime(run.StartedAt) }).First;
        await Assertions.Expect(shown).ToContainTextAsync("Thành công");

        // The demo's bad records wait in the quarantine with their reasons in Vietnamese.
        QuarantinedRecord bad;
        await using (var db = app.Factory.CreateDbContext())
        {
            bad = await db.Quarantine.AsNoTracking()
                .Where(q => q.Source == DemoSeedingService.DossierSource && q.State == QuarantineState.Pending && q.ReasonCodes.Contains(QuarantineReason.UnknownAgency))
                .OrderByDescending(q => q.Id).FirstAsync();
        }

        await page.Locator("input[data-testid=q-reason]").FillAsync(QuarantineReason.UnknownAgency);
        await page.Locator("input[data-testid=q-reason]").PressAsync("Enter");
        var reasons = page.Locator("[data-testid=q-reasons]");
        await Assertions.Expect(reasons.First).ToContainTextAsync(bad.Reasons.Split('\n')[0].Trim());
        foreach (var text in await reasons.AllInnerTextsAsync())
        {
            Assert.Contains(QuarantineReason.UnknownAgency, text);
        }

        await ScreenshotAsync(page, "collectors.png");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "/thu-thap with the runs and the quarantine open");
    }

    [Fact]
    public async Task A_source_added_through_the_form_is_listed_without_its_key_and_runs_now_against_the_payment_simulator()
    {
        var name = "tt-thu-" + Guid.NewGuid().ToString("N")[..6];
        const string key = "khoa-thu-nghiem-trinh-duyet";
        var page = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/thu-thap");
        await page.Locator("[data-testid=add-source]").ClickAsync();

        await FillAsync(page, "form-name", name);
        await page.Locator("[data-testid=form-kind]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "(PaymentFeed)" }).ClickAsync();
        await FillAsync(page, "form-base-url", app.BaseUrl + "/simulators/thanhtoan");
        await FillAsync(page, "form-api-key", key);
        // 02:00 every day: within the test only "Chạy ngay" runs it.
        await FillAsync(page, "form-cron", "0 0 2 * * ?");
        await FillAsync(page, "form-page-size", "5000");
        await ScreenshotAsync(page, "collectors-form.png");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "/thu-thap with the source form filled in");
        await page.Locator("[data-testid=form-save]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=collectors-message]")).ToContainTextAsync($"Đã thêm nguồn {name}");
        var row = SourceRow(page, name);
        await Assertions.Expect(row).ToContainTextAsync("Thanh toán");
        await Assertions.Expect(row).ToContainTextAsync("Chưa chạy lần nào");
        Assert.DoesNotContain(key, await page.ContentAsync());

        var clicked = Reporting.Core.Periods.VietnamTime.ToLocal(DateTimeOffset.UtcNow).AddSeconds(-1);
        await row.Locator("[data-testid=run-now]").ClickAsync();
        var run = await FinishedRunAsync(name, clicked);
        Assert.Equal(CollectorRunStatus.Succeeded, run.Status);
        Assert.True(run.Read > 0);

        await page.Locator("[data-testid=refresh-sources]").ClickAsync();
        var expected = new CollectorsApi.RunDto(run.Id, run.StartedAt, run.EndedAt, run.Status.ToString(),
            run.Pages, run.Read, run.Stored, run.Unchanged, run.Stale, run.Quarantined, run.Error);
        await Assertions.Expect(row.Locator("[data-testid=last-run-head]")).ToHaveTextAsync(CollectorsFormat.RunHead(expected));
        await Assertions.Expect(row.Locator("[data-testid=last-run-counts]")).ToHaveTextAsync(CollectorsFormat.RunCounts(expected));
        Assert.Contains("Thành công", CollectorsFormat.RunHead(expected));
        Assert.DoesNotContain(key, await page.ContentAsync());
    }

    /// <summary>What the browser shows at 1366 × 768, into the test output (or docs/screenshots with UPDATE_SCREENSHOTS=1).</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(BrowserAppFixture.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserAppFixture.ScreenshotDirectory, name) });
    }

    private static ILocator SourceRow(IPage page, string name) =>
        page.Locator("[data-testid=sources-table] tbody tr", new() { Has = page.Locator("[data-testid=source-name]", new() { HasTextString = name }) });

    private static async Task FillAsync(IPage page, string testId, string value)
    {
        var input = page.Locator($"input[data-testid={testId}]");
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    /// <summary>The first run of the source started after <paramref name="after"/>, once it has ended.</summary>
    private async Task<CollectorRun> FinishedRunAsync(string source, DateTime after)
    {
        return await Eventually.Found(async () =>
        {
            await using var db = app.Factory.CreateDbContext();
            return await db.CollectorRuns.AsNoTracking().Where(r => r.Source == source && r.StartedAt >= after && r.EndedAt != null)
                .OrderBy(r => r.Id).FirstOrDefaultAsync();
        }, $"a run of {source} started after {after:HH:mm:ss} ends");
    }
}
