using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Reporting.Tests.Reports;

/// <summary>
/// A workbook as lines of text, one fact per line (cell values, formulas and styles, merges, widths,
/// heights, page set-up, defined names), so two workbooks compare cell by cell and a difference
/// names the cell and the fact that changed.
/// </summary>
internal static class WorkbookDump
{
    public static List<string> Of(byte[] file)
    {
        var lines = new List<string>();
        using (var workbook = new XLWorkbook(new MemoryStream(file)))
        {
            foreach (var sheet in workbook.Worksheets)
            {
                lines.Add($"sheet '{sheet.Name}'");
                foreach (var cell in sheet.CellsUsed(XLCellsUsedOptions.All).OrderBy(c => c.Address.RowNumber).ThenBy(c => c.Address.ColumnNumber))
                {
                    lines.Add(Cell(cell));
                }

                lines.AddRange(sheet.MergedRanges.Select(r => $"merge {r.RangeAddress.ToStringRelative()}").Order(StringComparer.Ordinal));
                lines.AddRange(sheet.ColumnsUsed().Select(c => Invariant($"width {c.ColumnLetter()} {c.Width:0.##}")));
                lines.AddRange(sheet.RowsUsed(XLCellsUsedOptions.All).Select(r => Invariant($"height {r.RowNumber()} {r.Height:0.##}")));
                var page = sheet.PageSetup;
                lines.Add(Invariant($"page {page.PageOrientation} {page.PaperSize} wide {page.PagesWide} tall {page.PagesTall} center {page.CenterHorizontally}"));
                lines.Add(Invariant($"margins {page.Margins.Left} {page.Margins.Right} {page.Margins.Top} {page.Margins.Bottom} {page.Margins.Header} {page.Margins.Footer}"));
                lines.Add(Invariant($"repeat rows {page.FirstRowToRepeatAtTop}:{page.LastRowToRepeatAtTop}"));
                lines.AddRange(page.PrintAreas.Select(a => $"print area {a.RangeAddress.ToStringRelative()}"));
                lines.Add(Invariant($"freeze {sheet.SheetView.SplitRow}"));
            }
        }

        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        foreach (var name in document.WorkbookPart!.Workbook.DefinedNames?.Elements<DefinedName>() ?? [])
        {
            lines.Add($"defined name {name.Name} = {name.Text}");
        }

        return lines;
    }

    private static string Cell(IXLCell cell)
    {
        var s = cell.Style;
        var text = new StringBuilder(cell.Address.ToString());
        if (cell.HasFormula)
        {
            text.Append(Invariant($" ={cell.FormulaA1} -> {cell.CachedValue}"));
        }
        else if (!cell.IsEmpty())
        {
            text.Append(Invariant($" {cell.DataType} '{cell.GetString()}'"));
        }

        text.Append(Invariant($" | {s.Font.FontName} {s.Font.FontSize}{(s.Font.Bold ? " b" : "")}{(s.Font.Italic ? " i" : "")}"));
        text.Append(Invariant($" fmt '{s.NumberFormat.Format}' h {s.Alignment.Horizontal} v {s.Alignment.Vertical}{(s.Alignment.WrapText ? " wrap" : "")} ind {s.Alignment.Indent}"));
        text.Append(Invariant($" border {s.Border.LeftBorder}/{s.Border.TopBorder}/{s.Border.RightBorder}/{s.Border.BottomBorder}"));
        if (cell.HasComment)
        {
            text.Append($" comment '{cell.Comment.Text}'");
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
