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

    public static void Flush(ReportingDbContext db, DbTransaction tx, AggregateDelta delta)
    {
        if (delta.IsEmpty)
        {
            return;
        }

        var counters = RowCommandsExtensions.CounterNames;
        var procedures = new RowCommands<ProcedureBucketStat>(db, tx);
        foreach (var ((agency, procedure, bucket), counts) in delta.Cells)
        {
            if (counts.IsZero) continue;
            var row = new ProcedureBucketStat { AgencyId = agency, ProcedureCode = procedure, Bucket = bucket };
            row.Add(counts);
            procedures.AddCounters(row, counters);
        }

        var agencies = new RowCommands<AgencyBucketStat>(db, tx);
        foreach (var ((agency, bucket), counts) in delta.AgencyCells())
        {
            if (counts.IsZero) continue;
            var row = new AgencyBucketStat { AgencyId = agency, Bucket = bucket };
            row.Add(counts);
            agencies.AddCounters(row, counters);
        }

        var gaps = new RowCommands<ResultGapStat>(db, tx);
        string[] gapCounters = [nameof(ResultGapStat.OnlineWithoutResult), nameof(ResultGapStat.DigitisedWithoutResult)];
        foreach (var ((agency, received, ended), (online, digitised)) in delta.Gaps)
        {
            if (online == 0 && digitised == 0) continue;
            gaps.AddCounters(new ResultGapStat
            {
                AgencyId = agency, ReceivedBucket = received, EndedBucket = ended,
                OnlineWithoutResult = online, DigitisedWithoutResult = digitised,
            }, gapCounters);
        }
    }

    /// <summary>
    /// Loads the single state row (creating it) and, when the calendar has moved past the stored
    /// horizon, extends the open counts of every dossier still open at the old horizon.
    /// </summary>
    public static async Task<AggregateState> EnsureStateAsync(ReportingDbContext db, DbTransaction tx, DateOnly today, CancellationToken ct)
    {
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
