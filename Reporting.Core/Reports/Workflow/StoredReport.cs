using System.Collections.Immutable;
using System.Text.Json;

namespace Reporting.Core.Reports.Workflow;

/// <summary>A row as frozen in a version.</summary>
public sealed record StoredRow(ReportRowKind Kind, string Key, string Label, string Ordinal, string? Group, bool Pending, Dictionary<int, int> Cells)
{
    public static StoredRow Of(ReportRow r) => new(r.Kind, r.Key, r.Label, r.Ordinal, r.Group, r.Pending, r.Cells.ToDictionary());

    public ReportRow ToRow() => new()
    {
        Kind = Kind, Key = Key, Label = Label, Ordinal = Ordinal, Group = Group, Pending = Pending,
        Cells = Cells.ToImmutableSortedDictionary(),
    };
}

/// <summary>The header texts and rows of a frozen version.</summary>
public sealed record StoredDocument(string ReportingUnit, string ReceivingUnit, List<StoredRow> Rows);

/// <summary>A draft's computed cells as taken from live data at <see cref="ComputedAt"/>.</summary>
public sealed record StoredComputation(DateTimeOffset? ComputedAt, StoredDocument Document);

/// <summary>The JSON of the instance and version columns (camelCase, the API's convention).</summary>
internal static class StoredJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException($"Dữ liệu báo cáo lưu trữ hỏng: {typeof(T).Name}.");
}
