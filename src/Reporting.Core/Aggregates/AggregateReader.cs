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
    public static async Task<Dictionary<int, WindowFigures>> ReadByAgencyAsync(ReportingDbContext db, DateWindow window, CancellationToken ct)
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

        var rows = await db.AgencyBucketStats.AsNoTracking()
            .Where(s => s.Bucket >= first - 1 && s.Bucket <= last)
            .ToListAsync(ct);
        foreach (var row in rows)
        {
            var f = For(row.AgencyId);
            if (row.Bucket == first - 1)
            {
                CopyOpen(row, f.OpenAtStart);
                continue;
            }

            f.Window.Add(row);
            if (row.Bucket == last)
            {
                CopyOpen(row, f.OpenAtEnd);
            }
        }

        foreach (var f in result.Values)
        {
            ClearOpen(f.Window);
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

        var active = await db.ProcedureBucketStats.AsNoTracking()
            .Where(s => s.Bucket >= first && s.Bucket <= last && (s.ReceivedOnline > 0 || s.FeeLine > 0 || s.PaidOnline > 0))
            .GroupBy(s => new { s.AgencyId, s.ProcedureCode })
            .Select(g => new
            {
                g.Key.AgencyId,
                g.Key.ProcedureCode,
                Online = g.Sum(x => x.ReceivedOnline),
                Fee = g.Sum(x => x.FeeLine),
                Paid = g.Sum(x => x.PaidOnline),
            })
            .ToListAsync(ct);
        foreach (var a in active)
        {
            var f = For(a.AgencyId);
            if (a.Online > 0) f.ProceduresWithOnline.Add(a.ProcedureCode);
            if (a.Fee > 0) f.ProceduresWithFeeLine.Add(a.ProcedureCode);
            if (a.Paid > 0) f.ProceduresPaidOnline.Add(a.ProcedureCode);
        }

        return result;
    }

    private static void CopyOpen(BucketCounts from, BucketCounts into)
    {
        into.Open += from.Open;
        into.OpenWithin += from.OpenWithin;
        into.OpenWithin766 += from.OpenWithin766;
        into.OpenComplaint += from.OpenComplaint;
    }

    private static void ClearOpen(BucketCounts counts)
    {
        counts.Open = 0;
        counts.OpenWithin = 0;
        counts.OpenWithin766 = 0;
        counts.OpenComplaint = 0;
    }
}
