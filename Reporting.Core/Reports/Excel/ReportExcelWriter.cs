using System.Globalization;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Reporting.Core.Periods;
using Reporting.Core.Reports.Templates;

namespace Reporting.Core.Reports.Excel;

/// <summary>
/// Writes any form as the Excel file of templates.md, everything read from the template: A4
/// landscape, one page wide, header rows repeated (absolute rows, <c>'Biểu 06'!$8:$11</c>), print
/// area, Times New Roman, bordered table, numbers as numbers with <c>#,##0</c>. Sum columns and the
/// subtotal and total rows are formulas, so a reader who corrects a cell sees the totals follow;
/// their cached values are evaluated before saving and equal the figures (a report breaking an
/// identity is refused). Column widths and row heights are explicit (AdjustToContents needs
/// libgdiplus). An overridden cell carries a comment with the computed value and the reason; a
/// consolidated row taken from live data says "(chưa duyệt)".
/// </summary>
public static class ReportExcelWriter
{
    public const string FontName = "Times New Roman";
    public const string NumberFormat = "#,##0";
    public const string PendingMark = " (chưa duyệt)";
    public const string NarrativeSheet = "Đề cương";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const double FontSize = 12;

    /// <summary>"bieu-06_000.00.12.H42_2026-Q3_cutoff.xlsx".</summary>
    public static string FileName(ReportDocument report, string? suffix = null) =>
        $"{report.Template.Code}_{report.Agency.Code}_{report.Period}_{(report.WindowKind == WindowKind.Cutoff ? "cutoff" : "calendar")}{suffix}.xlsx";

    /// <exception cref="InvalidOperationException">
    /// The report breaks an identity of <see cref="ReportIdentities"/>: its formulas could not equal its
    /// figures, so it is not exported. The message lists the cells and why.
    /// </exception>
    public static void Write(ReportDocument report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stream);
        var violations = ReportIdentities.Check(report);
        if (violations.Count > 0)
        {
            throw new InvalidOperationException(
                $"{report.Template.FormNumber} không xuất được vì số liệu không khớp: " + string.Join(" ", violations.Select(v => v.Message)));
        }

        var layout = new ReportSheetLayout(report.Template);
        using var buffer = new MemoryStream();
        using (var workbook = new XLWorkbook())
        {
            workbook.Style.Font.FontName = FontName;
            workbook.Style.Font.FontSize = FontSize;
            var sheet = workbook.AddWorksheet(report.Template.SheetName);
            sheet.Style.Font.FontName = FontName;
            sheet.Style.Font.FontSize = FontSize;

            SetColumnWidths(sheet, report.Template);
            WriteHeading(sheet, layout, report);
            WriteTableHeader(sheet, layout);
            var lastDataRow = WriteRows(sheet, layout, report);
            var lastRow = WriteFooter(sheet, layout, lastDataRow + 2);
            SetUpPage(sheet, layout, lastRow);
            WriteNarrative(workbook, report);

            workbook.FullCalculationOnLoad = true;
            workbook.SaveAs(buffer, new SaveOptions { EvaluateFormulasBeforeSaving = true, GenerateCalculationChain = true });
        }

        AbsolutePrintTitles(buffer, layout);
        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    /// <summary>The narrative sections on a sheet of their own, under their fixed headings, A4 portrait.</summary>
    private static void WriteNarrative(XLWorkbook workbook, ReportDocument report)
    {
        if (report.Narrative.Count == 0)
        {
            return;
        }

        var sheet = workbook.AddWorksheet(NarrativeSheet);
        sheet.Style.Font.FontName = FontName;
        sheet.Style.Font.FontSize = FontSize;
        sheet.Column(1).Width = 110;
        var r = 1;
        sheet.Cell(r, 1).SetValue($"ĐỀ CƯƠNG BÁO CÁO KÈM {report.Template.FormNumber.ToUpperInvariant()} — {report.PeriodLabel}").Style.Font.SetBold();
        r += 2;
        foreach (var (heading, text) in report.Narrative)
        {
            sheet.Cell(r++, 1).SetValue(heading).Style.Font.SetBold();
            var body = sheet.Cell(r++, 1);
            body.SetValue(text);
            body.Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            sheet.Row(body.Address.RowNumber).Height = HeightFor(text.Length + (20 * text.Count(c => c == '\n')), 120);
            r++;
        }

        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.PageOrientation = XLPageOrientation.Portrait;
        sheet.PageSetup.FitToPages(1, 0);
    }

    /// <summary>Excel's rules: 1–31 characters, none of <c>: \ / ? * [ ]</c>, no apostrophe at either end.</summary>
    public static bool IsValidSheetName(string? name) =>
        !string.IsNullOrWhiteSpace(name)
        && name.Length <= 31
        && name.IndexOfAny([':', '\\', '/', '?', '*', '[', ']']) < 0
        && !name.StartsWith('\'')
        && !name.EndsWith('\'');

    /// <summary>
    /// ClosedXML 0.95 names the repeated rows <c>'Biểu 06'!8:11</c>; LibreOffice ignores that relative
    /// form and prints pages 2 and after without the header. The defined name is rewritten absolute.
    /// </summary>
    private static void AbsolutePrintTitles(MemoryStream buffer, ReportSheetLayout layout)
    {
        using var document = SpreadsheetDocument.Open(buffer, true);
        var names = document.WorkbookPart?.Workbook.DefinedNames?.Elements<DefinedName>() ?? [];
        foreach (var name in names.Where(n => n.Name?.Value == "_xlnm.Print_Titles"))
        {
            name.Text = layout.PrintTitles;
        }

        document.WorkbookPart!.Workbook.Save();
    }

    private static void SetColumnWidths(IXLWorksheet sheet, ReportTemplate template)
    {
        sheet.Column(1).Width = template.OrdinalWidth;
        sheet.Column(2).Width = template.LabelWidth;
        foreach (var column in template.Columns)
        {
            sheet.Column(column.Number).Width = column.Width;
        }
    }

    private static void WriteHeading(IXLWorksheet sheet, ReportSheetLayout layout, ReportDocument report)
    {
        var template = report.Template;
        var last = layout.LastColumn;
        var (leftFirst, leftLast) = layout.Left;
        var (rightFirst, _) = layout.Right;
        Text(sheet.Range(1, leftFirst, 1, leftLast), template.FormNumber).Style.Font.SetBold();
        Text(sheet.Range(2, leftFirst, 2, leftLast), template.LegalBasis).Style.Font.SetItalic().Alignment.SetWrapText();
        Text(sheet.Range(1, rightFirst, 1, last), $"- Đơn vị báo cáo: {report.ReportingUnit}").Style.Alignment.SetWrapText();
        Text(sheet.Range(2, rightFirst, 2, last), $"- Đơn vị nhận báo cáo: {report.ReceivingUnit}").Style.Alignment.SetWrapText();
        sheet.Row(1).Height = HeightFor(Math.Max(template.FormNumber.Length, report.ReportingUnit.Length + 18), 55);
        sheet.Row(2).Height = HeightFor(Math.Max(template.LegalBasis.Length, report.ReceivingUnit.Length + 24), 55);

        var title = Text(sheet.Range(4, 1, 4, last), template.Title);
        title.Style.Font.SetBold().Font.SetFontSize(13).Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center).Alignment.SetWrapText();
        sheet.Row(4).Height = HeightFor(template.Title.Length, 90, 18);

        Text(sheet.Range(5, 1, 5, last), $"Kỳ báo cáo: {report.PeriodLabel}")
            .Style.Font.SetBold().Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        Text(sheet.Range(6, 1, 6, last), $"({report.Window.Display})")
            .Style.Font.SetItalic().Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        Text(sheet.Range(7, last - 3, 7, last), template.Unit)
            .Style.Font.SetItalic().Alignment.SetHorizontal(XLAlignmentHorizontalValues.Right);
    }

    private static void WriteTableHeader(IXLWorksheet sheet, ReportSheetLayout layout)
    {
        var template = layout.Template;
        foreach (var cell in HeaderLayout.Of(template))
        {
            var top = ReportSheetLayout.HeaderRow + cell.Row;
            var range = sheet.Range(top, cell.Column, top + cell.RowSpan - 1, cell.Column + cell.ColumnSpan - 1);
            range.Merge();
            range.FirstCell().SetValue(cell.Text);
            range.Style.Font.SetBold()
                .Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center)
                .Alignment.SetVertical(XLAlignmentVerticalValues.Center)
                .Alignment.SetWrapText();
        }

        // A row per level of the tree; the last, holding most leaf texts, is the tallest.
        var depth = template.HeaderDepth;
        for (var r = 0; r < depth; r++)
        {
            sheet.Row(ReportSheetLayout.HeaderRow + r).Height = r == depth - 1 ? 50 : r == 0 ? 33 : 18;
        }

        for (var c = 1; c <= layout.LastColumn; c++)
        {
            var cell = sheet.Cell(layout.NumbersRow, c);
            cell.SetValue(string.Create(CultureInfo.InvariantCulture, $"({c})"));
            cell.Style.Font.SetItalic().Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        }

        var table = sheet.Range(ReportSheetLayout.HeaderRow, 1, layout.NumbersRow, layout.LastColumn);
        table.Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
    }

    /// <summary>Writes the rows from the first data row; returns the last row written.</summary>
    private static int WriteRows(IXLWorksheet sheet, ReportSheetLayout layout, ReportDocument report)
    {
        var template = report.Template;
        var rows = report.Rows;
        var first = layout.FirstDataRow;
        var rowOf = new Dictionary<ReportRow, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < rows.Count; i++)
        {
            rowOf[rows[i]] = first + i;
        }

        var subtotals = rows.Where(r => r.Kind == ReportRowKind.Subtotal).Select(r => rowOf[r]).ToList();
        var items = rows.Where(r => r.Kind == ReportRowKind.Item).ToList();
        var formulas = template.RowSums.Where(s => s.Formula).ToList();

        foreach (var row in rows)
        {
            var r = rowOf[row];
            var ordinal = sheet.Cell(r, 1);
            ordinal.SetValue(row.Ordinal);
            ordinal.Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
            var label = sheet.Cell(r, 2);
            var text = row.Pending ? row.Label + PendingMark : row.Label;
            label.SetValue(text);
            label.Style.Alignment.SetWrapText();
            if (row.Pending)
            {
                label.Style.Font.SetItalic();
            }

            sheet.Row(r).Height = HeightFor(text.Length + (row.Kind == ReportRowKind.Item ? 2 : 0), (int)template.LabelWidth - 2);

            switch (row.Kind)
            {
                case ReportRowKind.Item:
                    label.Style.Alignment.SetIndent(1);
                    foreach (var c in template.ColumnNumbers)
                    {
                        sheet.Cell(r, c).SetValue(row[c]);
                    }

                    foreach (var sum in formulas)
                    {
                        sheet.Cell(r, sum.Total).FormulaA1 = string.Join("+", sum.Parts.Select(p => Address(p, r)));
                    }

                    break;
                case ReportRowKind.Subtotal:
                    var members = items.Where(i => string.Equals(i.Group, row.Key, StringComparison.Ordinal)).Select(i => rowOf[i]).ToList();
                    SetColumnSums(sheet, template, r, row, members);
                    sheet.Row(r).Style.Font.SetBold();
                    break;
                case ReportRowKind.Total:
                    SetColumnSums(sheet, template, r, row, subtotals.Count > 0 ? subtotals : items.Select(i => rowOf[i]).ToList());
                    sheet.Row(r).Style.Font.SetBold();
                    break;
            }
        }

        foreach (var adjustment in report.Overrides)
        {
            if (rows.FirstOrDefault(x => x.Key == adjustment.RowKey) is { } row && template.HasColumn(adjustment.Column))
            {
                sheet.Cell(rowOf[row], adjustment.Column).Comment.AddText(string.Create(CultureInfo.InvariantCulture,
                    $"Số tính từ dữ liệu: {adjustment.Computed}; sửa thành {adjustment.Value}. Lý do: {adjustment.Reason}"));
            }
        }

        var last = first + rows.Count - 1;
        if (rows.Count > 0)
        {
            var numbers = sheet.Range(first, 3, last, layout.LastColumn);
            numbers.Style.NumberFormat.SetFormat(NumberFormat).Alignment.SetHorizontal(XLAlignmentHorizontalValues.Right);
            var table = sheet.Range(first, 1, last, layout.LastColumn);
            table.Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
            table.Style.Alignment.SetVertical(XLAlignmentVerticalValues.Center);
        }

        return Math.Max(last, layout.NumbersRow);
    }

    /// <summary>Every column the sum of the given rows.</summary>
    private static void SetColumnSums(IXLWorksheet sheet, ReportTemplate template, int r, ReportRow row, IReadOnlyList<int> sourceRows)
    {
        foreach (var c in template.ColumnNumbers)
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

    private static int WriteFooter(IXLWorksheet sheet, ReportSheetLayout layout, int top)
    {
        var last = layout.LastColumn;
        var (rightFirst, _) = layout.Right;
        var (middleFirst, middleLast) = layout.Middle;
        Text(sheet.Range(top, rightFirst, top, last), "…, ngày … tháng … năm …")
            .Style.Font.SetItalic().Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);

        Text(sheet.Range(top + 1, 1, top + 1, 2), "Nơi nhận:").Style.Font.SetBold().Font.SetItalic();
        Text(sheet.Range(top + 2, 1, top + 2, 2), "- …;");
        Text(sheet.Range(top + 3, 1, top + 3, 2), "- Lưu: VT.");

        Text(sheet.Range(top + 1, middleFirst, top + 1, middleLast), "NGƯỜI LẬP BIỂU")
            .Style.Font.SetBold().Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        Text(sheet.Range(top + 2, middleFirst, top + 2, middleLast), "(Ký, ghi rõ họ tên)")
            .Style.Font.SetItalic().Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        Text(sheet.Range(top + 1, rightFirst, top + 1, last), "THỦ TRƯỞNG ĐƠN VỊ")
            .Style.Font.SetBold().Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        Text(sheet.Range(top + 2, rightFirst, top + 2, last), "(Ký tên, đóng dấu)")
            .Style.Font.SetItalic().Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);

        // Space to sign, then a line for the signer's name (filled in by hand).
        var nameRow = top + 7;
        sheet.Range(nameRow, middleFirst, nameRow, middleLast).Merge();
        sheet.Range(nameRow, rightFirst, nameRow, last).Merge();
        return nameRow;
    }

    private static void SetUpPage(IXLWorksheet sheet, ReportSheetLayout layout, int lastRow)
    {
        var page = sheet.PageSetup;
        page.PageOrientation = XLPageOrientation.Landscape;
        page.PaperSize = XLPaperSize.A4Paper;
        page.FitToPages(1, 0);
        page.SetRowsToRepeatAtTop(ReportSheetLayout.HeaderRow, layout.NumbersRow);
        page.PrintAreas.Clear();
        page.PrintAreas.Add(1, 1, lastRow, layout.LastColumn);
        page.CenterHorizontally = true;
        page.Margins.Left = 0.4;
        page.Margins.Right = 0.4;
        page.Margins.Top = 0.5;
        page.Margins.Bottom = 0.5;
        page.Margins.Header = 0.3;
        page.Margins.Footer = 0.3;
        sheet.SheetView.FreezeRows(layout.NumbersRow);
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
