using Reporting.Core.Access;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Reporting.Core.Aggregates;
using Reporting.Core.Dossiers;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;

namespace Reporting.Core.Ingest;

/// <summary>
/// Stores dossier records from any source (push API, collectors, files, demo): validates each,
/// quarantines bad ones with their reasons, keeps the newest version by NgayCapNhat and updates the
/// aggregates in the same transaction. One bad record never rejects its batch.
/// </summary>
public sealed class DossierIngestor(
    IDbContextFactory<ReportingDbContext> dbFactory,
    ReferenceData referenceData,
    DataVersions versions,
    IngestGate gate,
    DataChangeNotifier notifier,
    TimeProvider clock,
    ILogger<DossierIngestor> logger)
{
    private const int KeyChunk = 5000;

    public async Task<IngestReport> IngestAsync(string source, IReadOnlyList<IngestRecord> records, AgencyScope? scope = null, CancellationToken ct = default)
    {
        scope ??= AgencyScope.Everything;
        var phases = new IngestPhases();
        var now = VietnamTime.ToLocal(clock.GetUtcNow());
        var results = new RecordResult[records.Count];
        var parsedRecords = new List<(int Index, ParsedDossier Parsed, List<QuarantineReason> Reasons)>(records.Count);
        var rejected = new List<(int Index, string? Key, List<QuarantineReason> Reasons)>();

        for (var i = 0; i < records.Count; i++)
        {
            var reasons = new List<QuarantineReason>(records[i].PriorReasons);
            var parsed = DossierRecordReader.Read(records[i].Json, source, reasons);
            if (parsed is null)
            {
                rejected.Add((i, KeyOf(records[i]), reasons));
                continue;
            }

            parsedRecords.Add((i, parsed, reasons));
        }

        phases.Mark("parse");
        var stored = 0;
        long version;
        await gate.Lock.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var dbTx = tx.GetDbTransaction();
            var state = await AggregateWriter.EnsureStateAsync(db, dbTx, DateOnly.FromDateTime(now), ct);

            // Agencies and procedures as this transaction sees them, with the state row locked: an
            // import committed a moment ago is seen, one not committed yet waits for this one (ADR 006).
            var reference = await referenceData.GetAsync(db, ct);
            var valid = new List<(int Index, ParsedDossier Parsed)>(parsedRecords.Count);
            foreach (var (i, parsed, reasons) in parsedRecords)
            {
                var agency = reference.Tree.Resolve(parsed.Dossier.AgencyCode, parsed.AgencyDate);
                if (agency is null)
                {
                    reasons.Add(new QuarantineReason(QuarantineReason.UnknownAgency, "MaDonVi",
                        $"Mã đơn vị '{parsed.Dossier.AgencyCode}' không có trong cây đơn vị vào ngày {parsed.AgencyDate:dd/MM/yyyy}."));
                }
                else if (!scope.Contains(agency.Id))
                {
                    reasons.Add(new QuarantineReason(QuarantineReason.OutsideKeyScope, "MaDonVi",
                        $"Đơn vị '{parsed.Dossier.AgencyCode}' nằm ngoài phạm vi đơn vị '{scope.RootCode}' của người gửi."));
                }
                else
                {
                    parsed.Dossier.AgencyId = agency.Id;
                    valid.Add((i, parsed));
                    continue;
                }

                rejected.Add((i, KeyOf(records[i]), reasons));
            }

            rejected.Sort((a, b) => a.Index.CompareTo(b.Index));

            phases.Mark("open");
            var codes = valid.Select(v => v.Parsed.Dossier.Code).Distinct().ToList();
            var existing = await LoadExistingAsync(db, source, codes, ct);
            phases.Mark("existing");
            var paid = await PaymentIngestor.LoadPaidDossierCodesAsync(db, codes, ct);
            phases.Mark("payments");

            var delta = new AggregateDelta();
            var current = new Dictionary<string, Dossier>(existing);
            var toWrite = new Dictionary<string, Dossier>();
            foreach (var (index, parsed) in valid)
            {
                var d = parsed.Dossier;
                d.PaidByPaymentFeed = paid.Contains(d.Code);
                d.StoredAt = now;
                reference.Procedures.TryGetValue(d.ProcedureCode, out var procedure);
                DossierFacts.Apply(d, parsed.Lists, procedure, reference.Calendar);

                RecordOutcome outcome;
                if (current.TryGetValue(d.Code, out var before))
                {
                    outcome = d.UpdatedAt < before.UpdatedAt ? RecordOutcome.Stale
                        : d.UpdatedAt == before.UpdatedAt ? RecordOutcome.Unchanged
                        : RecordOutcome.Stored;
                    if (outcome == RecordOutcome.Stored)
                    {
                        DossierContribution.Apply(before, -1, state.HorizonBucket, delta);
                    }
                }
                else
                {
                    outcome = RecordOutcome.Stored;
                }

                if (outcome == RecordOutcome.Stored)
                {
                    DossierContribution.Apply(d, 1, state.HorizonBucket, delta);
                    current[d.Code] = d;
                    toWrite[d.Code] = d;
                    stored++;
                }

                results[index] = new RecordResult(index, d.Code, outcome, []);
                if (records[index].QuarantineId is { } qid)
                {
                    await MarkResolvedAsync(db, qid, QuarantineState.Reprocessed, now, ct);
                }
            }

            phases.Mark("facts");
            new RowCommands<Dossier>(db, dbTx).Write(toWrite.Values, d => existing.ContainsKey(d.Code));

            phases.Mark("rows");
            await QuarantineAsync(db, source, RecordKinds.Dossier, records, rejected, results, now, scope, ct);
            await SupersedeAsync(db, source, toWrite.Keys, now, ct);
            phases.Mark("quarantine");
            AggregateWriter.Flush(db, dbTx, delta);
            phases.Mark("aggregates");

            if (toWrite.Count > 0)
            {
                AggregateWriter.Bump(state, now);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            phases.Mark("commit");
            version = state.DataVersion;
        }
        finally
        {
            gate.Lock.Release();
        }

        if (stored > 0)
        {
            versions.Expire();
        }

        logger.LogDebug("Dossier ingest phases (ms): {Phases}", phases);
        logger.LogInformation("Ingested {Count} dossier records from {Source}: {Stored} stored, {Quarantined} quarantined",
            records.Count, source, stored, rejected.Count);
        if (stored > 0)
        {
            notifier.Publish(new DataChange(source, RecordKinds.Dossier, stored, version, clock.GetUtcNow()));
        }

        return new IngestReport(results);
    }

    private static async Task<Dictionary<string, Dossier>> LoadExistingAsync(ReportingDbContext db, string source, List<string> codes, CancellationToken ct)
    {
        var result = new Dictionary<string, Dossier>(codes.Count);
        foreach (var chunk in codes.Chunk(KeyChunk))
        {
            var found = await db.Dossiers.AsNoTracking().Where(d => d.Source == source && EF.Parameter(chunk).Contains(d.Code)).ToListAsync(ct);
            foreach (var d in found)
            {
                result[d.Code] = d;
            }
        }

        return result;
    }

    internal static async Task QuarantineAsync(
        ReportingDbContext db, string source, string kind, IReadOnlyList<IngestRecord> records,
        List<(int Index, string? Key, List<QuarantineReason> Reasons)> rejected, RecordResult[] results, DateTime now,
        AgencyScope scope, CancellationToken ct)
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

    /// <summary>A newer valid version makes older quarantined versions of the same dossier moot.</summary>
    private static async Task SupersedeAsync(ReportingDbContext db, string source, IEnumerable<string> storedCodes, DateTime now, CancellationToken ct)
    {
        if (!await db.Quarantine.AnyAsync(q => q.Source == source && q.State == QuarantineState.Pending && q.Kind == RecordKinds.Dossier, ct))
        {
            return;
        }

        foreach (var chunk in storedCodes.Chunk(KeyChunk))
        {
            await db.Quarantine
                .Where(q => q.Source == source && q.State == QuarantineState.Pending && q.Kind == RecordKinds.Dossier && chunk.Contains(q.RecordKey!))
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.State, QuarantineState.Superseded).SetProperty(q => q.ResolvedAt, now), ct);
        }
    }

    internal static async Task MarkResolvedAsync(ReportingDbContext db, long id, QuarantineState state, DateTime now, CancellationToken ct)
    {
        if (await db.Quarantine.FindAsync([id], ct) is { } record)
        {
            record.State = state;
            record.ResolvedAt = now;
        }
    }

    internal static string? KeyOf(IngestRecord record, string field = "MaHoSo") =>
        record.Json.ValueKind == System.Text.Json.JsonValueKind.Object
        && record.Json.TryGetProperty(field, out var key)
        && key.ValueKind is System.Text.Json.JsonValueKind.String or System.Text.Json.JsonValueKind.Number
            ? Truncate(key.ValueKind == System.Text.Json.JsonValueKind.String ? key.GetString()! : key.GetRawText(), ColumnWidths.DossierCode)
            : null;

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
