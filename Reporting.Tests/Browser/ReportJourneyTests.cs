using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Reporting.Tests.Browser;

/// <summary>
/// Issue 9's journey in Chromium with the demo users: the province's preparer fills Biểu II.07b and submits, the
/// head approves, the reviewer returns it with a reason, the preparer corrects and resubmits, the head approves
/// again, the reviewer accepts, and the comparison of the two versions shows the corrected cell.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ReportJourneyTests(BrowserAppFixture app)
{
    private const string Worklist = "/bao-cao?regime=tthc-quy&period=2026-Q3";
    private const string Preparer = "tinh.lapbaocao";
    private const string Head = "tinh.thutruong";
    private const string Reviewer = "tonghop";
    private const string Reason = "Số TTHC tại bộ phận một cửa cấp tỉnh chưa khớp quyết định công bố, đề nghị kiểm tra lại.";

    [Fact]
    public async Task A_procedure_report_goes_from_the_preparer_through_the_head_and_a_return_to_acceptance()
    {
        // The preparer opens the worklist and starts the province's II.07b of the quarter (or opens it, when the nightly job made it).
        var page = await app.NewPageAsync(1366, 900, Preparer);
        await page.GotoAsync(app.BaseUrl + Worklist);
        var mine = page.Locator("[data-testid=my-reports]");
        await mine.WaitForAsync();
        var create = page.Locator("[data-testid=create-bieu-ii-07b]");
        if (await create.CountAsync() > 0)
        {
            await create.ClickAsync();
        }
        else
        {
            await mine.Locator("[data-testid=to-fill] a", new() { HasTextString = "Biểu II.07b" }).First.ClickAsync();
        }

        await page.WaitForURLAsync(ReportUrl());
        var id = int.Parse(ReportUrl().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var form = page.Locator("[data-testid=report-form]");
        await form.WaitForAsync();

        // A manual cell of the first field: the one-stop shop count at province level (column 7).
        var cell = form.Locator("tr[data-testid=form-row].item").First.Locator("td[data-cell$=':7'] input");
        var cellKey = await form.Locator("tr[data-testid=form-row].item").First.GetAttributeAsync("data-row");
        await SetCellAsync(page, cell, "3");
        await ActAsync(page, "submit", "Đã gửi, chờ thủ trưởng duyệt");
        await page.ScreenshotAsync(new() { Path = Screenshot("bao-cao-bieu-ii-07b.png"), FullPage = false });
        await page.Context.CloseAsync();

        // The head approves.
        page = await OpenReportAsync(Head, id);
        await ActAsync(page, "approve", "Thủ trưởng đã duyệt, chờ tiếp nhận");
        await page.Context.CloseAsync();

        // The reviewer finds it in the inbox and returns it with a reason.
        page = await app.NewPageAsync(1366, 900, Reviewer);
        await page.GotoAsync(app.BaseUrl + Worklist);
        await Assertions.Expect(page.Locator($"[data-testid=inbox-list] tr[data-id='{id}']")).ToBeVisibleAsync();
        await page.Locator($"[data-testid=inbox-list] tr[data-id='{id}'] a").ClickAsync();
        await page.Locator("[data-testid=report-form]").WaitForAsync();
        await page.Locator("[data-testid=action-return]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("textarea").FillAsync(Reason);
        await dialog.Locator("[data-testid=dialog-confirm]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=report-state]")).ToHaveTextAsync("Bị trả lại, đang sửa");
        await page.Context.CloseAsync();

        // The preparer sees the reason, corrects the cell and submits again.
        page = await app.NewPageAsync(1366, 900, Preparer);
        await page.GotoAsync(app.BaseUrl + Worklist);
        await Assertions.Expect(page.Locator($"[data-testid=returned] tr[data-id='{id}'] [data-testid=return-reason]")).ToHaveTextAsync(Reason);
        await page.GotoAsync(app.BaseUrl + $"/bao-cao/{id}");
        await Assertions.Expect(page.Locator("[data-testid=return-reason]")).ToContainTextAsync(Reason);
        await SetCellAsync(page, page.Locator($"td[data-cell='{cellKey}:7'] input"), "5");
        await ActAsync(page, "submit", "Đã gửi, chờ thủ trưởng duyệt");
        await page.Context.CloseAsync();

        page = await OpenReportAsync(Head, id);
        await ActAsync(page, "approve", "Thủ trưởng đã duyệt, chờ tiếp nhận");
        await page.Context.CloseAsync();

        // The reviewer accepts; the comparison of versions 1 and 2 shows the corrected cell.
        page = await OpenReportAsync(Reviewer, id);
        await ActAsync(page, "accept", "Đã tiếp nhận");
        await page.Locator("[data-testid=compare]").ClickAsync();
        var difference = page.Locator($"[data-testid=difference][data-cell='{cellKey}:7']");
        await Assertions.Expect(difference).ToBeVisibleAsync();
        await Assertions.Expect(difference.Locator("td").Nth(2)).ToHaveTextAsync("3");
        await Assertions.Expect(difference.Locator("td").Nth(3)).ToHaveTextAsync("5");
        var history = page.Locator("[data-testid=history-row]");
        await Assertions.Expect(page.Locator("[data-testid=history-row][data-action=return]")).ToContainTextAsync(Reason);
        Assert.Equal(["create", "cells", "submit", "approve", "return", "cells", "submit", "approve", "accept"],
            (await history.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.action)")).Where(a => a != "refresh"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=version-download]").Nth(1).ClickAsync());
        Assert.EndsWith("_v2.xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        await page.Locator("[data-testid=versions]").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Screenshot("bao-cao-so-sanh.png"), FullPage = false });

        // The grid of the quarter shows the province's II.07b accepted, in words.
        await page.GotoAsync(app.BaseUrl + Worklist);
        var gridCell = page.Locator($"[data-testid=grid-row][data-agency] [data-testid=grid-cell][data-form=bieu-ii-07b] a[href='/bao-cao/{id}']");
        await Assertions.Expect(gridCell).ToHaveTextAsync("Đã tiếp nhận");
        await page.ScreenshotAsync(new() { Path = Screenshot("bao-cao-tinh-hinh-nop.png"), FullPage = false });
        await page.Context.CloseAsync();
    }

    private async Task<IPage> OpenReportAsync(string user, int id)
    {
        var page = await app.NewPageAsync(1366, 900, user);
        await page.GotoAsync(app.BaseUrl + $"/bao-cao/{id}");
        await page.Locator("[data-testid=report-form]").WaitForAsync();
        return page;
    }

    private static async Task SetCellAsync(IPage page, ILocator input, string value)
    {
        await input.FillAsync(value);
        await input.PressAsync("Tab");
        await page.Locator("[data-testid=save-cells]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=action-message]")).ToHaveTextAsync("Đã lưu số liệu nhập tay.");
        await Assertions.Expect(input).ToHaveValueAsync(value);
    }

    private static async Task ActAsync(IPage page, string action, string state)
    {
        await page.Locator($"[data-testid=action-{action}]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=report-state]")).ToHaveTextAsync(state);
    }

    private static string Screenshot(string name)
    {
        Directory.CreateDirectory(BrowserAppFixture.ScreenshotDirectory);
        return Path.Combine(BrowserAppFixture.ScreenshotDirectory, name);
    }

    [GeneratedRegex(@"/bao-cao/(\d+)$")]
    private static partial Regex ReportUrl();
}
