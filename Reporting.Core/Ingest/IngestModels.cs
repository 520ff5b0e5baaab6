using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reporting.Core.Ingest;

/// <summary>One raw record to ingest; <see cref="QuarantineId"/> is set when re-processing a quarantined one.</summary>
public sealed record IngestRecord(JsonElement Json, long? QuarantineId = null)
{
    /// <summary>Problems found before the record reader saw the record (an uploaded cell that is not JSON); any of them quarantines it.</summary>
    public IReadOnlyList<QuarantineReason> PriorReasons { get; init; } = [];

    /// <summary>
    /// What the quarantine keeps instead of <see cref="Json"/> (an uploaded row with its row number and cells as read);
    /// a function because only quarantined records need it.
    /// </summary>
    public Func<string>? RawText { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<RecordOutcome>))]
public enum RecordOutcome
{
    Stored,
    Unchanged,
    Stale,
    Quarantined,
}

public sealed record RecordResult(int Index, string? Key, RecordOutcome Outcome, IReadOnlyList<QuarantineReason> Reasons);

/// <summary>The outcome of every record of a batch, in input order.</summary>
public sealed record IngestReport(IReadOnlyList<RecordResult> Records)
{
    public int Count(RecordOutcome outcome) => Records.Count(r => r.Outcome == outcome);
}

/// <summary>Serialises writers in this process: aggregates are read-modify-write counters.</summary>
public sealed class IngestGate
{
    public SemaphoreSlim Lock { get; } = new(1, 1);
}

internal static class RawJson
{
    public static string Of(IngestRecord record) => record.RawText?.Invoke() ?? record.Json.GetRawText();
}
