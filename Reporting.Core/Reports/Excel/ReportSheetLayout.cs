using Reporting.Core.Reports.Templates;

namespace Reporting.Core.Reports.Excel;

/// <summary>
/// Where a template's parts sit on its worksheet; the writer and the reader share it, so a file is
/// read back by the positions it was written at. Rows 1–7 hold the heading, the header tree starts at
/// row 8 and takes as many rows as it is deep, then the row of column numbers, then the data.
/// </summary>
public sealed record ReportSheetLayout(ReportTemplate Template)
{
    public const int HeaderRow = 8;

    public int NumbersRow => HeaderRow + Template.HeaderDepth;

    public int FirstDataRow => NumbersRow + 1;

    public int LastColumn => Template.LastColumn;

    /// <summary>Columns of the right-hand heading block (reporting unit, date and head's signature).</summary>
    public (int First, int Last) Right => (LastColumn - 4, LastColumn);

    /// <summary>Columns of the preparer's signature block.</summary>
    public (int First, int Last) Middle => (LastColumn - 8, LastColumn - 5);

    /// <summary>Columns of the left-hand heading block (form number, legal basis).</summary>
    public (int First, int Last) Left => (1, Math.Min(5, LastColumn - 5));

    /// <summary>The print titles as written into the workbook: absolute rows, which LibreOffice needs.</summary>
    public string PrintTitles => $"'{Template.SheetName}'!${HeaderRow}:${NumbersRow}";
}
