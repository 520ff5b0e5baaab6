using System.Globalization;
using Reporting.Core.Reports.Templates;

namespace Reporting.Core.Reports;

/// <summary>A cell that breaks an identity: the row, the column and why, in Vietnamese.</summary>
public sealed record ReportViolation(string RowKey, int Column, string Message);

/// <summary>
/// The identities of templates.md, checked on screen, in the export, on upload and before
/// submission: each row sum of the template on every row; every subtotal equals the sum of its
/// items; the total equals the sum of the subtotals (of the items when the report has no groups).
/// Counts are never negative.
/// </summary>
public static class ReportIdentities
{
    public static IReadOnlyList<ReportViolation> Check(ReportDocument report) => Check(report.Template, report.Rows);

    public static IReadOnlyList<ReportViolation> Check(ReportTemplate template, IReadOnlyList<ReportRow> rows)
    {
        var violations = new List<ReportViolation>();
        foreach (var row in rows)
        {
            CheckRow(template, row, violations);
        }

        var subtotals = rows.Where(r => r.Kind == ReportRowKind.Subtotal).ToList();
        var items = rows.Where(r => r.Kind == ReportRowKind.Item).ToList();
        foreach (var subtotal in subtotals)
        {
            var members = items.Where(i => string.Equals(i.Group, subtotal.Key, StringComparison.Ordinal)).ToList();
            CompareWithSum(template, subtotal, members, "tổng các dòng của nhóm", violations);
        }

        foreach (var total in rows.Where(r => r.Kind == ReportRowKind.Total))
        {
            if (subtotals.Count > 0)
            {
                CompareWithSum(template, total, subtotals, "tổng các nhóm", violations);
            }
            else
            {
                CompareWithSum(template, total, items, "tổng các dòng", violations);
            }
        }

        return violations;
    }

    /// <summary>"Ô cột (4) dòng "Tổng cộng"": how a message names a cell.</summary>
    public static string Cell(ReportRow row, int column) => Invariant($"Ô cột ({column}) dòng \"{row.Label}\"");

    private static void CheckRow(ReportTemplate template, ReportRow row, List<ReportViolation> violations)
    {
        foreach (var column in template.ColumnNumbers)
        {
            if (row[column] < 0)
            {
                violations.Add(new ReportViolation(row.Key, column,
                    Invariant($"{Cell(row, column)}: số liệu không được âm (đang ghi {row[column]}).")));
            }
        }

        foreach (var sum in template.RowSums)
        {
            var expected = sum.Parts.Sum(p => row[p]);
            if (row[sum.Total] != expected)
            {
                var terms = string.Join(" + ", sum.Parts.Select(p => Invariant($"({p})")));
                var values = string.Join(" + ", sum.Parts.Select(p => row[p].ToString(CultureInfo.InvariantCulture)));
                violations.Add(new ReportViolation(row.Key, sum.Total,
                    Invariant($"{Cell(row, sum.Total)}: {sum.Meaning} phải bằng {terms} = {values} = {expected}, nhưng đang ghi {row[sum.Total]}.")));
            }
        }
    }

    private static void CompareWithSum(ReportTemplate template, ReportRow row, IReadOnlyList<ReportRow> parts, string what, List<ReportViolation> violations)
    {
        foreach (var column in template.ColumnNumbers)
        {
            var sum = parts.Sum(p => p[column]);
            if (row[column] != sum)
            {
                violations.Add(new ReportViolation(row.Key, column,
                    Invariant($"{Cell(row, column)}: phải bằng {what} ({parts.Count} dòng) = {sum}, nhưng đang ghi {row[column]}.")));
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
