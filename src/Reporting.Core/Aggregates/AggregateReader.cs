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
    /// Reads with two contexts at once: the per-procedure activity scan is the largest read and is
    /// independent of the rest (SQLite in WAL mode and SQL Server both serve concurrent readers).
    /// </summary>
    public static async Task<Dictionary<int, WindowFigures>> ReadByAgencyAsync(
        IDbContextFactory<ReportingDbContext> dbFactory, DateWindow window, ActivityCache cache, CancellationToken ct)
    {
        var activity = Task.Run(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var version = (await db.AggregateStates.AsNoTracking().FirstOrDefaultAsync(s => s.Id == 1, ct))?.DataVersion ?? 0;
            return cache.TryGet(window, version, out var cached)
                ? cached
                : cache.Put(window, version, await ReadActivityAsync(db, window, ct));
        }, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = await ReadFlowsAsync(db, window, ct);
        AddActivity(result, await activity);
        return result;
    }

    private static async Task<Dictionary<int, WindowFigures>> ReadFlowsAsync(ReportingDbContext db, DateWindow window, CancellationToken ct)
    {
        var (first, last) = window.Buckets;
        var result = new Dictionary<int, WindowFigures>();
        WindowFigures For(int agency)
        {
            if (!result.TryGetValue(agency, out var f))
            {
                f = new WindowFigures();
                result[agency] = f;
            }

            return f;
        }

        // Flows summed in the database: one row per agency whatever the window's length.
        var flows = await db.AgencyBucketStats.AsNoTracking()
            .Where(s => s.Bucket >= first && s.Bucket <= last)
            .GroupBy(s => s.AgencyId)
            .Select(g => new {
                AgencyId = g.Key,
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
        foreach (var flow in flows)
        {
            For(flow.AgencyId).Window.Add(flow.Counts);
        }

        var open = await db.AgencyBucketStats.AsNoTracking()
            .Where(s => (s.Bucket == first - 1 || s.Bucket == last) && s.Open != 0)
            .Select(s => new { s.AgencyId, s.Bucket, s.Open, s.OpenWithin, s.OpenWithin766, s.OpenComplaint })
            .ToListAsync(ct);
        foreach (var o in open)
        {
            var into = o.Bucket == last ? For(o.AgencyId).OpenAtEnd : For(o.AgencyId).OpenAtStart;
            into.Open += o.Open;
            into.OpenWithin += o.OpenWithin;
            into.OpenWithin766 += o.OpenWithin766;
            into.OpenComplaint += o.OpenComplaint;
        }

        var gaps = await db.ResultGapStats.AsNoTracking()
            .Where(g => g.ReceivedBucket >= first && g.ReceivedBucket <= last && g.EndedBucket <= last)
            .GroupBy(g => g.AgencyId)
            .Select(g => new { AgencyId = g.Key, Online = g.Sum(x => x.OnlineWithoutResult), Digitised = g.Sum(x => x.DigitisedWithoutResult) })
            .ToListAsync(ct);
        foreach (var gap in gaps)
        {
            var f = For(gap.AgencyId);
            f.OnlineWithoutResult += gap.Online;
            f.DigitisedWithoutResult += gap.Digitised;
        }

        return result;
    }

    private static Task<List<ProcedureActivity>> ReadActivityAsync(ReportingDbContext db, DateWindow window, CancellationToken ct)
    {
        var (first, last) = window.Buckets;
        return db.ProcedureBucketStats.AsNoTracking()
            .Where(s => s.Bucket >= first && s.Bucket <= last && (s.ReceivedOnline > 0 || s.FeeLine > 0 || s.PaidOnline > 0))
            .GroupBy(s => new { s.AgencyId, s.ProcedureCode })
            .Select(g => new ProcedureActivity(g.Key.AgencyId, g.Key.ProcedureCode, g.Sum(x => x.ReceivedOnline), g.Sum(x => x.FeeLine), g.Sum(x => x.PaidOnline)))
            .ToListAsync(ct);
    }

    private static void AddActivity(Dictionary<int, WindowFigures> result, IReadOnlyList<ProcedureActivity> activity)
    {
        foreach (var a in activity)
        {
            if (!result.TryGetValue(a.AgencyId, out var f))
            {
                f = new WindowFigures();
                result[a.AgencyId] = f;
            }

            if (a.Online > 0) f.ProceduresWithOnline.Add(a.ProcedureCode);
            if (a.Fee > 0) f.ProceduresWithFeeLine.Add(a.ProcedureCode);
            if (a.Paid > 0) f.ProceduresPaidOnline.Add(a.ProcedureCode);
        }
    }
}
