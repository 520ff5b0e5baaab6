using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reporting.Core.Ingest;

/// <summary>
/// One raw record to ingest; <see cref="QuarantineId"/> is set when re-processing a quarantined one. Either a
/// parsed element (collectors, files, demo) or the record's UTF-8 text cut from a request body that was
/// read forward without a document (the push API): <see cref="Utf8"/> serves both without a copy.
/// </summary>
public sealed record IngestRecord
{
    private readonly ReadOnlyMemory<byte> _utf8;
    private JsonElement? _json;

    public IngestRecord(JsonElement json, long? quarantineId = null)
    {
        _json = json;
        QuarantineId = quarantineId;
    }

    /// <param name="utf8">One well-formed JSON value; the caller keeps the memory alive until the ingest returns.</param>
    public IngestRecord(ReadOnlyMemory<byte> utf8, long? quarantineId = null)
    {
        _utf8 = utf8;
        QuarantineId = quarantineId;
    }

    public long? QuarantineId { get; }

    /// <summary>The record as an element; parsed on first use for a record given as text (readers use <see cref="Utf8"/>).</summary>
    public JsonElement Json => _json ??= JsonDocument.Parse(_utf8).RootElement.Clone();

    /// <summary>The record's JSON text, as received.</summary>
    public ReadOnlySpan<byte> Utf8 => _json is { } json ? System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(json) : _utf8.Span;

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
    public static string Of(IngestRecord record) => record.RawText?.Invoke() ?? System.Text.Encoding.UTF8.GetString(record.Utf8);
}
