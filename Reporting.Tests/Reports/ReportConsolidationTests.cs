using ClosedXML.Excel;
using Reporting.Core.Periods;
using Reporting.Core.Reports;
using Reporting.Core.Reports.Excel;
using Reporting.Core.Reports.Workflow;
using static Reporting.Tests.Reports.Bieu06Province;

namespace Reporting.Tests.Reports;

/// <summary>The province's Biểu 06 from accepted versions, live data for the others marked pending; uploads of filled forms.</summary>
public sealed class ReportConsolidationTests : IDisposable
{
    private readonly WorkflowSetup _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task One_accepted_one_returned_one_never_submitted()
    {
        // Sở Tư pháp: accepted, with an override, so its figures differ from live data.
        var justice = await _s.CreateAsync(Justice);
        var draft = await _s.Workflow.GetAsync(_s.Preparer(), justice);
        var row = draft.Document.Rows.First(r => r.Kind == ReportRowKind.Item && r[4] > 0);
        await _s.Workflow.SetCellsAsync(_s.Preparer(), justice, [new CellEdit(row.Key, 4, row[4] - 1, "Hồ sơ thử nghiệm"), new CellEdit(row.Key, 12, Math.Max(0, row[12] - 1), "Hồ sơ thử nghiệm")]);
        await _s.Workflow.ActAsync(_s.Preparer(), justice, "submit", null);
        await _s.Workflow.ActAsync(_s.Head(), justice, "approve", null);
        var accepted = await _s.Workflow.ActAsync(_s.Reviewer(), justice, "accept", null);

        // Sở Xây dựng: submitted then returned. UBND xã Bắc Mê: never submitted.
        var construction = await _s.CreateAsync(Construction);
        await _s.Workflow.ActAsync(_s.Preparer(Construction), construction, "submit", null);
        await _s.Workflow.ActAsync(_s.Head(Construction), construction, "return", "Thiếu số liệu tháng 12");

        var consolidated = await _s.Consolidation.BuildAsync(PeriodKey.Parse(WorkflowSetup.Period));
        var live = await _s.Engine.BuildAsync("bieu-06", null, PeriodKey.Parse(WorkflowSetup.Period));

        var justiceRow = consolidated.Row(WorkflowSetup.Code(Justice))!;
        Assert.False(justiceRow.Pending);
        Assert.Equal(accepted.Document.Total.Cells, justiceRow.Cells);
        Assert.NotEqual(live.Row(WorkflowSetup.Code(Justice))!.Cells, justiceRow.Cells);
        Assert.True(consolidated.Row(WorkflowSetup.Code(Construction))!.Pending);
        Assert.True(consolidated.Row(WorkflowSetup.Code(NewCommune))!.Pending);
        Assert.Equal(live.Row(WorkflowSetup.Code(Construction))!.Cells, consolidated.Row(WorkflowSetup.Code(Construction))!.Cells);
        Assert.Contains(WorkflowSetup.Code(Construction), consolidated.Pending);
        Assert.Contains(WorkflowSetup.Code(NewCommune), consolidated.Pending);
        Assert.DoesNotContain(WorkflowSetup.Code(Justice), consolidated.Pending);
        Assert.Empty(ReportIdentities.Check(consolidated));
        Assert.Equal(live.Total[4] - 1, consolidated.Total[4]);

        using var stream = new MemoryStream();
        ReportExcelWriter.Write(consolidated, stream);
        stream.Position = 0;
        using var workbook = new XLWorkbook(stream);
        var labels = workbook.Worksheet(1).Column(2).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains("Sở Xây dựng (chưa duyệt)", labels);
        Assert.Contains("Sở Tư pháp", labels);
        Assert.Equal(ReportJson.Rows(consolidated).Where(r => r.Pending == true).Select(r => r.Key), consolidated.Pending);
    }

    [Fact]
    public async Task A_filled_II_07b_is_uploaded_whole_or_refused_whole()
    {
        var id = await _s.CreateAsync(Root, "bieu-ii-07b");
        var blank = await _s.Workflow.GetAsync(_s.Preparer(Root), id);
        var template = blank.Document.Template;
        var layout = new ReportSheetLayout(template);
        byte[] Filled(Action<IXLWorksheet> edit)
        {
            using var original = new MemoryStream();
            ReportExcelWriter.Write(blank.Document, original);
            original.Position = 0;
            using var workbook = new XLWorkbook(original);
            edit(workbook.Worksheet(template.SheetName));
            using var result = new MemoryStream();
            workbook.SaveAs(result);
            return result.ToArray();
        }

        var first = layout.FirstDataRow + 1; // the first item after the total
        var bad = Filled(s => { s.Cell(first, 7).Value = 3; s.Cell(first, 8).Value = -1; });
        var refused = await Assert.ThrowsAsync<WorkflowException>(() => _s.Workflow.UploadAsync(_s.Preparer(Root), id, new MemoryStream(bad)));
        Assert.Equal(WorkflowRefusal.Invalid, refused.Refusal);
        Assert.Contains(refused.Violations, v => v.RowKey == $"H{first}");
        Assert.All((await _s.Workflow.GetAsync(_s.Preparer(Root), id)).Document.Rows, r => Assert.Equal(0, r[7]));

        var good = Filled(s => { s.Cell(first, 7).Value = 3; s.Cell(first, 8).Value = 2; s.Cell(first, 10).Value = 1; });
        var uploaded = await _s.Workflow.UploadAsync(_s.Preparer(Root), id, new MemoryStream(good));

        var item = uploaded.Document.Rows[1];
        Assert.Equal((3, 2, 5, 1), (item[7], item[8], item[6], item[10]));
        Assert.Equal(5, uploaded.Document.Total[6]);
        Assert.Empty(uploaded.Violations);
        Assert.Equal("upload", uploaded.History[^1].Action);
        var submitted = await _s.Workflow.ActAsync(_s.Preparer(Root), id, "submit", null);
        Assert.Equal(5, (await _s.Workflow.GetVersionAsync(_s.Reviewer(), id, 1)).Document.Total[6]);
        Assert.Equal(ReportState.Submitted, submitted.Summary.State);
    }
}
