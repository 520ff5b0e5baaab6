using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Reporting.Core.Reports;
using Reporting.Core.Reports.Bieu06;
using Reporting.Core.Reports.Excel;

namespace Reporting.Tests.Reports;

public class Bieu06ExcelWriterTests
{
    private static readonly ReportSheetLayout Layout = new(Bieu06Template.Form);
    private static readonly int First = Layout.FirstDataRow;

    private static MemoryStream Write(Bieu06Report report)
    {
        var stream = new MemoryStream();
        ReportExcelWriter.Write(report.ToDocument(), stream);
        stream.Position = 0;
        return stream;
    }

    private static (XLWorkbook Workbook, IXLWorksheet Sheet) WriteAndOpen(Bieu06Report report)
    {
        var workbook = new XLWorkbook(Write(report));
        return (workbook, workbook.Worksheets.Single());
    }

    [Fact]
    public void Sheet_heading_and_texts_of_the_form()
    {
        var report = Bieu06Samples.Grouped();
        var (workbook, sheet) = WriteAndOpen(report);
        using var _ = workbook;

        Assert.Equal("Biểu 06", sheet.Name);
        Assert.Equal("Biểu số 06/VPCP/KSTT", sheet.Cell("A1").GetString());
        Assert.Contains("Thông tư số 01/2020/TT-VPCP", sheet.Cell("A2").GetString());
        Assert.Equal("- Đơn vị báo cáo: UBND tỉnh Hà Giang", sheet.Cell("I1").GetString());
        Assert.Equal("- Đơn vị nhận báo cáo: Văn phòng Chính phủ", sheet.Cell("I2").GetString());
        Assert.Equal(Bieu06Template.Title, sheet.Cell("A4").GetString());
        Assert.True(sheet.Cell("A4").IsMerged());
        Assert.Equal("Kỳ báo cáo: Quý II/2025", sheet.Cell("A5").GetString());
        Assert.Equal("(Từ ngày 15/03/2025 đến ngày 14/06/2025)", sheet.Cell("A6").GetString());
        Assert.Equal("Đơn vị tính: Số hồ sơ TTHC", sheet.Cell("J7").GetString());

        var texts = sheet.CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains("…, ngày … tháng … năm …", texts);
        Assert.Contains("NGƯỜI LẬP BIỂU", texts);
        Assert.Contains("THỦ TRƯỞNG ĐƠN VỊ", texts);
        Assert.Contains("Nơi nhận:", texts);
    }

    [Fact]
    public void Three_header_rows_with_merged_cells_then_the_column_numbers()
    {
        var (workbook, sheet) = WriteAndOpen(Bieu06Samples.Grouped());
        using var _ = workbook;

        var merged = sheet.MergedRanges.Select(r => r.RangeAddress.ToStringRelative()).ToHashSet();
        string[] expected = ["A8:A10", "B8:B10", "C8:F8", "C9:C10", "D9:E9", "F9:F10", "G8:J8", "G9:G10", "H9:H10", "I9:I10", "J9:J10", "K8:M8", "K9:K10", "L9:L10", "M9:M10"];
        Assert.All(expected, address => Assert.Contains(address, merged));

        Assert.Equal("STT", sheet.Cell("A8").GetString());
        Assert.Equal("Lĩnh vực, công việc giải quyết theo cấp", sheet.Cell("B8").GetString());
        Assert.Equal("Số hồ sơ nhận giải quyết", sheet.Cell("C8").GetString());
        Assert.Equal("Trong kỳ", sheet.Cell("D9").GetString());
        Assert.Equal("Trực tuyến", sheet.Cell("D10").GetString());
        Assert.Equal("Trực tiếp, dịch vụ bưu chính", sheet.Cell("E10").GetString());
        Assert.Equal("Từ kỳ trước chuyển qua", sheet.Cell("F9").GetString());
        Assert.Equal("Số hồ sơ đã giải quyết", sheet.Cell("G8").GetString());
        Assert.Equal(["Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn"], Enumerable.Range(7, 4).Select(c => sheet.Cell(9, c).GetString()));
        Assert.Equal("Số hồ sơ đang giải quyết", sheet.Cell("K8").GetString());
        Assert.Equal(["Tổng số", "Trong hạn", "Quá hạn"], Enumerable.Range(11, 3).Select(c => sheet.Cell(9, c).GetString()));

        Assert.Equal(Enumerable.Range(1, 13).Select(c => $"({c})"), Enumerable.Range(1, 13).Select(c => sheet.Cell(Layout.NumbersRow, c).GetString()));
    }

    [Fact]
    public void Rows_are_written_in_order_with_labels_and_ordinals()
    {
        var report = Bieu06Samples.Grouped();
        var (workbook, sheet) = WriteAndOpen(report);
        using var _ = workbook;

        for (var i = 0; i < report.Rows.Count; i++)
        {
            Assert.Equal(report.Rows[i].Label, sheet.Cell(First + i, 2).GetString());
            Assert.Equal(report.Rows[i].Ordinal, sheet.Cell(First + i, 1).GetString());
        }

        Assert.Equal("Tổng cộng", sheet.Cell(First, 2).GetString());
        Assert.True(sheet.Cell(First, 2).Style.Font.Bold);
        Assert.True(sheet.Cell(First + 1, 3).Style.Font.Bold);
        Assert.False(sheet.Cell(First + 2, 3).Style.Font.Bold);
    }

    [Fact]
    public void Total_columns_and_rows_are_formulas_whose_values_equal_the_figures()
    {
        var report = Bieu06Samples.Grouped();
        var (workbook, sheet) = WriteAndOpen(report);
        using var _ = workbook;

        // Rows: 12 total, 13 Cấp tỉnh, 14–15 items, 16 Cấp huyện, 17 item, 18 Cấp xã, 19–20 items.
        Assert.Equal("D14+E14+F14", sheet.Cell("C14").FormulaA1);
        Assert.Equal("H14+I14+J14", sheet.Cell("G14").FormulaA1);
        Assert.Equal("L14+M14", sheet.Cell("K14").FormulaA1);
        Assert.False(sheet.Cell("D14").HasFormula);
        Assert.Equal("SUM(D14:D15)", sheet.Cell("D13").FormulaA1);
        Assert.Equal("SUM(C17)", sheet.Cell("C16").FormulaA1);
        Assert.Equal("SUM(M19:M20)", sheet.Cell("M18").FormulaA1);
        Assert.Equal("SUM(E13,E16,E18)", sheet.Cell("E12").FormulaA1);

        for (var i = 0; i < report.Rows.Count; i++)
        {
            var row = report.Rows[i];
            foreach (var c in Bieu06Template.Columns)
            {
                var cell = sheet.Cell(First + i, c);
                var formula = row.Kind != ReportRowKind.Item || c is 3 or 7 or 11;
                Assert.Equal(formula, cell.HasFormula);

                // The value stored in the file (cached) and the value the formula gives on opening.
                Assert.Equal((double)row[c], Convert.ToDouble(cell.CachedValue, CultureInfo.InvariantCulture));
                Assert.Equal((double)row[c], cell.GetValue<double>());
                Assert.Equal(XLDataType.Number, cell.DataType);
            }
        }
    }

    [Fact]
    public void Every_formula_cell_in_the_file_carries_its_cached_value()
    {
        using var stream = Write(Bieu06Samples.Grouped());
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        var entry = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
        using var xml = entry.Open();
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var cells = XDocument.Load(xml).Descendants(ns + "c").Where(c => c.Element(ns + "f") is not null).ToList();

        Assert.Equal((5 * 3) + (4 * 11), cells.Count); // 5 items × (3), (7), (11); 3 subtotals and the total × 11
        Assert.All(cells, c => Assert.False(string.IsNullOrEmpty(c.Element(ns + "v")?.Value), $"{c.Attribute("r")?.Value} has no cached value"));
    }

    [Fact]
    public void A_report_by_field_totals_its_items()
    {
        var report = Bieu06Samples.ByField() with { Rows = [.. Bieu06Samples.ByField().Rows.Skip(1), Bieu06Samples.ByField().Rows[0]] };
        var (workbook, sheet) = WriteAndOpen(report);
        using var _ = workbook;

        // Items at 12–14, total last at 15.
        Assert.Equal("Tổng cộng", sheet.Cell(15, 2).GetString());
        Assert.Equal("SUM(F12:F14)", sheet.Cell("F15").FormulaA1);
        Assert.Equal(report.Total.InScope, sheet.Cell("C15").GetValue<int>());
        Assert.Equal(report.Total.InProgressOverdue, Convert.ToInt32(sheet.Cell("M15").CachedValue, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Numbers_are_right_aligned_with_thousands_format_and_bordered()
    {
        var report = Bieu06Samples.Grouped();
        var (workbook, sheet) = WriteAndOpen(report);
        using var _ = workbook;

        var last = First + report.Rows.Count - 1;
        foreach (var r in Enumerable.Range(First, report.Rows.Count))
        {
            foreach (var c in Bieu06Template.Columns)
            {
                var style = sheet.Cell(r, c).Style;
                Assert.Equal("#,##0", style.NumberFormat.Format);
                Assert.Equal(XLAlignmentHorizontalValues.Right, style.Alignment.Horizontal);
            }
        }

        Assert.Equal(XLBorderStyleValues.Thin, sheet.Cell(last, 13).Style.Border.BottomBorder);
        Assert.Equal(XLBorderStyleValues.Thin, sheet.Cell(First, 1).Style.Border.LeftBorder);
        Assert.Equal(XLBorderStyleValues.Thin, sheet.Cell("B8").Style.Border.TopBorder);
        Assert.Equal(1540d, sheet.Cell(First + 2, 4).GetValue<double>() + sheet.Cell(First + 2, 5).GetValue<double>());
    }

    [Fact]
    public void Page_is_A4_landscape_one_page_wide_with_repeated_header_and_print_area()
    {
        var report = Bieu06Samples.Grouped();
        var (workbook, sheet) = WriteAndOpen(report);
        using var _ = workbook;

        var page = sheet.PageSetup;
        Assert.Equal(XLPageOrientation.Landscape, page.PageOrientation);
        Assert.Equal(XLPaperSize.A4Paper, page.PaperSize);
        Assert.Equal(1, page.PagesWide);
        Assert.Equal(0, page.PagesTall);
        Assert.Equal(ReportSheetLayout.HeaderRow, page.FirstRowToRepeatAtTop);
        Assert.Equal(Layout.NumbersRow, page.LastRowToRepeatAtTop);
        var area = Assert.Single(page.PrintAreas);
        Assert.Equal(1, area.RangeAddress.FirstAddress.RowNumber);
        Assert.Equal(1, area.RangeAddress.FirstAddress.ColumnNumber);
        Assert.Equal(13, area.RangeAddress.LastAddress.ColumnNumber);
        Assert.True(area.RangeAddress.LastAddress.RowNumber > First + report.Rows.Count + 2, "the footer is inside the print area");
    }

    [Fact]
    public void Times_New_Roman_and_explicit_column_widths()
    {
        var report = Bieu06Samples.Grouped();
        var (workbook, sheet) = WriteAndOpen(report);
        using var _ = workbook;

        foreach (var address in new[] { "A1", "A4", "C8", "B13", "D14", "M20" })
        {
            Assert.Equal("Times New Roman", sheet.Cell(address).Style.Font.FontName);
        }

        Assert.Equal(6, sheet.Column(1).Width, 1);
        Assert.Equal(40, sheet.Column(2).Width, 1);
        Assert.All(Enumerable.Range(3, 11), c => Assert.Equal(11, sheet.Column(c).Width, 1));
    }

    [Fact]
    public void The_package_is_valid_Open_XML()
    {
        using var stream = Write(Bieu06Samples.Grouped());
        using var document = SpreadsheetDocument.Open(stream, false);

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
    }

    [Fact]
    public void A_report_breaking_an_identity_is_not_exported()
    {
        var report = Bieu06Samples.ByField();
        var rows = report.Rows.Select(r => r.Kind == ReportRowKind.Total ? r with { NewOnline = r.NewOnline + 1 } : r).ToList();

        var error = Assert.Throws<InvalidOperationException>(() => ReportExcelWriter.Write((report with { Rows = rows }).ToDocument(), new MemoryStream()));

        Assert.Contains("Ô cột (4) dòng \"Tổng cộng\"", error.Message);
    }

    [Fact]
    public void An_empty_group_has_zeros_and_the_total_still_adds_up()
    {
        var item = Bieu06Samples.Item("000.00.12.H42", "Sở Tư pháp", "Cấp tỉnh", "1", 5, 6, 7, 8, 1, 2, 4);
        var province = Bieu06Row.Sum(ReportRowKind.Subtotal, "Cấp tỉnh", "Cấp tỉnh", [item]) with { Ordinal = "I" };
        var communes = Bieu06Row.Sum(ReportRowKind.Subtotal, "Cấp xã", "Cấp xã", []) with { Ordinal = "II" };
        var total = Bieu06Row.Sum(ReportRowKind.Total, "total", "Tổng cộng", [province, communes]);
        var report = Bieu06Samples.Grouped() with { Rows = [province, item, communes, total] };
        var (workbook, sheet) = WriteAndOpen(report);
        using var _ = workbook;

        Assert.False(sheet.Cell(First + 2, 3).HasFormula);
        Assert.Equal(0, sheet.Cell(First + 2, 3).GetValue<int>());
        Assert.Equal("SUM(D12,D14)", sheet.Cell(First + 3, 4).FormulaA1);
        Assert.Equal(18, sheet.Cell(First + 3, 3).GetValue<int>());
    }

    [Theory]
    [InlineData("Biểu 06", true)]
    [InlineData("Biểu số 06/VPCP/KSTT", false)]
    [InlineData("", false)]
    [InlineData("'Bieu", false)]
    [InlineData("A name that is far too long for Excel", false)]
    public void Sheet_names_follow_Excel_rules(string name, bool valid) =>
        Assert.Equal(valid, ReportExcelWriter.IsValidSheetName(name));
}
