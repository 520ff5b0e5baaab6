using Microsoft.EntityFrameworkCore;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;

namespace Reporting.Core.Reports.Bieu06;

/// <summary>
/// The Biểu 06 counts of a window, summed in the database from the aggregate tables over buckets
/// [first − 1, last]: received and ended counts over [first, last], open counts of bucket first − 1
/// (carried over) and of bucket last (in progress at the end). Rows returned are bounded by the
/// agencies (or procedures), never by dossiers.
/// </summary>
internal static class Bieu06Reader
{
    public static async Task<Dictionary<int, Bieu06Counts>> ReadByAgencyAsync(ReportingDbContext db, DateWindow window, CancellationToken ct)
    {
        var (first, last) = window.Buckets;
        var before = first - 1;
        var rows = await db.AgencyBucketStats.AsNoTracking()
            .Where(s => s.Bucket >= before && s.Bucket <= last)
            .GroupBy(s => s.AgencyId)
            .Select(g => new
            {
                AgencyId = g.Key,
                Received = g.Sum(s => s.Bucket >= first ? s.Received : 0),
                ReceivedOnline = g.Sum(s => s.Bucket >= first ? s.ReceivedOnline : 0),
                CarriedOver = g.Sum(s => s.Bucket == before ? s.Open : 0),
                HandledEarly = g.Sum(s => s.Bucket >= first ? s.HandledEarly : 0),
                HandledOnTime = g.Sum(s => s.Bucket >= first ? s.HandledOnTime : 0),
                HandledLate = g.Sum(s => s.Bucket >= first ? s.HandledLate : 0),
                OpenAtEnd = g.Sum(s => s.Bucket == last ? s.Open : 0),
                OpenAtEndWithin = g.Sum(s => s.Bucket == last ? s.OpenWithin : 0),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.AgencyId, r => new Bieu06Counts(
            r.Received, r.ReceivedOnline, r.CarriedOver, r.HandledEarly, r.HandledOnTime, r.HandledLate, r.OpenAtEnd, r.OpenAtEndWithin));
    }

    public static async Task<Dictionary<string, Bieu06Counts>> ReadByProcedureAsync(ReportingDbContext db, IReadOnlyCollection<int> agencyIds, DateWindow window, CancellationToken ct)
    {
        var (first, last) = window.Buckets;
        var before = first - 1;
        var rows = await db.ProcedureBucketStats.AsNoTracking()
            .Where(s => s.Bucket >= before && s.Bucket <= last && agencyIds.Contains(s.AgencyId))
            .GroupBy(s => s.ProcedureCode)
            .Select(g => new
            {
                ProcedureCode = g.Key,
                Received = g.Sum(s => s.Bucket >= first ? s.Received : 0),
                ReceivedOnline = g.Sum(s => s.Bucket >= first ? s.ReceivedOnline : 0),
                CarriedOver = g.Sum(s => s.Bucket == before ? s.Open : 0),
                HandledEarly = g.Sum(s => s.Bucket >= first ? s.HandledEarly : 0),
                HandledOnTime = g.Sum(s => s.Bucket >= first ? s.HandledOnTime : 0),
                HandledLate = g.Sum(s => s.Bucket >= first ? s.HandledLate : 0),
                OpenAtEnd = g.Sum(s => s.Bucket == last ? s.Open : 0),
                OpenAtEndWithin = g.Sum(s => s.Bucket == last ? s.OpenWithin : 0),
            })
            .ToListAsync(ct);

        // Codes are compared case-insensitively by the catalogue; the database may not be.
        var result = new Dictionary<string, Bieu06Counts>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in rows)
        {
            var counts = new Bieu06Counts(
                r.Received, r.ReceivedOnline, r.CarriedOver, r.HandledEarly, r.HandledOnTime, r.HandledLate, r.OpenAtEnd, r.OpenAtEndWithin);
            result[r.ProcedureCode] = result.TryGetValue(r.ProcedureCode, out var existing) ? existing + counts : counts;
        }

        return result;
    }
}
