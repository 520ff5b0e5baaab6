using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Reporting.Core.Access;
using Reporting.Core.Aggregates;
using Reporting.Core.Dossiers;
using Reporting.Core.Persistence;

namespace Reporting.Core.Ingest;

/// <summary>
/// Stores dossier records from any source (push API, collectors, files, demo): validates each,
/// quarantines bad ones with their reasons, keeps the newest version by NgayCapNhat and updates the
/// aggregates in the same transaction. One bad record never rejects its batch.
/// The steps, in order: <see cref="Parse"/>, then in the write transaction <see cref="ResolveScope"/>,
/// <see cref="LoadVersionsAsync"/>, <see cref="DecideAsync"/> (versions, facts, aggregate deltas),
/// the row writes, <see cref="QuarantineAsync"/>, the aggregates, commit and notify (<see cref="IngestTransactions"/>).
/// </summary>
public sealed class DossierIngestor(
    IngestTransactions transactions,
    ReferenceData referenceData,
    ILogger<DossierIngestor> logger)
{
    /// <summary>A record that parsed, waiting for its agency; <see cref="Reasons"/> collects what a later step finds.</summary>
    private readonly record struct Candidate(int Index, ParsedDossier Parsed, List<QuarantineReason> Reasons);

    /// <summary>What the steps in the transaction share: the records, their results, the rejections so far.</summary>
    private sealed class Batch(string source, IReadOnlyList<IngestRecord> records, AgencyScope scope)
    {
        public string Source => source;
        public IReadOnlyList<IngestRecord> Records => records;
        public AgencyScope Scope => scope;
        public RecordResult[] Results { get; } = new RecordResult[records.Count];
        public List<Rejection> Rejected { get; } = [];
        public IngestPhases Phases { get; } = new();

        /// <summary>Records stored (a code sent twice with newer versions counts twice, as each version was stored).</summary>
        public int Stored { get; set; }
    }

    public async Task<IngestReport> IngestAsync(string source, IReadOnlyList<IngestRecord> records, AgencyScope? scope = null, CancellationToken ct = default)
    {
        var batch = new Batch(source, records, scope ?? AgencyScope.Everything);
        var candidates = Parse(batch);
        batch.Phases.Mark("parse");
        await transactions.RunAsync(source, RecordKinds.Dossier, transactions.LocalNow(), (unit, token) => StoreAsync(unit, batch, candidates, token), ct);
        batch.Phases.Mark("commit");

        logger.LogDebug("Dossier ingest phases (ms): {Phases}", batch.Phases);
        logger.LogInformation("Ingested {Count} dossier records from {Source}: {Stored} stored, {Quarantined} quarantined",
            records.Count, source, batch.Stored, batch.Rejected.Count);
        return new IngestReport(batch.Results);
    }

    /// <summary>Step 1, outside the transaction: each record's fields read and checked on their own.</summary>
    private static List<Candidate> Parse(Batch batch)
    {
        var candidates = new List<Candidate>(batch.Records.Count);
        for (var i = 0; i < batch.Records.Count; i++)
        {
            var record = batch.Records[i];
            var reasons = new List<QuarantineReason>(record.PriorReasons);
            if (DossierRecordReader.Read(record.Utf8, batch.Source, reasons) is { } parsed)
            {
                candidates.Add(new Candidate(i, parsed, reasons));
            }
            else
            {
                batch.Rejected.Add(new Rejection(i, IngestQuarantine.KeyOf(record), reasons));
            }
        }

        return candidates;
    }

    /// <summary>The steps inside the write transaction; returns how many versions were stored.</summary>
    private async Task<int> StoreAsync(IngestUnit unit, Batch batch, List<Candidate> candidates, CancellationToken ct)
    {
        // Agencies and procedures as this transaction sees them, with the state row locked: an
        // import committed a moment ago is seen, one not committed yet waits for this one (ADR 006).
        var reference = await referenceData.GetAsync(unit.Db, ct);
        var valid = ResolveScope(batch, candidates, reference);
        batch.Phases.Mark("scope");

        var codes = DistinctCodes(valid);
        var existing = await LoadVersionsAsync(unit.Db, batch.Source, codes, ct);
        batch.Phases.Mark("versions");
        var paid = await PaymentIngestor.LoadPaidDossierCodesAsync(unit.Db, codes, ct);
        batch.Phases.Mark("payments");

        var delta = new AggregateDelta();
        var toWrite = await DecideAsync(unit, batch, valid, existing, paid, reference, delta, ct);
        batch.Phases.Mark("facts");

        // In key order (one source a batch, so the code alone orders it): the consecutive inserts into the key's index
        // descend through the same interior pages, which stay in the CPU's caches (docs/benchmarks.md, third pass).
        new RowCommands<Dossier>(unit.Db, unit.Transaction).Write(toWrite.Values.OrderBy(d => d.Code, StringComparer.Ordinal), d => existing.ContainsKey(d.Code));
        batch.Phases.Mark("rows");

        await QuarantineAsync(unit, batch, toWrite.Keys, ct);
        batch.Phases.Mark("quarantine");

        AggregateWriter.Flush(unit.Db, unit.Transaction, delta);
        batch.Phases.Mark("aggregates");
        return batch.Stored;
    }

    /// <summary>Step 2: each record's agency on its date, inside the caller's scope, or a reason.</summary>
    private static List<(int Index, ParsedDossier Parsed)> ResolveScope(Batch batch, List<Candidate> candidates, ReferenceSnapshot reference)
    {
        var valid = new List<(int Index, ParsedDossier Parsed)>(candidates.Count);
        foreach (var (index, parsed, reasons) in candidates)
        {
            var agency = reference.Tree.Resolve(parsed.Dossier.AgencyCode, parsed.AgencyDate);
            if (agency is null)
            {
                reasons.Add(new QuarantineReason(QuarantineReason.UnknownAgency, "MaDonVi",
                    $"Mã đơn vị '{parsed.Dossier.AgencyCode}' không có trong cây đơn vị vào ngày {parsed.AgencyDate:dd/MM/yyyy}."));
            }
            else if (!batch.Scope.Contains(agency.Id))
            {
                reasons.Add(new QuarantineReason(QuarantineReason.OutsideKeyScope, "MaDonVi",
                    $"Đơn vị '{parsed.Dossier.AgencyCode}' nằm ngoài phạm vi đơn vị '{batch.Scope.RootCode}' của người gửi."));
            }
            else
            {
                parsed.Dossier.AgencyId = agency.Id;
                valid.Add((index, parsed));
                continue;
            }

            batch.Rejected.Add(new Rejection(index, IngestQuarantine.KeyOf(batch.Records[index]), reasons));
        }

        batch.Rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        return valid;
    }

    private static List<string> DistinctCodes(List<(int Index, ParsedDossier Parsed)> valid)
    {
        var seen = new HashSet<string>(valid.Count, StringComparer.Ordinal);
        var codes = new List<string>(valid.Count);
        foreach (var (_, parsed) in valid)
        {
            if (seen.Add(parsed.Dossier.Code))
            {
                codes.Add(parsed.Dossier.Code);
            }
        }

        return codes;
    }

    /// <summary>Step 3: the stored version of each code of this source.</summary>
    private static async Task<Dictionary<string, Dossier>> LoadVersionsAsync(ReportingDbContext db, string source, List<string> codes, CancellationToken ct)
    {
        var result = new Dictionary<string, Dossier>(codes.Count);
        foreach (var chunk in codes.Chunk(IngestRules.KeyChunk))
        {
            var found = await db.Dossiers.AsNoTracking().Where(d => d.Source == source && EF.Parameter(chunk).Contains(d.Code)).ToListAsync(ct);
            foreach (var d in found)
            {
                result[d.Code] = d;
            }
        }

        return result;
    }

    /// <summary>
    /// Step 4, in input order: the version rule against the stored (or an earlier record's) version, the
    /// facts of each record, and the aggregate delta of every version replaced and stored.
    /// </summary>
    private static async Task<Dictionary<string, Dossier>> DecideAsync(IngestUnit unit, Batch batch, List<(int Index, ParsedDossier Parsed)> valid,
        Dictionary<string, Dossier> existing, HashSet<string> paid, ReferenceSnapshot reference, AggregateDelta delta, CancellationToken ct)
    {
        var horizon = unit.State.HorizonBucket;
        var current = new Dictionary<string, Dossier>(existing);
        var toWrite = new Dictionary<string, Dossier>(valid.Count);
        foreach (var (index, parsed) in valid)
        {
            var d = parsed.Dossier;
            d.PaidByPaymentFeed = paid.Contains(d.Code);
            d.StoredAt = unit.Now;
            reference.Procedures.TryGetValue(d.ProcedureCode, out var procedure);
            DossierFacts.Apply(d, parsed.Lists, procedure, reference.Calendar);

            var before = current.GetValueOrDefault(d.Code);
            var outcome = before is null ? RecordOutcome.Stored : IngestRules.Compare(d.UpdatedAt, before.UpdatedAt);
            if (outcome == RecordOutcome.Stored)
            {
                if (before is not null)
                {
                    DossierContribution.Apply(before, -1, horizon, delta);
                }

                DossierContribution.Apply(d, 1, horizon, delta);
                current[d.Code] = d;
                toWrite[d.Code] = d;
                batch.Stored++;
            }

            batch.Results[index] = new RecordResult(index, d.Code, outcome, []);
            await IngestQuarantine.MarkResolvedAsync(unit.Db, batch.Records[index], unit.Now, ct);
        }

        return toWrite;
    }

    /// <summary>Step 5: the rejected records quarantined, and older quarantined versions of stored dossiers superseded.</summary>
    private static async Task QuarantineAsync(IngestUnit unit, Batch batch, IEnumerable<string> storedCodes, CancellationToken ct)
    {
        await IngestQuarantine.AddAsync(unit.Db, batch.Source, RecordKinds.Dossier, batch.Records, batch.Rejected, batch.Results, unit.Now, batch.Scope, ct);
        await SupersedeAsync(unit.Db, batch.Source, storedCodes, unit.Now, ct);
    }

    /// <summary>A newer valid version makes older quarantined versions of the same dossier moot.</summary>
    private static async Task SupersedeAsync(ReportingDbContext db, string source, IEnumerable<string> storedCodes, DateTime now, CancellationToken ct)
    {
        if (!await db.Quarantine.AnyAsync(q => q.Source == source && q.State == QuarantineState.Pending && q.Kind == RecordKinds.Dossier, ct))
        {
            return;
        }

        foreach (var chunk in storedCodes.Chunk(IngestRules.KeyChunk))
        {
            await db.Quarantine
                .Where(q => q.Source == source && q.State == QuarantineState.Pending && q.Kind == RecordKinds.Dossier && chunk.Contains(q.RecordKey!))
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.State, QuarantineState.Superseded).SetProperty(q => q.ResolvedAt, now), ct);
        }
    }
}
