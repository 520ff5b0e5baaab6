namespace Reporting.Core.Reports.Templates;

/// <summary>Where a numeric cell's value comes from.</summary>
public enum CellSource
{
    /// <summary>Filled from collected data; locked on screen, overridable only with a reason.</summary>
    Computed,

    /// <summary>Typed in or uploaded (items no feed knows).</summary>
    Manual,

    /// <summary>The sum of other cells of the row (a formula in Excel).</summary>
    Sum,
}

/// <summary>A numeric column: its number (1-based, as printed in the row of column numbers), its full name and source.</summary>
public sealed record ReportColumn(int Number, string Name, CellSource Source, double Width = 11);

/// <summary>
/// A node of the header tree. A leaf is one column (the STT and label columns are leaves too); a group
/// spans its leaves. The Excel writer, the screen and the payload's column names all read this tree.
/// </summary>
public sealed record HeaderNode(string Text, IReadOnlyList<HeaderNode> Children, int? Column = null)
{
    public static HeaderNode Leaf(int column, string text) => new(text, [], column);

    public static HeaderNode Group(string text, params HeaderNode[] children) => new(text, children);

    public IEnumerable<int> Columns => Column is { } c ? [c] : Children.SelectMany(ch => ch.Columns);
}

/// <summary>
/// A sum identity within a row: <see cref="Total"/> = Σ <see cref="Parts"/>. When
/// <see cref="Formula"/> is true the Excel file writes it as a formula; a second identity over the
/// same total column (Biểu 06's (3) = (7) + (11)) is checked but not written.
/// </summary>
public sealed record RowSum(int Total, IReadOnlyList<int> Parts, string Meaning, bool Formula = true);

/// <summary>
/// A report form as data (templates.md): code, texts, legal basis, the header tree, the numeric
/// columns with their source, and the row identities. One instance drives the identities, the Excel
/// writer and reader, the JSON and the screen, so all of them agree cell for cell by construction.
/// Codes, titles and legal basis are data because Circular 05/2025/TT-VPCP may renumber the forms.
/// </summary>
public sealed record ReportTemplate
{
    /// <summary>The code in the API and file names (<c>bieu-06</c>).</summary>
    public required string Code { get; init; }

    /// <summary>The number printed top left (<c>Biểu số 06/VPCP/KSTT</c>).</summary>
    public required string FormNumber { get; init; }

    /// <summary>The worksheet name: Excel forbids '/' in sheet names, so not the form number.</summary>
    public required string SheetName { get; init; }

    public required string LegalBasis { get; init; }

    public required string Title { get; init; }

    public string Unit { get; init; } = "";

    /// <summary>The header tree, columns 1 (STT) and 2 (label) included.</summary>
    public required IReadOnlyList<HeaderNode> Header { get; init; }

    /// <summary>The numeric columns, 3 onwards, in order.</summary>
    public required IReadOnlyList<ReportColumn> Columns { get; init; }

    public required IReadOnlyList<RowSum> RowSums { get; init; }

    public double OrdinalWidth { get; init; } = 6;

    public double LabelWidth { get; init; } = 40;

    /// <summary>Text of the total row's label.</summary>
    public string TotalLabel { get; init; } = "Tổng cộng";

    public int LastColumn => Columns[^1].Number;

    public IEnumerable<int> ColumnNumbers => Columns.Select(c => c.Number);

    /// <summary>How many header rows the tree needs (its depth).</summary>
    public int HeaderDepth => Header.Max(Depth);

    public ReportColumn Column(int number) =>
        Columns.FirstOrDefault(c => c.Number == number)
        ?? throw new ArgumentOutOfRangeException(nameof(number), number, $"{FormNumber} không có cột số ({number}).");

    public bool HasColumn(int number) => Columns.Any(c => c.Number == number);

    public bool IsManual(int number) => HasColumn(number) && Column(number).Source == CellSource.Manual;

    /// <summary>The leaf text of a column (the label of column 1 and 2 too).</summary>
    public string LeafHeader(int column) => Leaves(Header).First(l => l.Column == column).Text;

    private static int Depth(HeaderNode node) => node.Children.Count == 0 ? 1 : 1 + node.Children.Max(Depth);

    private static IEnumerable<HeaderNode> Leaves(IEnumerable<HeaderNode> nodes) =>
        nodes.SelectMany(n => n.Children.Count == 0 ? [n] : Leaves(n.Children));
}
