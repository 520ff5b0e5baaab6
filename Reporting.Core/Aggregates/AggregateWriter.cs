using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Reporting.Core.Dossiers;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;

namespace Reporting.Core.Aggregates;

/// <summary>Writes aggregate deltas and keeps the open-dossier horizon ahead of the calendar.</summary>
internal static class AggregateWriter
{
    /// <summary>
    /// Open counts reach the last day of any period that has started: the end of this year, or of
    /// next year from 15/12, when next year's cut-off windows open.
    /// </summary>
    public static int RequiredHorizon(DateOnly today) =>
        HalfMonth.Of(new DateOnly(today >= new DateOnly(today.Year, 12, 15) ? today.Year + 1 : today.Year, 12, 31));

    /// <summary>Marks a committed change for every cache (ADR 006); <paramref name="reference"/> when tree, catalogue or calendar changed.</summary>
    public static void Bump(AggregateState state, DateTime now, bool reference = false)
    {
        state.DataVersion++;
        state.LastChangeAt = now;
        if (reference)
        {
            state.ReferenceVersion++;
        }
    }

    public static void Flush(ReportingDbContext db, DbTransaction tx, AggregateDelta delta)
    {
        if (delta.IsEmpty)
        {
            return;
        }

        // Each table's cells in the order of its primary key, so consecutive upserts land on the same or the next B-tree
        // pages instead of random ones (docs/decisions/021); every cell is still written once with its batch total.
        var counters = RowCommandsExtensions.CounterNames;
        new RowCommands<ProcedureBucketStat>(db, tx).AddCounters(
            delta.Cells.Where(c => !c.Value.IsZero)
                .OrderBy(c => c.Key.Bucket).ThenBy(c => c.Key.AgencyId).ThenBy(c => c.Key.ProcedureCode, StringComparer.Ordinal)
                .Select(c =>
                {
                    var row = new ProcedureBucketStat { AgencyId = c.Key.AgencyId, ProcedureCode = c.Key.ProcedureCode, Bucket = c.Key.Bucket };
                    row.Add(c.Value);
                    return row;
                }),
            counters);

        new RowCommands<AgencyBucketStat>(db, tx).AddCounters(
            delta.AgencyCells().Where(c => !c.Value.IsZero)
                .OrderBy(c => c.Key.Bucket).ThenBy(c => c.Key.AgencyId)
                .Select(c =>
                {
                    var row = new AgencyBucketStat { AgencyId = c.Key.AgencyId, Bucket = c.Key.Bucket };
                    row.Add(c.Value);
                    return row;
                }),
            counters);

        string[] gapCounters = [nameof(ResultGapStat.OnlineWithoutResult), nameof(ResultGapStat.DigitisedWithoutResult)];
        new RowCommands<ResultGapStat>(db, tx).AddCounters(
            delta.Gaps.Where(g => g.Value.Online != 0 || g.Value.Digitised != 0)
                .OrderBy(g => g.Key.ReceivedBucket).ThenBy(g => g.Key.EndedBucket).ThenBy(g => g.Key.AgencyId)
                .Select(g => new ResultGapStat
                {
                    AgencyId = g.Key.AgencyId, ReceivedBucket = g.Key.ReceivedBucket, EndedBucket = g.Key.EndedBucket,
                    OnlineWithoutResult = g.Value.Online, DigitisedWithoutResult = g.Value.Digitised,
                }),
            gapCounters);

        ProcedureActivityWriter.Write(db, tx, delta);
    }

    /// <summary>
    /// Loads the single state row (creating it) and, when the calendar has moved past the stored
    /// horizon, extends the open counts of every dossier still open at the old horizon.
    /// </summary>
    public static async Task<AggregateState> EnsureStateAsync(ReportingDbContext db, DbTransaction tx, DateOnly today, CancellationToken ct)
    {
        // Every writer locks the state row first (a no-op update): on SQL Server writers of all nodes
        // queue here, so the reference data a writer reads next cannot change before it commits
        // (SQLite's BEGIN IMMEDIATE already serialises writers). ADR 006.
        await db.AggregateStates.Where(s => s.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(x => x.DataVersion, x => x.DataVersion), ct);
        var state = await db.AggregateStates.FindAsync([1], ct);
        var required = RequiredHorizon(today);
        if (state is null)
        {
            state = new AggregateState { Id = 1, HorizonBucket = required };
            db.AggregateStates.Add(state);
            await db.SaveChangesAsync(ct);
            return state;
        }

        if (state.HorizonBucket >= required)
        {
            return state;
        }

        var oldHorizon = state.HorizonBucket;
        var oldHorizonDay = HalfMonth.End(oldHorizon).DayNumber;
        var delta = new AggregateDelta();
        await foreach (var d in db.Dossiers.AsNoTracking()
                           .Where(d => d.Counted && (d.EndDay == null || d.EndDay > oldHorizonDay))
                           .Select(DossierContribution.Columns)
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            DossierContribution.Apply(d, 1, required, delta);
            DossierContribution.Apply(d, -1, oldHorizon, delta);
        }

        Flush(db, tx, delta);
        state.HorizonBucket = required;
        await db.SaveChangesAsync(ct);
        return state;
    }
}
