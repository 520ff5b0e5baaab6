using System.Globalization;
using ClosedXML.Excel;
using Reporting.Core.Reports.Bieu06;

namespace Reporting.Web.Reports;

/// <summary>
/// Writes Biểu số 06/VPCP/KSTT as the Excel file of templates.md: A4 landscape, one page wide,
/// header rows repeated, Times New Roman, bordered table, numbers as numbers with <c>#,##0</c>.
/// Columns 3, 7 and 11 and the subtotal and total rows are formulas, so a reader who corrects a
/// cell sees the totals follow; their cached values are evaluated before saving and equal the
/// computed figures (a report breaking an identity is refused). Column widths and row heights are
/// explicit (AdjustToContents needs libgdiplus).
/// </summary>
public static class Bieu06ExcelWriter
{
    public const string FontName = "Times New Roman";
    public const string NumberFormat = "#,##0";

    /// <summary>First of the three header rows.</summary>
    public const int HeaderRow = 8;

    /// <summary>The row of column numbers (1) … (13).</summary>
    public const int NumbersRow = HeaderRow + 3;

    /// <summary>First data row.</summary>
    public const int FirstDataRow = NumbersRow + 1;

    public const int LastColumn = 13;

    /// <summary>Used when the configured sheet name is not a valid Excel sheet name.</summary>
    public const string FallbackSheetName = "Bieu06";

    private const double FontSize = 12;

    /// <exception cref="InvalidOperationException">
    /// The report breaks an identity of <see cref="Bieu06Identities"/>: its formulas could not equal its
    /// figures, so it is not exported. The message lists the cells and why.
    /// </exception>
    public static void Write(Bieu06Report report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stream);
        var violations = Bieu06Identities.Check(report);
        if (violations.Count > 0)
        {
            throw new InvalidOperationException(
                "Biểu 06 không xuất được vì số liệu không khớp: " + string.Join(" ", violations.Select(v => v.Message)));
        }

        using var workbook = new XLWorkbook();
        workbook.Style.Font.FontName = FontName;
        workbook.Style.Font.FontSize = FontSize;
        var sheet = workbook.AddWorksheet(IsValidSheetName(Bieu06Template.SheetName) ? Bieu06Template.SheetName : FallbackSheetName);
        sheet.Style.Font.FontName = FontName;
        sheet.Style.Font.FontSize = FontSize;

        SetColumnWidths(sheet);
        WriteHeading(sheet, report);
        WriteTableHeader(sheet);
        var lastDataRow = WriteRows(sheet, report.Rows);
        var lastRow = WriteFooter(sheet, lastDataRow + 2);
        SetUpPage(sheet, lastRow);

        workbook.FullCalculationOnLoad = true;
        workbook.SaveAs(stream, new SaveOptions { EvaluateFormulasBeforeSaving = true, GenerateCalculationChain = true });
    }

    /// <summary>Excel's rules: 1–31 characters, none of <c>: \ / ? * [ ]</c>, no apostrophe at either end.</summary>
    public static bool IsValidSheetName(string? name) =>
        !string.IsNullOrWhiteSpace(name)
        && name.Length <= 31
        && name.IndexOfAny([':', '\\', '/', '?', '*', '[', ']']) < 0
        && !name.StartsWith('\'')
        && !name.EndsWith('\'');

    private static void SetColumnWidths(IXLWorksheet sheet)
    {
        sheet.Column(1).Width = 6;
        sheet.Column(2).Width = 40;
        for (var c = 3; c <= LastColumn; c++)
        {
            sheet.Column(c).Width = 11;
        }
    }

    private static void WriteHeading(IXLWorksheet sheet, Bieu06Report report)
    {
        Text(sheet.Range(1, 1, 1, 5), report.FormNumber).Style.Font.SetBold();
        Text(sheet.Range(2, 1, 2, 5), report.LegalBasis).Style.Font.SetItalic().Alignment.SetWrapText();
        Text(sheet.Range(1, 9, 1, LastColumn), $"- Đơn vị báo cáo: {report.ReportingUnit}").Style.Alignment.SetWrapText();
        Text(sheet.Range(2, 9, 2, LastColumn), $"- Đơn vị nhận báo cáo: {report.ReceivingUnit}").Style.Alignment.SetWrapText();
        sheet.Row(1).Height = HeightFor(Math.Max(report.FormNumber.Length, report.ReportingUnit.Length + 18), 55);
        sheet.Row(2).Height = HeightFor(Math.Max(report.LegalBasis.Length, report.ReceivingUnit.Length + 24), 55);

        var title = Text(sheet.Range(4, 1, 4, LastColumn), report.Title);
        title.Style.Font.SetBold().Font.SetFontSize(13).Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center).Alignment.SetWrapText();
        sheet.Row(4).Height = HeightFor(report.Title.Length, 90, 18);

        Text(sheet.Range(5, 1, 5, LastColumn), $"Kỳ báo cáo: {report.PeriodLabel}")
            .Style.Font.SetBold().Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        Text(sheet.Range(6, 1, 6, LastColumn), string.Create(CultureInfo.InvariantCulture, $"(Từ ngày {report.From:dd/MM/yyyy} đến ngày {report.To:dd/MM/yyyy})"))
            .Style.Font.SetItalic().Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        Text(sheet.Range(7, 10, 7, LastColumn), Bieu06Template.Unit)
            .Style.Font.SetItalic().Alignment.SetHorizontal(XLAlignmentHorizontalValues.Right);
    }

    private static void WriteTableHeader(IXLWorksheet sheet)
    {
        int r1 = HeaderRow, r2 = HeaderRow + 1, r3 = HeaderRow + 2;
        Header(sheet.Range(r1, 1, r3, 1), "STT");
        Header(sheet.Range(r1, 2, r3, 2), "Lĩnh vực, công việc giải quyết theo cấp");
        Header(sheet.Range(r1, 3, r1, 6), "Số hồ sơ nhận giải quyết");
        Header(sheet.Range(r2, 3, r3, 3), "Tổng số");
        Header(sheet.Range(r2, 4, r2, 5), "Trong kỳ");
        Header(sheet.Range(r3, 4, r3, 4), "Trực tuyến");
        Header(sheet.Range(r3, 5, r3, 5), "Trực tiếp, dịch vụ bưu chính");
        Header(sheet.Range(r2, 6, r3, 6), "Từ kỳ trước chuyển qua");
        Header(sheet.Range(r1, 7, r1, 10), "Số hồ sơ đã giải quyết");
        Header(sheet.Range(r2, 7, r3, 7), "Tổng số");
        Header(sheet.Range(r2, 8, r3, 8), "Trước hạn");
        Header(sheet.Range(r2, 9, r3, 9), "Đúng hạn");
        Header(sheet.Range(r2, 10, r3, 10), "Quá hạn");
        Header(sheet.Range(r1, 11, r1, LastColumn), "Số hồ sơ đang giải quyết");
        Header(sheet.Range(r2, 11, r3, 11), "Tổng số");
        Header(sheet.Range(r2, 12, r3, 12), "Trong hạn");
        Header(sheet.Range(r2, 13, r3, 13), "Quá hạn");
        sheet.Row(r1).Height = 33;
        sheet.Row(r2).Height = 18;
        sheet.Row(r3).Height = 50;

        for (var c = 1; c <= LastColumn; c++)
        {
            var cell = sheet.Cell(NumbersRow, c);
            cell.SetValue(string.Create(CultureInfo.InvariantCulture, $"({c})"));
            cell.Style.Font.SetItalic().Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        }

        var table = sheet.Range(HeaderRow, 1, NumbersRow, LastColumn);
        table.Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
    }

    private static IXLRange Header(IXLRange range, string text)
    {
        range.Merge();
        range.FirstCell().SetValue(text);
        range.Style.Font.SetBold()
            .Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center)
            .Alignment.SetVertical(XLAlignmentVerticalValues.Center)
            .Alignment.SetWrapText();
        return range;
    }

    /// <summary>Writes the rows from <see cref="FirstDataRow"/>; returns the last row written.</summary>
    private static int WriteRows(IXLWorksheet sheet, IReadOnlyList<Bieu06Row> rows)
    {
        var rowOf = new Dictionary<Bieu06Row, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < rows.Count; i++)
        {
            rowOf[rows[i]] = FirstDataRow + i;
        }

        var subtotals = rows.Where(r => r.Kind == Bieu06RowKind.Subtotal).Select(r => rowOf[r]).ToList();
        var items = rows.Where(r => r.Kind == Bieu06RowKind.Item).ToList();

        foreach (var row in rows)
        {
            var r = rowOf[row];
            var ordinal = sheet.Cell(r, 1);
            ordinal.SetValue(row.Ordinal);
            ordinal.Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
            var label = sheet.Cell(r, 2);
            label.SetValue(row.Label);
            label.Style.Alignment.SetWrapText();
            sheet.Row(r).Height = HeightFor(row.Label.Length + (row.Kind == Bieu06RowKind.Item ? 2 : 0), 38);

            switch (row.Kind)
            {
                case Bieu06RowKind.Item:
                    label.Style.Alignment.SetIndent(1);
                    foreach (var c in Bieu06Template.Columns)
                    {
                        sheet.Cell(r, c).SetValue(row[c]);
                    }

                    SetRowSums(sheet, r);
                    break;
                case Bieu06RowKind.Subtotal:
                    var members = items.Where(i => string.Equals(i.Group, row.Key, StringComparison.Ordinal)).Select(i => rowOf[i]).ToList();
                    SetColumnSums(sheet, r, row, members);
                    sheet.Row(r).Style.Font.SetBold();
                    break;
                case Bieu06RowKind.Total:
                    SetColumnSums(sheet, r, row, subtotals.Count > 0 ? subtotals : items.Select(i => rowOf[i]).ToList());
                    sheet.Row(r).Style.Font.SetBold();
                    break;
            }
        }

        var last = FirstDataRow + rows.Count - 1;
        if (rows.Count > 0)
        {
            var numbers = sheet.Range(FirstDataRow, 3, last, LastColumn);
            numbers.Style.NumberFormat.SetFormat(NumberFormat).Alignment.SetHorizontal(XLAlignmentHorizontalValues.Right);
            var table = sheet.Range(FirstDataRow, 1, last, LastColumn);
            table.Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
            table.Style.Alignment.SetVertical(XLAlignmentVerticalValues.Center);
        }

        return Math.Max(last, NumbersRow);
    }

    /// <summary>(3) = (4)+(5)+(6), (7) = (8)+(9)+(10), (11) = (12)+(13) as formulas.</summary>
    private static void SetRowSums(IXLWorksheet sheet, int r)
    {
        foreach (var (total, parts) in Bieu06Template.RowSums.Where(s => s.Total != 3 || s.Parts.Length == 3))
        {
            var formula = string.Join("+", parts.Select(p => Address(p, r)));
            sheet.Cell(r, total).FormulaA1 = formula;
        }
    }

    /// <summary>Every column the sum of the given rows.</summary>
    private static void SetColumnSums(IXLWorksheet sheet, int r, Bieu06Row row, IReadOnlyList<int> sourceRows)
    {
        foreach (var c in Bieu06Template.Columns)
        {
            var cell = sheet.Cell(r, c);
            if (sourceRows.Count == 0)
            {
                cell.SetValue(row[c]);
                continue;
            }

            var ranges = Runs(sourceRows).Select(run => run.First == run.Last ? Address(c, run.First) : $"{Address(c, run.First)}:{Address(c, run.Last)}");
            cell.FormulaA1 = $"SUM({string.Join(",", ranges)})";
        }
    }

    /// <summary>Consecutive row numbers folded into runs, so a group's items become one range.</summary>
    private static IEnumerable<(int First, int Last)> Runs(IReadOnlyList<int> rows)
    {
        var sorted = rows.Order().ToList();
        var start = sorted[0];
        var previous = start;
        foreach (var r in sorted.Skip(1))
        {
            if (r != previous + 1)
            {
                yield return (start, previous);
                start = r;
            }

            previous = r;
        }

        yield return (start, previous);
    }

    private static int WriteFooter(IXLWorksheet sheet, int top)
    {
        Text(sheet.Range(top, 9, top, LastColumn), "…, ngày … tháng … năm …")
            .Style.Font.SetItalic().Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);

        Text(sheet.Range(top + 1, 1, top + 1, 2), "Nơi nhận:").Style.Font.SetBold().Font.SetItalic();
        Text(sheet.Range(top + 2, 1, top + 2, 2), "- …;");
        Text(sheet.Range(top + 3, 1, top + 3, 2), "- Lưu: VT.");

        Text(sheet.Range(top + 1, 5, top + 1, 8), "NGƯỜI LẬP BIỂU")
            .Style.Font.SetBold().Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        Text(sheet.Range(top + 2, 5, top + 2, 8), "(Ký, ghi rõ họ tên)")
            .Style.Font.SetItalic().Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        Text(sheet.Range(top + 1, 9, top + 1, LastColumn), "THỦ TRƯỞNG ĐƠN VỊ")
            .Style.Font.SetBold().Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        Text(sheet.Range(top + 2, 9, top + 2, LastColumn), "(Ký tên, đóng dấu)")
            .Style.Font.SetItalic().Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);

        // Space to sign, then a line for the signer's name (filled in by hand).
        var nameRow = top + 7;
        sheet.Range(nameRow, 5, nameRow, 8).Merge();
        sheet.Range(nameRow, 9, nameRow, LastColumn).Merge();
        return nameRow;
    }

    private static void SetUpPage(IXLWorksheet sheet, int lastRow)
    {
        var page = sheet.PageSetup;
        page.PageOrientation = XLPageOrientation.Landscape;
        page.PaperSize = XLPaperSize.A4Paper;
        page.FitToPages(1, 0);
        page.SetRowsToRepeatAtTop(HeaderRow, NumbersRow);
        page.PrintAreas.Clear();
        page.PrintAreas.Add(1, 1, lastRow, LastColumn);
        page.CenterHorizontally = true;
        page.Margins.Left = 0.4;
        page.Margins.Right = 0.4;
        page.Margins.Top = 0.5;
        page.Margins.Bottom = 0.5;
        page.Margins.Header = 0.3;
        page.Margins.Footer = 0.3;
        sheet.SheetView.FreezeRows(NumbersRow);
    }

    private static IXLRange Text(IXLRange range, string text)
    {
        range.Merge();
        range.FirstCell().SetValue(text);
        range.Style.Alignment.SetVertical(XLAlignmentVerticalValues.Center);
        return range;
    }

    /// <summary>A row height for wrapped text of <paramref name="length"/> characters in a width of about <paramref name="perLine"/>.</summary>
    private static double HeightFor(int length, int perLine, double lineHeight = 16.5)
    {
        var lines = Math.Max(1, (int)Math.Ceiling(length / (double)perLine));
        return lines * lineHeight;
    }

    private static string Address(int column, int row) =>
        string.Create(CultureInfo.InvariantCulture, $"{XLHelper.GetColumnLetterFromNumber(column)}{row}");
}
