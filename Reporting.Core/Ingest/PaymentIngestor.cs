using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Reporting.Core.Access;
using Reporting.Core.Aggregates;
using Reporting.Core.Dossiers;
using Reporting.Core.Persistence;

namespace Reporting.Core.Ingest;

/// <summary>
/// Stores payment transactions and keeps "paid online" of their dossiers right, whichever of the
/// two arrives first: a payment for a dossier not yet stored is kept and applied when it arrives.
/// The transaction, the version rule and the quarantine are those of every ingest
/// (<see cref="IngestTransactions"/>, <see cref="IngestRules"/>, <see cref="IngestQuarantine"/>).
/// </summary>
public sealed class PaymentIngestor(IngestTransactions transactions, ILogger<PaymentIngestor> logger)
{
    /// <summary>
    /// A caller limited to a scope may only write payments of dossiers in it: the dossier a payment names (and,
    /// for a new version, the dossier its stored version named) must be stored and inside the scope (access.md).
    /// </summary>
    public async Task<IngestReport> IngestAsync(string source, IReadOnlyList<IngestRecord> records, AgencyScope? scope = null, CancellationToken ct = default)
    {
        scope ??= AgencyScope.Everything;
        var results = new RecordResult[records.Count];
        var valid = new List<(int Index, Payment Payment)>();
        var rejected = new List<Rejection>();
        for (var i = 0; i < records.Count; i++)
        {
            var reasons = new List<QuarantineReason>();
            if (PaymentRecordReader.Read(records[i].Utf8, source, reasons) is { } payment)
            {
                valid.Add((i, payment));
            }
            else
            {
                rejected.Add(new Rejection(i, IngestQuarantine.KeyOf(records[i], "MaGiaoDich"), reasons));
            }
        }

        var dossiersChanged = 0;
        var stored = await transactions.RunAsync(source, RecordKinds.Payment, transactions.LocalNow(), async (unit, token) =>
        {
            var (db, dbTx, now) = (unit.Db, unit.Transaction, unit.Now);
            var keys = valid.Select(v => v.Payment.TransactionCode).Distinct().ToList();
            var existing = new Dictionary<string, Payment>();
            foreach (var chunk in keys.Chunk(IngestRules.KeyChunk))
            {
                foreach (var p in await db.Payments.AsNoTracking().Where(p => EF.Parameter(chunk).Contains(p.TransactionCode)).ToListAsync(token))
                {
                    existing[p.TransactionCode] = p;
                }
            }

            if (!scope.IsEverything)
            {
                valid = await KeepInScopeAsync(db, valid, existing, scope, rejected, token);
            }

            var count = 0;
            var current = new Dictionary<string, Payment>(existing);
            var toWrite = new Dictionary<string, Payment>();
            foreach (var (index, payment) in valid)
            {
                payment.StoredAt = now;
                payment.FirstStoredAt = now;
                var outcome = RecordOutcome.Stored;
                if (current.TryGetValue(payment.TransactionCode, out var before))
                {
                    payment.FirstStoredAt = before.FirstStoredAt;
                    outcome = IngestRules.Compare(payment.UpdatedAt, before.UpdatedAt);
                }

                if (outcome == RecordOutcome.Stored)
                {
                    current[payment.TransactionCode] = payment;
                    toWrite[payment.TransactionCode] = payment;
                    count++;
                }

                results[index] = new RecordResult(index, payment.TransactionCode, outcome, []);
                await IngestQuarantine.MarkResolvedAsync(db, records[index], now, token);
            }

            new RowCommands<Payment>(db, dbTx).Write(toWrite.Values, p => existing.ContainsKey(p.TransactionCode));

            var affected = toWrite.Values.Select(p => p.DossierCode).Distinct().ToList();
            dossiersChanged = await RefreshDossiersAsync(db, dbTx, affected, unit.State.HorizonBucket, token);

            await IngestQuarantine.AddAsync(db, source, RecordKinds.Payment, records, rejected, results, now, scope, token);
            return count;
        }, ct);

        logger.LogInformation("Ingested {Count} payment records from {Source}: {Stored} stored, {Quarantined} quarantined, {Dossiers} dossiers changed",
            records.Count, source, stored, rejected.Count, dossiersChanged);
        return new IngestReport(results);
    }

    /// <summary>Dossier codes that have a successful, not refunded payment (latest version of each transaction).</summary>
    internal static async Task<HashSet<string>> LoadPaidDossierCodesAsync(ReportingDbContext db, IReadOnlyCollection<string> dossierCodes, CancellationToken ct)
    {
        var paid = new HashSet<string>();
        foreach (var chunk in dossierCodes.Chunk(IngestRules.KeyChunk))
        {
            var codes = await db.Payments.AsNoTracking()
                .Where(p => EF.Parameter(chunk).Contains(p.DossierCode) && p.State == Payment.Succeeded)
                .Select(p => p.DossierCode).Distinct().ToListAsync(ct);
            paid.UnionWith(codes);
        }

        return paid;
    }

    private static async Task<List<(int Index, Payment Payment)>> KeepInScopeAsync(
        ReportingDbContext db, List<(int Index, Payment Payment)> valid, Dictionary<string, Payment> existing, AgencyScope scope,
        List<Rejection> rejected, CancellationToken ct)
    {
        var codes = valid.Select(v => v.Payment.DossierCode)
            .Concat(existing.Values.Select(p => p.DossierCode)).Distinct().ToList();
        var agenciesOf = new Dictionary<string, List<int>>();
        foreach (var chunk in codes.Chunk(IngestRules.KeyChunk))
        {
            foreach (var d in await db.Dossiers.AsNoTracking().Where(d => EF.Parameter(chunk).Contains(d.Code))
                         .Select(d => new { d.Code, d.AgencyId }).ToListAsync(ct))
            {
                (agenciesOf.TryGetValue(d.Code, out var list) ? list : agenciesOf[d.Code] = []).Add(d.AgencyId);
            }
        }

        bool InScope(string dossierCode) =>
            agenciesOf.TryGetValue(dossierCode, out var ids) && ids.All(scope.Contains);

        var kept = new List<(int Index, Payment Payment)>(valid.Count);
        foreach (var (index, payment) in valid)
        {
            var previous = existing.GetValueOrDefault(payment.TransactionCode)?.DossierCode;
            if (InScope(payment.DossierCode) && (previous is null || InScope(previous)))
            {
                kept.Add((index, payment));
                continue;
            }

            rejected.Add(new Rejection(index, payment.TransactionCode, [new QuarantineReason(QuarantineReason.OutsideKeyScope, "MaHoSo",
                $"Hồ sơ '{previous ?? payment.DossierCode}' của giao dịch chưa có hoặc nằm ngoài phạm vi đơn vị '{scope.RootCode}' của người gửi.")]));
        }

        return kept;
    }

    private static async Task<int> RefreshDossiersAsync(ReportingDbContext db, System.Data.Common.DbTransaction tx, List<string> codes, int horizon, CancellationToken ct)
    {
        var paid = await LoadPaidDossierCodesAsync(db, codes, ct);
        var delta = new AggregateDelta();
        var changed = new List<Dossier>();
        foreach (var chunk in codes.Chunk(IngestRules.KeyChunk))
        {
            var dossiers = await db.Dossiers.AsNoTracking().Where(d => EF.Parameter(chunk).Contains(d.Code)).ToListAsync(ct);
            foreach (var d in dossiers)
            {
                var nowPaid = paid.Contains(d.Code);
                if (d.PaidByPaymentFeed == nowPaid)
                {
                    continue;
                }

                DossierContribution.Apply(d, -1, horizon, delta);
                d.PaidByPaymentFeed = nowPaid;
                DossierFacts.RefreshPaid(d);
                DossierContribution.Apply(d, 1, horizon, delta);
                changed.Add(d);
            }
        }

        new RowCommands<Dossier>(db, tx).Write(changed, _ => true);
        AggregateWriter.Flush(db, tx, delta);
        return changed.Count;
    }
}
