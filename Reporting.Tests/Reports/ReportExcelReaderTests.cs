using ClosedXML.Excel;
using Reporting.Core.Reports;
using Reporting.Core.Reports.Excel;

namespace Reporting.Tests.Reports;

/// <summary>A filled form read back by position, checked by the identities, refused whole with the cell and the reason.</summary>
public class ReportExcelReaderTests
{
    /// <summary>The II.07b sample as downloaded before filling: manual cells 0.</summary>
    private static ReportDocument Blank()
    {
        var filled = ReportSamples.Bieu07b();
        var template = filled.Template;
        var items = filled.Rows.Where(r => r.Kind == ReportRowKind.Item)
            .Select(r => template.Columns.Where(c => c.Source == Core.Reports.Templates.CellSource.Manual).Aggregate(r, (row, c) => row.With(c.Number, 0)).WithRowSums(template))
            .ToList();
        return filled with { Rows = [ReportRow.Sum(template, ReportRowKind.Total, "total", "Tổng cộng", items), .. items] };
    }

    private static MemoryStream Edit(ReportDocument report, Action<IXLWorksheet> edit)
    {
        using var workbook = new XLWorkbook(new MemoryStream(ReportGoldenFileTests.Write(report)));
        edit(workbook.Worksheet(1));
        var stream = new MemoryStream();
        workbook.SaveAs(stream, new SaveOptions { EvaluateFormulasBeforeSaving = true });
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void A_filled_II_07b_is_read_by_position_with_totals_following()
    {
        var blank = Blank();
        // Row 12 is "Đất đai"; G is column 7 (one-stop at province level), manual.
        using var file = Edit(blank, s => { s.Cell("G12").Value = 9; s.Cell("H12").Value = 4; });

        var result = ReportExcelReader.Read(blank, file);

        Assert.True(result.Accepted, string.Join("\n", result.Errors.Select(e => e.Message)));
        var row = result.Rows.Single(r => r.Key == "G09-DD");
        Assert.Equal(9, row[7]);
        Assert.Equal(4, row[8]);
        Assert.Equal(13, row[6]);
        Assert.Equal(13, result.Rows.Single(r => r.Kind == ReportRowKind.Total)[6]);
        Assert.Empty(ReportIdentities.Check(blank.Template, result.Rows));
    }

    [Fact]
    public void A_total_typed_over_its_formula_is_refused_at_that_cell()
    {
        var blank = Blank();
        using var file = Edit(blank, s => { s.Cell("G12").Value = 9; s.Cell("F12").Value = 100; });

        var result = ReportExcelReader.Read(blank, file);

        Assert.False(result.Accepted);
        Assert.Empty(result.Rows);
        var error = Assert.Single(result.Errors, e => e.Cell == "F12");
        Assert.Contains("Ô cột (6) dòng \"Đất đai\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_computed_cell_text_and_a_negative_number_are_refused_whole()
    {
        var blank = Blank();
        using var file = Edit(blank, s => { s.Cell("D12").Value = 99; s.Cell("G13").Value = "mười"; s.Cell("H14").Value = -2; s.Cell("G12").Value = 5; });

        var result = ReportExcelReader.Read(blank, file);

        Assert.False(result.Accepted);
        Assert.Empty(result.Rows);
        Assert.Contains(result.Errors, e => e.Cell == "D12" && e.Message.Contains("số tính từ dữ liệu là", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Cell == "G13" && e.Message.Contains("phải là số nguyên không âm", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Cell == "H14" && e.Message.Contains("số nguyên không âm", StringComparison.Ordinal));
    }

    [Fact]
    public void Rows_moved_or_another_form_are_refused()
    {
        var blank = Blank();
        using var moved = Edit(blank, s => s.Cell("B12").Value = "Tư pháp");
        var result = ReportExcelReader.Read(blank, moved);
        Assert.Contains(result.Errors, e => e.Cell == "B12" && e.Message.Contains("dòng này của mẫu là \"Đất đai\"", StringComparison.Ordinal));

        using var other = new MemoryStream(ReportGoldenFileTests.Write(ReportSamples.Bieu06()));
        var wrong = ReportExcelReader.Read(blank, other);
        Assert.Contains("không có trang tính 'Biểu II.07b'", Assert.Single(wrong.Errors).Message, StringComparison.Ordinal);

        var garbage = ReportExcelReader.Read(blank, new MemoryStream("không phải excel"u8.ToArray()));
        Assert.Contains("không phải tệp Excel", Assert.Single(garbage.Errors).Message, StringComparison.Ordinal);
    }
}
