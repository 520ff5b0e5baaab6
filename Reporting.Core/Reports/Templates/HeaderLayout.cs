namespace Reporting.Core.Reports.Templates;

/// <summary>One header cell placed on the grid: rows are 0-based within the header, columns are the form's numbers.</summary>
public sealed record HeaderCell(string Text, int Row, int Column, int RowSpan, int ColumnSpan);

/// <summary>
/// Places a template's header tree on a grid: a group takes one row and spans its leaves; a leaf
/// spans the rows left down to the bottom of the header. Excel merges and the screen's header rows
/// are both this list.
/// </summary>
public static class HeaderLayout
{
    public static IReadOnlyList<HeaderCell> Of(ReportTemplate template)
    {
        var depth = template.HeaderDepth;
        var cells = new List<HeaderCell>();
        foreach (var node in template.Header)
        {
            Place(node, 0, depth, cells);
        }

        return cells;
    }

    private static void Place(HeaderNode node, int row, int depth, List<HeaderCell> cells)
    {
        var columns = node.Columns.ToList();
        var first = columns.Min();
        var span = columns.Max() - first + 1;
        if (node.Children.Count == 0)
        {
            cells.Add(new HeaderCell(node.Text, row, first, depth - row, 1));
            return;
        }

        cells.Add(new HeaderCell(node.Text, row, first, 1, span));
        foreach (var child in node.Children)
        {
            Place(child, row + 1, depth, cells);
        }
    }
}
