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
    /// trend) at once: the flows of all windows summed by the database in one grouped query, their open
    /// counts in one more, and the activity of every window from the activity rows of the years they span
    /// (the largest read: cached per year and data version, ADR 006, and read on a second connection
    /// while the flows are read). Every part of the answer is of one data version (ADR 029): the flows and
    /// open counts share one read snapshot, whose data version is read first and keys the activity; activity
    /// read on the second connection is used only if its own snapshot has that same version.
    /// </summary>
    public static async Task<IReadOnlyList<Dictionary<int, WindowFigures>>> ReadByAgencyAsync(
        IDbContextFactory<ReportingDbContext> dbFactory, IReadOnlyList<DateWindow> windows, ActivityCache cache, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct);
        var version = (await DataVersions.ReadAsync(db, ct)).Data;
        var years = YearsOf(windows);
        var cached = Cached(cache, years, version);
        var parallel = cached is null ? Task.Run(() => ReadActivityInOwnSnapshotAsync(dbFactory, years, ct), ct) : null;

        var result = windows.Select(_ => new Dictionary<int, WindowFigures>()).ToList();
        foreach (var (indexes, ranges) in WindowRanges.Disjoint(windows))
        {
            await AddFlowsAsync(db, ranges, indexes.Select(i => result[i]).ToList(), ct);
        }

        await AddOpenAsync(db, windows, result, ct);

        var activity = cached;
        if (parallel is not null)
        {
            var (readVersion, read) = await parallel;
            // A commit between the two snapshots' first reads: read the activity again in this answer's snapshot.
            activity = Put(cache, years, version, readVersion == version ? read : await ReadActivityAsync(db, years, ct));
        }

        AddActivity(windows, result, activity!);
        return result;
    }

    private static (int First, int Last) YearsOf(IReadOnlyList<DateWindow> windows) =>
        (windows.Min(w => HalfMonth.YearOf(w.Buckets.First)), windows.Max(w => HalfMonth.YearOf(w.Buckets.Last)));

    /// <summary>Every year's activity at <paramref name="version"/> from the cache, or null if any year is missing.</summary>
    private static List<ProcedureActivity>? Cached(ActivityCache cache, (int First, int Last) years, long version)
    {
        var result = new List<ProcedureActivity>();
        for (var year = years.First; year <= years.Last; year++)
        {
            if (!cache.TryGet(year, version, out var activity))
            {
                return null;
            }

            result.AddRange(activity);
        }

        return result;
    }

    private static List<ProcedureActivity> Put(ActivityCache cache, (int First, int Last) years, long version, List<ProcedureActivity> read)
    {
        var byYear = read.ToLookup(a => a.Year);
        for (var year = years.First; year <= years.Last; year++)
        {
            cache.Put(year, version, byYear[year].ToList());
        }

        return read;
    }

    private static async Task<(long Version, List<ProcedureActivity> Activity)> ReadActivityInOwnSnapshotAsync(
        IDbContextFactory<ReportingDbContext> dbFactory, (int First, int Last) years, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct);
        var version = (await DataVersions.ReadAsync(db, ct)).Data;
        return (version, await ReadActivityAsync(db, years, ct));
    }

    /// <summary>One row per (agency, procedure) and year spanned (a window spans at most two), whatever the number of windows.</summary>
    private static Task<List<ProcedureActivity>> ReadActivityAsync(ReportingDbContext db, (int First, int Last) years, CancellationToken ct) =>
        db.ProcedureYearActivities.AsNoTracking()
            .Where(a => a.Year >= years.First && a.Year <= years.Last && (a.OnlineBuckets != 0 || a.FeeLineBuckets != 0 || a.PaidOnlineBuckets != 0))
            .Select(a => new ProcedureActivity(a.AgencyId, a.ProcedureCode, a.Year, a.OnlineBuckets, a.FeeLineBuckets, a.PaidOnlineBuckets))
            .ToListAsync(ct);

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
