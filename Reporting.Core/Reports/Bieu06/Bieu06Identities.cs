using System.Globalization;

namespace Reporting.Core.Reports.Bieu06;

/// <summary>A cell that breaks an identity of Biểu 06: the row, the column and why, in Vietnamese.</summary>
public sealed record Bieu06Violation(string RowKey, int Column, string Message);

/// <summary>
/// The identities of templates.md, checked on screen, in the export and before submission:
/// (3) = (4)+(5)+(6), (7) = (8)+(9)+(10), (11) = (12)+(13), (3) = (7)+(11) on every row; every
/// subtotal equals the sum of its items; the total equals the sum of the subtotals (of the items
/// when the report has no groups). Counts are never negative.
/// </summary>
public static class Bieu06Identities
{
    public static IReadOnlyList<Bieu06Violation> Check(Bieu06Report report) => Check(report.Rows);

    public static IReadOnlyList<Bieu06Violation> Check(IReadOnlyList<Bieu06Row> rows)
    {
        var violations = new List<Bieu06Violation>();
        foreach (var row in rows)
        {
            CheckRow(row, violations);
        }

        var subtotals = rows.Where(r => r.Kind == Bieu06RowKind.Subtotal).ToList();
        var items = rows.Where(r => r.Kind == Bieu06RowKind.Item).ToList();
        foreach (var subtotal in subtotals)
        {
            var members = items.Where(i => string.Equals(i.Group, subtotal.Key, StringComparison.Ordinal)).ToList();
            CompareWithSum(subtotal, members, "tổng các dòng của nhóm", violations);
        }

        foreach (var total in rows.Where(r => r.Kind == Bieu06RowKind.Total))
        {
            if (subtotals.Count > 0)
            {
                CompareWithSum(total, subtotals, "tổng các nhóm", violations);
            }
            else
            {
                CompareWithSum(total, items, "tổng các dòng", violations);
            }
        }

        return violations;
    }

    private static void CheckRow(Bieu06Row row, List<Bieu06Violation> violations)
    {
        foreach (var column in Bieu06Template.Columns)
        {
            if (row[column] < 0)
            {
                violations.Add(new Bieu06Violation(row.Key, column,
                    Invariant($"{Cell(row, column)}: số hồ sơ không được âm (đang ghi {row[column]}).")));
            }
        }

        foreach (var (total, parts) in Bieu06Template.RowSums)
        {
            var sum = parts.Sum(p => row[p]);
            if (row[total] != sum)
            {
                var terms = string.Join(" + ", parts.Select(p => Invariant($"({p})")));
                var values = string.Join(" + ", parts.Select(p => row[p].ToString(CultureInfo.InvariantCulture)));
                violations.Add(new Bieu06Violation(row.Key, total,
                    Invariant($"{Cell(row, total)}: {Meaning(total, parts)} phải bằng {terms} = {values} = {sum}, nhưng đang ghi {row[total]}.")));
            }
        }
    }

    private static void CompareWithSum(Bieu06Row row, IReadOnlyList<Bieu06Row> parts, string what, List<Bieu06Violation> violations)
    {
        foreach (var column in Bieu06Template.Columns)
        {
            var sum = parts.Sum(p => p[column]);
            if (row[column] != sum)
            {
                violations.Add(new Bieu06Violation(row.Key, column,
                    Invariant($"{Cell(row, column)}: phải bằng {what} ({parts.Count} dòng) = {sum}, nhưng đang ghi {row[column]}.")));
            }
        }
    }

    private static string Cell(Bieu06Row row, int column) => Invariant($"Ô cột ({column}) dòng \"{row.Label}\"");

    private static string Meaning(int total, int[] parts) => (total, parts.Length) switch
    {
        (3, 3) => "tổng số hồ sơ nhận giải quyết (trực tuyến, trực tiếp/bưu chính, từ kỳ trước chuyển qua)",
        (3, _) => "số hồ sơ nhận giải quyết (đã giải quyết cộng đang giải quyết)",
        (7, _) => "tổng số hồ sơ đã giải quyết (trước hạn, đúng hạn, quá hạn)",
        (11, _) => "tổng số hồ sơ đang giải quyết (trong hạn, quá hạn)",
        _ => "giá trị",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
