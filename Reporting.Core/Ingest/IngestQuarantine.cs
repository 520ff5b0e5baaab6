using Microsoft.EntityFrameworkCore;
using Reporting.Core.Access;
using Reporting.Core.Persistence;

namespace Reporting.Core.Ingest;

/// <summary>A record of a batch that is not stored, with every reason found for it.</summary>
internal readonly record struct Rejection(int Index, string? Key, List<QuarantineReason> Reasons);

/// <summary>The quarantine side of every ingest: bad records kept with their reasons, re-processed ones marked.</summary>
internal static class IngestQuarantine
{
    /// <summary>Adds (or, for a re-processed record, updates) one quarantine row per rejection and its result.</summary>
    public static async Task AddAsync(
        ReportingDbContext db, string source, string kind, IReadOnlyList<IngestRecord> records,
        List<Rejection> rejected, RecordResult[] results, DateTime now, AgencyScope scope, CancellationToken ct)
    {
        foreach (var (index, key, reasons) in rejected)
        {
            results[index] = new RecordResult(index, key, RecordOutcome.Quarantined, reasons);
            var codes = string.Join(",", reasons.Select(r => r.Code).Distinct());
            var text = string.Join("\n", reasons.Select(r => r.Message));
            if (records[index].QuarantineId is { } qid && await db.Quarantine.FindAsync([qid], ct) is { } again)
            {
                again.ReasonCodes = codes;
                again.Reasons = text;
                continue;
            }

            db.Quarantine.Add(new QuarantinedRecord
            {
                Source = source,
                Kind = kind,
                ScopeAgency = scope.RootCode,
                AgencyCode = KeyOf(records[index], "MaDonVi"),
                RecordKey = key,
                ReasonCodes = Truncate(codes, 300),
                Reasons = text,
                RawJson = RawJson.Of(records[index]),
                QuarantinedAt = now,
                State = QuarantineState.Pending,
            });
        }
    }

    /// <summary>A quarantined record that went through this time (stored, unchanged or stale) is resolved.</summary>
    public static async Task MarkResolvedAsync(ReportingDbContext db, IngestRecord record, DateTime now, CancellationToken ct)
    {
        if (record.QuarantineId is { } id && await db.Quarantine.FindAsync([id], ct) is { } stored)
        {
            stored.State = QuarantineState.Reprocessed;
            stored.ResolvedAt = now;
        }
    }

    /// <summary>The record's key field as text (a string or a number), cut to the code column's width; null when absent.</summary>
    public static string? KeyOf(IngestRecord record, string field = "MaHoSo") =>
        record.Json.ValueKind == System.Text.Json.JsonValueKind.Object
        && record.Json.TryGetProperty(field, out var key)
        && key.ValueKind is System.Text.Json.JsonValueKind.String or System.Text.Json.JsonValueKind.Number
            ? Truncate(key.ValueKind == System.Text.Json.JsonValueKind.String ? key.GetString()! : key.GetRawText(), ColumnWidths.DossierCode)
            : null;

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
