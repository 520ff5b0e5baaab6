using Bunit;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using Reporting.Core.Access;
using Reporting.Core.Reports;
using Reporting.Core.Reports.Excel;
using Reporting.Core.Reports.Workflow;
using Reporting.Tests.Reports;
using Reporting.Web.Reports.Pages;

namespace Reporting.Tests.Components;

/// <summary>
/// Editing on <c>/bao-cao/{id}</c>: an override needs a reason in its dialog, a return needs one too, an uploaded
/// filled form is taken whole or refused whole with the cell and reason in Vietnamese.
/// </summary>
public sealed class ReportInstancePageEditingTests : ReportPageContext
{
    [Fact]
    public async Task A_computed_cell_is_overridden_only_with_a_reason_and_the_computed_value_shows_beside_it()
    {
        var id = await Setup.CreateAsync();
        var item = (await Setup.Workflow.GetAsync(Setup.Preparer(), id)).Document.Rows.First(r => r.Kind == ReportRowKind.Item);
        SignIn("nguyen.van.lap", Bieu06Province.Justice, Roles.Preparer);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<ReportInstancePage>(p => p.Add(x => x.Id, id));
        page.WaitForElement("[data-testid=report-form]", TimeSpan.FromSeconds(10));

        page.Find($"td[data-cell='{item.Key}:4'] [data-testid=override]").Click();
        dialogs.WaitForElement(".mud-dialog", TimeSpan.FromSeconds(10));
        dialogs.Find(".mud-dialog input").Change((item[4] + 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        dialogs.Find("[data-testid=dialog-confirm]").Click();
        Assert.Contains("Cần ghi lý do.", dialogs.Find(".mud-dialog").TextContent);
        Assert.Empty(page.FindAll("[data-testid=computed-beside]"));

        dialogs.Find(".mud-dialog textarea").Input("Hai hồ sơ nộp qua bưu điện ghi nhầm kênh");
        dialogs.Find("[data-testid=dialog-confirm]").Click();

        page.WaitForAssertion(() => Assert.Equal(
            $"tính: {ReportFormat.Number(item[4])} — Hai hồ sơ nộp qua bưu điện ghi nhầm kênh",
            page.Find($"td[data-cell='{item.Key}:4'] [data-testid=computed-beside]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal(ReportFormat.Number(item[4] + 2), page.Find($"td[data-cell='{item.Key}:4'] .cell-value").TextContent);
        Assert.Equal(ReportFormat.Number(item[3] + 2), page.Find($"td[data-cell='{item.Key}:3'] .cell-value").TextContent);
        var stored = await Setup.Workflow.GetAsync(Setup.Preparer(), id);
        Assert.Equal(new CellOverride(item.Key, 4, item[4], item[4] + 2, "Hai hồ sơ nộp qua bưu điện ghi nhầm kênh"), Assert.Single(stored.Document.Overrides));
    }

    [Fact]
    public async Task Returning_asks_for_a_reason_and_without_one_nothing_happens()
    {
        var id = await Setup.CreateAsync();
        await Setup.Workflow.ActAsync(Setup.Preparer(), id, ReportActions.Submit, null);
        SignIn("tran.thi.truong", Bieu06Province.Justice, Roles.Head);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<ReportInstancePage>(p => p.Add(x => x.Id, id));
        page.WaitForElement("[data-testid=report-form]", TimeSpan.FromSeconds(10));

        page.Find("[data-testid=action-return]").Click();
        dialogs.WaitForElement(".mud-dialog", TimeSpan.FromSeconds(10));
        dialogs.Find("[data-testid=dialog-confirm]").Click();
        Assert.Contains("Cần ghi lý do.", dialogs.Find(".mud-dialog").TextContent);
        Assert.Equal(ReportState.Submitted, (await Setup.Workflow.GetAsync(Setup.Head(), id)).Summary.State);

        dialogs.Find(".mud-dialog textarea").Input("Thiếu lĩnh vực đất đai");
        dialogs.Find("[data-testid=dialog-confirm]").Click();

        page.WaitForAssertion(() => Assert.Equal("Bị trả lại, đang sửa", page.Find("[data-testid=report-state]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal("Thiếu lĩnh vực đất đai", (await Setup.Workflow.GetAsync(Setup.Head(), id)).History[^1].Comment);
    }

    [Fact]
    public async Task An_uploaded_II_07b_is_refused_whole_with_the_cell_or_taken_whole()
    {
        var id = await Setup.CreateAsync(Bieu06Province.Root, "bieu-ii-07b");
        var blank = await Setup.Workflow.GetAsync(Setup.Preparer(Bieu06Province.Root), id);
        var first = new ReportSheetLayout(blank.Document.Template).FirstDataRow + 1;
        var key = blank.Document.Rows[1].Key;
        SignIn("nguyen.van.lap", Bieu06Province.Root, Roles.Preparer);
        var page = Render<ReportInstancePage>(p => p.Add(x => x.Id, id));
        page.WaitForElement("[data-testid=report-form]", TimeSpan.FromSeconds(10));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(
            Filled(blank.Document, s => { s.Cell(first, 7).Value = 3; s.Cell(first, 8).Value = -1; }), "bieu-ii-07b.xlsx"));

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=cell-error]"), e => e.TextContent.StartsWith($"Ô H{first} ", StringComparison.Ordinal)), TimeSpan.FromSeconds(10));
        Assert.Contains("Tệp không được nhận", page.Find("[data-testid=action-message]").TextContent);
        Assert.Equal("0", page.Find($"td[data-cell='{key}:7'] input").GetAttribute("value"));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(
            Filled(blank.Document, s => { s.Cell(first, 7).Value = 3; s.Cell(first, 8).Value = 2; }), "bieu-ii-07b.xlsx"));

        page.WaitForAssertion(() => Assert.Equal("3", page.Find($"td[data-cell='{key}:7'] input").GetAttribute("value")), TimeSpan.FromSeconds(10));
        Assert.Equal("2", page.Find($"td[data-cell='{key}:8'] input").GetAttribute("value"));
        Assert.Equal("5", page.Find($"td[data-cell='{key}:6'] .cell-value").TextContent);
        Assert.Empty(page.FindAll("[data-testid=cell-error]"));
    }

    private static byte[] Filled(ReportDocument document, Action<IXLWorksheet> edit)
    {
        using var original = new MemoryStream();
        ReportExcelWriter.Write(document, original);
        original.Position = 0;
        using var workbook = new XLWorkbook(original);
        edit(workbook.Worksheet(document.Template.SheetName));
        using var result = new MemoryStream();
        workbook.SaveAs(result);
        return result.ToArray();
    }
}
