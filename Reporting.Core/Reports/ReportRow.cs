using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Serialization;
using Reporting.Core.Reports.Templates;

namespace Reporting.Core.Reports;

/// <summary>What a row is (api.md: <c>item</c>, <c>subtotal</c>, <c>total</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReportRowKind>))]
public enum ReportRowKind
{
    /// <summary>A field (lĩnh vực) or an agency; the key is its code.</summary>
    [JsonStringEnumMemberName("item")]
    Item,

    /// <summary>A group of items (a level); the key is the group name.</summary>
    [JsonStringEnumMemberName("subtotal")]
    Subtotal,

    /// <summary>The grand total; the key is <c>total</c>.</summary>
    [JsonStringEnumMemberName("total")]
    Total,
}

/// <summary>
/// One row of any form: its numeric cells by column number. Total columns are stored, not derived, so
/// a row typed in or read back from a file can be checked by <see cref="ReportIdentities"/>.
/// </summary>
public sealed record ReportRow
{
    public const string TotalKey = "total";

    public required ReportRowKind Kind { get; init; }

    /// <summary>Field code or agency code (item), group name (subtotal), <c>total</c>.</summary>
    public required string Key { get; init; }

    public required string Label { get; init; }

    /// <summary>Column 1: "I", "II"… for groups, 1, 2… for items, empty for the total.</summary>
    public string Ordinal { get; init; } = "";

    /// <summary>For an item of a grouped report, the key of its group's subtotal row.</summary>
    public string? Group { get; init; }

    /// <summary>A consolidated row taken from live data because the agency has no accepted version ("chưa duyệt").</summary>
    public bool Pending { get; init; }

    public ImmutableSortedDictionary<int, int> Cells { get; init; } = ImmutableSortedDictionary<int, int>.Empty;

    /// <summary>The value of a numeric column; 0 when not filled.</summary>
    public int this[int column] => Cells.TryGetValue(column, out var value) ? value : 0;

    /// <summary>Numeric cells keyed by their column number as text, the JSON shape of api.md.</summary>
    public IReadOnlyDictionary<string, int> Values => Cells.ToDictionary(c => c.Key.ToString(CultureInfo.InvariantCulture), c => c.Value);

    public ReportRow With(int column, int value) => this with { Cells = Cells.SetItem(column, value) };

    public bool IsZero => Cells.Values.All(v => v == 0);

    public static ReportRow Create(ReportRowKind kind, string key, string label, IEnumerable<KeyValuePair<int, int>> cells) => new()
    {
        Kind = kind,
        Key = key,
        Label = label,
        Cells = cells.ToImmutableSortedDictionary(),
    };

    /// <summary>The column-wise sum of <paramref name="rows"/> over the template's columns.</summary>
    public static ReportRow Sum(ReportTemplate template, ReportRowKind kind, string key, string label, IEnumerable<ReportRow> rows)
    {
        var list = rows.ToList();
        return Create(kind, key, label, template.ColumnNumbers.Select(c => KeyValuePair.Create(c, list.Sum(r => r[c]))));
    }

    /// <summary>Sets every sum column of the template from its parts (the first identity naming it).</summary>
    public ReportRow WithRowSums(ReportTemplate template)
    {
        var row = this;
        foreach (var sum in template.RowSums.Where(s => s.Formula))
        {
            row = row.With(sum.Total, sum.Parts.Sum(p => row[p]));
        }

        return row;
    }
}
