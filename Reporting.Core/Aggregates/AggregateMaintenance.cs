using System.Data.Common;
using System.Diagnostics;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Reporting.Core.Dossiers;
using Reporting.Core.Ingest;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;

namespace Reporting.Core.Aggregates;

/// <summary>
/// Recovery and upkeep of the aggregates: a full rebuild from dossiers, re-deriving dossier facts
/// after the catalogue or calendar changed, and extending the open-dossier horizon.
/// </summary>
public sealed class AggregateMaintenance(
    IDbContextFactory<ReportingDbContext> dbFactory,
    ReferenceData referenceData,
    DataVersions versions,
    IngestGate gate,
    DataChangeNotifier notifier,
    TimeProvider clock,
    ILogger<AggregateMaintenance> logger)
{
    /// <summary>Recounts every aggregate from the stored dossiers, in one transaction.</summary>
    public Task<int> RebuildAsync(CancellationToken ct = default) => RebuildAsync(ranges: 0, ct);

    /// <summary>
    /// Recounts every aggregate from the stored dossiers, in one transaction; on SQLite the dossiers are counted in
    /// <paramref name="ranges"/> disjoint rowid ranges on as many connections at once (0: one per core, at most four,
    /// one for small tables; ADR 024). The result does not depend on the number of ranges.
    /// </summary>
    public async Task<int> RebuildAsync(int ranges, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ranges);
        var watch = Stopwatch.StartNew();
        var today = VietnamTime.Today(clock);
        int count = 0;
        long version;
        TimeSpan counted;
        await gate.Lock.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.AggregateStates.Where(s => s.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(x => x.DataVersion, x => x.DataVersion), ct);
            await db.ProcedureBucketStats.ExecuteDeleteAsync(ct);
            await db.AgencyBucketStats.ExecuteDeleteAsync(ct);
            await db.ResultGapStats.ExecuteDeleteAsync(ct);
            await db.ProcedureYearActivities.ExecuteDeleteAsync(ct);
            var state = await db.AggregateStates.FindAsync([1], ct);
            if (state is null)
            {
                state = new AggregateState { Id = 1 };
                db.AggregateStates.Add(state);
            }

            state.HorizonBucket = AggregateWriter.RequiredHorizon(today);
            // Only the counted columns are read; the counters stay in memory (their number is bounded by agencies ×
            // procedures × half-months, not by dossiers) and each cell is written once at the end (ADR 017). Readers keep
            // seeing the old aggregates until the commit: the deletes above and the writes below are one transaction.
            AggregateDelta delta;
            if (db.Database.IsSqlite())
            {
                (delta, count) = await RebuildCounting.CountSqliteAsync(db, tx.GetDbTransaction(), dbFactory, ranges, state.HorizonBucket, ct);
            }
            else
            {
                // One pass: the server decodes the rows, and a second session could not be held to this transaction's view.
                delta = new AggregateDelta();
                await foreach (var d in db.Dossiers.AsNoTracking().Select(DossierContribution.Columns).AsAsyncEnumerable().WithCancellation(ct))
                {
                    DossierContribution.Apply(d, 1, state.HorizonBucket, delta);
                    count++;
                }
            }

            counted = watch.Elapsed;
            AggregateWriter.Flush(db, tx.GetDbTransaction(), delta);
            AggregateWriter.Bump(state, VietnamTime.ToLocal(clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            version = state.DataVersion;
        }
        finally
        {
            gate.Lock.Release();
        }

        versions.Expire();
        // The split says whether reading the dossiers or writing the cells bounds a rebuild (issue 13: counting in parallel helps only the read).
        logger.LogInformation("Rebuilt aggregates from {Count} dossiers in {Elapsed} ms (deleted, read and counted in {Counted} ms, then cells written and committed)",
            count, watch.ElapsedMilliseconds, (long)counted.TotalMilliseconds);
        notifier.Publish(new DataChange("rebuild", RecordKinds.Dossier, count, version, clock.GetUtcNow()));
        return count;
    }

    /// <summary>Extends open counts when the calendar has moved past the horizon (run daily and at start-up).</summary>
    public async Task EnsureHorizonAsync(CancellationToken ct = default)
    {
        await gate.Lock.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await AggregateWriter.EnsureStateAsync(db, tx.GetDbTransaction(), VietnamTime.Today(clock), ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            gate.Lock.Release();
        }
    }

    /// <summary>
    /// Re-derives the facts of the matching dossiers from their stored source fields (after the
    /// catalogue or the working calendar changed) and moves their contributions accordingly, with the
    /// reference data of its own transaction.
    /// </summary>
    public async Task<int> RefreshDossiersAsync(Expression<Func<Dossier, bool>> which, CancellationToken ct = default)
    {
        int changed;
        await gate.Lock.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var dbTx = tx.GetDbTransaction();
            var state = await AggregateWriter.EnsureStateAsync(db, dbTx, VietnamTime.Today(clock), ct);
            var reference = await referenceData.GetAsync(db, ct);
            changed = await RederiveAsync(db, dbTx, state, reference, which, ct);
            if (changed > 0)
            {
                AggregateWriter.Bump(state, VietnamTime.ToLocal(clock.GetUtcNow()));
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            gate.Lock.Release();
        }

        versions.Expire();
        logger.LogInformation("Re-derived facts of {Count} dossiers", changed);
        return changed;
    }

    /// <summary>
    /// Re-derives, inside the caller's write transaction, the facts of the matching dossiers from
    /// <paramref name="reference"/> (which must be that transaction's) and moves their contributions.
    /// The caller bumps the versions and saves.
    /// </summary>
    internal static async Task<int> RederiveAsync(ReportingDbContext db, DbTransaction dbTx, AggregateState state, ReferenceSnapshot reference,
        Expression<Func<Dossier, bool>> which, CancellationToken ct)
    {
        var dossiers = await db.Dossiers.AsNoTracking().Where(which).ToListAsync(ct);
        var delta = new AggregateDelta();
        foreach (var d in dossiers)
        {
            DossierContribution.Apply(d, -1, state.HorizonBucket, delta);
            var lists = System.Text.Json.JsonSerializer.Deserialize<DossierLists>(d.ListsJson, DossierFacts.ListsJsonOptions) ?? new DossierLists();
            reference.Procedures.TryGetValue(d.ProcedureCode, out var procedure);
            DossierFacts.Apply(d, lists, procedure, reference.Calendar);
            DossierContribution.Apply(d, 1, state.HorizonBucket, delta);
        }

        new RowCommands<Dossier>(db, dbTx).Write(dossiers, _ => true);
        AggregateWriter.Flush(db, dbTx, delta);
        return dossiers.Count;
    }

    /// <summary>
    /// Procedure codes of dossiers whose facts were derived while their procedure was unknown (the
    /// stored <see cref="Dossier.ProcedureKnown"/> flag) and that <paramref name="reference"/> knows now.
    /// </summary>
    internal static async Task<List<string>> NewlyKnownProceduresAsync(ReportingDbContext db, ReferenceSnapshot reference, CancellationToken ct)
    {
        var unknown = await db.Dossiers.AsNoTracking().Where(d => !d.ProcedureKnown).Select(d => d.ProcedureCode).Distinct().ToListAsync(ct);
        return unknown.Where(reference.Procedures.ContainsKey).ToList();
    }
}
