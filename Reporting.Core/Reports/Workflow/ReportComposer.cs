using Reporting.Core.Reports.Templates;

namespace Reporting.Core.Reports.Workflow;

/// <summary>
/// Lays what a preparer typed over a computed document: manual cells and overridden computed cells on
/// item rows, then each item's sum columns and every subtotal and total re-added, so the result holds
/// the identities unless a typed value breaks one (which the identities then name).
/// </summary>
public static class ReportComposer
{
    public static ReportDocument Apply(ReportDocument computed, IReadOnlyList<CellEntry> manual, IReadOnlyList<CellEntry> overrides)
    {
        var template = computed.Template;
        var typed = manual.Concat(overrides).ToList();
        var applied = new List<CellOverride>();
        var rows = computed.Rows.Select(row =>
        {
            if (row.Kind != ReportRowKind.Item)
            {
                return row;
            }

            var result = row;
            foreach (var cell in typed.Where(c => c.RowKey == row.Key && template.HasColumn(c.Column)))
            {
                result = result.With(cell.Column, cell.Value);
                if (cell.Reason is { } reason && template.Column(cell.Column).Source == CellSource.Computed)
                {
                    applied.Add(new CellOverride(row.Key, cell.Column, row[cell.Column], cell.Value, reason));
                }
            }

            return result.WithRowSums(template);
        }).ToList();

        return computed with { Rows = Retotal(template, rows), Overrides = applied };
    }

    /// <summary>Subtotals as the sums of their items, the total as the sum of the subtotals (or of the items).</summary>
    public static IReadOnlyList<ReportRow> Retotal(ReportTemplate template, IReadOnlyList<ReportRow> rows)
    {
        var items = rows.Where(r => r.Kind == ReportRowKind.Item).ToList();
        var subtotals = rows.Where(r => r.Kind == ReportRowKind.Subtotal)
            .Select(s => Summed(template, s, items.Where(i => i.Group == s.Key)))
            .ToDictionary(s => s.Key);
        return rows.Select(r => r.Kind switch
        {
            ReportRowKind.Subtotal => subtotals[r.Key],
            ReportRowKind.Total => Summed(template, r, subtotals.Count > 0 ? subtotals.Values : items),
            _ => r,
        }).ToList();
    }

    private static ReportRow Summed(ReportTemplate template, ReportRow row, IEnumerable<ReportRow> parts) =>
        row with { Cells = ReportRow.Sum(template, row.Kind, row.Key, row.Label, parts).Cells };
}
