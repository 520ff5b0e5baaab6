using Microsoft.EntityFrameworkCore;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;

namespace Reporting.Core.Aggregates;

/// <summary>
/// Reads the figures of a window per agency from the aggregate tables. The rows read are bounded by
/// agencies × buckets (and agency–procedure pairs), not by the number of dossiers.
/// </summary>
public static class AggregateReader
{
    /// <summary>
    /// Reads the figures per agency of each window (a period and the one before it, the points of a
    /// trend) at once: the activity of every window from the activity rows of the years they span,
    /// read once on a second context (it is the largest read, independent of the rest, and cached
    /// per year and <paramref name="dataVersion"/>, read by the caller before this: ADR 006); the flows of
    /// all windows summed by the database in one grouped query, and their open counts in one more.
    /// </summary>
    public static async Task<IReadOnlyList<Dictionary<int, WindowFigures>>> ReadByAgencyAsync(
        IDbContextFactory<ReportingDbContext> dbFactory, IReadOnlyList<DateWindow> windows, ActivityCache cache, long dataVersion, CancellationToken ct)
    {
        var activity = Task.Run(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await ReadActivityAsync(db, windows, cache, dataVersion, ct);
        }, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Flows and open counts in one read transaction: on SQLite (WAL) its statements share one snapshot, so a commit
        // between them (an ingest, a rebuild) cannot give an answer whose flows are from one version and its open counts
        // from the next (AggregateMaintenanceTests.AReaderDuringARebuildSeesTheOldOrTheNewFigures).
        await using var snapshot = await db.Database.BeginTransactionAsync(ct);
        var result = windows.Select(_ => new Dictionary<int, WindowFigures>()).ToList();
        foreach (var (indexes, ranges) in WindowRanges.Disjoint(windows))
        {
            await AddFlowsAsync(db, ranges, indexes.Select(i => result[i]).ToList(), ct);
        }

        await AddOpenAsync(db, windows, result, ct);
        AddActivity(windows, result, await activity);
        return result;
    }

    private static WindowFigures For(Dictionary<int, WindowFigures> byAgency, int agency)
    {
        if (!byAgency.TryGetValue(agency, out var f))
        {
            f = new WindowFigures();
            byAgency[agency] = f;
        }

        return f;
    }

    /// <summary>Flows summed in the database: one row per agency and window whatever the windows' length.</summary>
    private static async Task AddFlowsAsync(ReportingDbContext db, WindowRanges ranges, List<Dictionary<int, WindowFigures>> result, CancellationToken ct)
    {
        var (min, max) = (ranges.Min, ranges.Max);
        var flows = await db.AgencyBucketStats.AsNoTracking()
            .Where(s => s.Bucket >= min && s.Bucket <= max)
            .GroupBy(ranges.Keyed((AgencyBucketStat s) => new { s.AgencyId, Window = WindowRanges.IndexOf(s.Bucket) }))
            .Select(g => new {
                g.Key,
                Counts = new CountsTotal
                {
                    Received = g.Sum(x => x.Received),
                    ReceivedOnline = g.Sum(x => x.ReceivedOnline),
                    SyncFieldPresent = g.Sum(x => x.SyncFieldPresent),
                    Synced = g.Sum(x => x.Synced),
                    Digitised = g.Sum(x => x.Digitised),
                    Reused = g.Sum(x => x.Reused),
                    FromNationalStore = g.Sum(x => x.FromNationalStore),
                    ResidentData = g.Sum(x => x.ResidentData),
                    FeeLine = g.Sum(x => x.FeeLine),
                    FeeBearing = g.Sum(x => x.FeeBearing),
                    FeeBearingPaidOnline = g.Sum(x => x.FeeBearingPaidOnline),
                    PaidOnline = g.Sum(x => x.PaidOnline),
                    Processed = g.Sum(x => x.Processed),
                    ProcessedSeconds = g.Sum(x => x.ProcessedSeconds),
                    ReceivedComplaint = g.Sum(x => x.ReceivedComplaint),
                    PromisedUnknown = g.Sum(x => x.PromisedUnknown),
                    UnknownProcedure = g.Sum(x => x.UnknownProcedure),
                    Refused = g.Sum(x => x.Refused),
                    Handled = g.Sum(x => x.Handled),
                    HandledEarly = g.Sum(x => x.HandledEarly),
                    HandledOnTime = g.Sum(x => x.HandledOnTime),
                    HandledLate = g.Sum(x => x.HandledLate),
                    HandledOnTime766 = g.Sum(x => x.HandledOnTime766),
                    ResultExpected = g.Sum(x => x.ResultExpected),
                    ResultElectronic = g.Sum(x => x.ResultElectronic),
                },
            })
            .ToListAsync(ct);
        foreach (var flow in flows.Where(f => f.Key.Window >= 0))
        {
            For(result[flow.Key.Window], flow.Key.AgencyId).InWindow.Add(flow.Counts);
        }

        // Received in the window and ended by its end.
        var gaps = await db.ResultGapStats.AsNoTracking()
            .Where(g => g.ReceivedBucket >= min && g.ReceivedBucket <= max && g.EndedBucket <= max)
            .GroupBy(ranges.Keyed((ResultGapStat g) => new { g.AgencyId, Window = WindowRanges.IndexOf(g.ReceivedBucket, g.EndedBucket) }))
            .Select(g => new { g.Key, Online = g.Sum(x => x.OnlineWithoutResult), Digitised = g.Sum(x => x.DigitisedWithoutResult) })
            .ToListAsync(ct);
        foreach (var gap in gaps.Where(g => g.Key.Window >= 0))
        {
            var f = For(result[gap.Key.Window], gap.Key.AgencyId);
            f.OnlineWithoutResult += gap.Online;
            f.DigitisedWithoutResult += gap.Digitised;
        }
    }

    /// <summary>Open counts at the day before each window (carried over) and at its last day (in progress).</summary>
    private static async Task AddOpenAsync(ReportingDbContext db, IReadOnlyList<DateWindow> windows, List<Dictionary<int, WindowFigures>> result, CancellationToken ct)
    {
        var buckets = windows.SelectMany(w => new[] { w.Buckets.First - 1, w.Buckets.Last }).Distinct().ToList();
        var open = await db.AgencyBucketStats.AsNoTracking()
            .Where(s => buckets.Contains(s.Bucket) && s.Open != 0)
            .Select(s => new { s.AgencyId, s.Bucket, s.Open, s.OpenWithin, s.OpenWithin766, s.OpenComplaint })
            .ToListAsync(ct);
        for (var i = 0; i < windows.Count; i++)
        {
            var (first, last) = windows[i].Buckets;
            foreach (var o in open.Where(o => o.Bucket == first - 1 || o.Bucket == last))
            {
                var into = o.Bucket == last ? For(result[i], o.AgencyId).OpenAtEnd : For(result[i], o.AgencyId).OpenAtStart;
                into.Open += o.Open;
                into.OpenWithin += o.OpenWithin;
                into.OpenWithin766 += o.OpenWithin766;
                into.OpenComplaint += o.OpenComplaint;
            }
        }
    }

    /// <summary>One row per (agency, procedure) and year spanned (a window spans at most two), whatever the number of windows.</summary>
    private static async Task<List<ProcedureActivity>> ReadActivityAsync(
        ReportingDbContext db, IReadOnlyList<DateWindow> windows, ActivityCache cache, long version, CancellationToken ct)
    {
        var result = new List<ProcedureActivity>();
        var missing = new List<int>();
        var lastYear = windows.Max(w => HalfMonth.YearOf(w.Buckets.Last));
        for (var year = windows.Min(w => HalfMonth.YearOf(w.Buckets.First)); year <= lastYear; year++)
        {
            if (cache.TryGet(year, version, out var cached))
            {
                result.AddRange(cached);
            }
            else
            {
                missing.Add(year);
            }
        }

        if (missing.Count == 0)
        {
            return result;
        }

        var (first, last) = (missing.Min(), missing.Max());
        var read = await db.ProcedureYearActivities.AsNoTracking()
            .Where(a => a.Year >= first && a.Year <= last && (a.OnlineBuckets != 0 || a.FeeLineBuckets != 0 || a.PaidOnlineBuckets != 0))
            .Select(a => new ProcedureActivity(a.AgencyId, a.ProcedureCode, a.Year, a.OnlineBuckets, a.FeeLineBuckets, a.PaidOnlineBuckets))
            .ToListAsync(ct);
        var byYear = read.ToLookup(a => a.Year);
        foreach (var year in missing)
        {
            result.AddRange(cache.Put(year, version, byYear[year].ToList()));
        }

        return result;
    }

    private static void AddActivity(IReadOnlyList<DateWindow> windows, List<Dictionary<int, WindowFigures>> result, IReadOnlyList<ProcedureActivity> activity)
    {
        for (var i = 0; i < windows.Count; i++)
        {
            var window = windows[i];
            var masks = new Dictionary<int, int>();
            foreach (var a in activity)
            {
                if (!masks.TryGetValue(a.Year, out var mask))
                {
                    mask = ProcedureYearActivity.WindowMask(a.Year, window);
                    masks[a.Year] = mask;
                }

                if (((a.Online | a.FeeLine | a.PaidOnline) & mask) == 0) continue;
                var f = For(result[i], a.AgencyId);
                if ((a.Online & mask) != 0) f.ProceduresWithOnline.Add(a.ProcedureCode);
                if ((a.FeeLine & mask) != 0) f.ProceduresWithFeeLine.Add(a.ProcedureCode);
                if ((a.PaidOnline & mask) != 0) f.ProceduresPaidOnline.Add(a.ProcedureCode);
            }
        }
    }
}
