using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Reporting.Core.Aggregates;
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
        var rows = await Sums(db.AgencyBucketStats.AsNoTracking(), s => s.AgencyId, window).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => r.Counts());
    }

    public static async Task<Dictionary<string, Bieu06Counts>> ReadByProcedureAsync(ReportingDbContext db, IReadOnlyCollection<int> agencyIds, DateWindow window, CancellationToken ct)
    {
        var rows = await Sums(db.ProcedureBucketStats.AsNoTracking().Where(s => agencyIds.Contains(s.AgencyId)), s => s.ProcedureCode, window).ToListAsync(ct);

        // Codes are compared case-insensitively by the catalogue; the database may not be.
        var result = new Dictionary<string, Bieu06Counts>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in rows)
        {
            var counts = r.Counts();
            result[r.Key] = result.TryGetValue(r.Key, out var existing) ? existing + counts : counts;
        }

        return result;
    }

    /// <summary>
    /// The one definition of the Biểu 06 columns over bucket counts, for either table: flows of the window's
    /// buckets, "carried over" from the open counts of the bucket before it, "in progress" from its last bucket.
    /// </summary>
    private static IQueryable<Sum<TKey>> Sums<TStat, TKey>(IQueryable<TStat> stats, Expression<Func<TStat, TKey>> key, DateWindow window)
        where TStat : BucketCounts, IBucketStat
    {
        var (first, last) = window.Buckets;
        var before = first - 1;
        return stats
            .Where(s => s.Bucket >= before && s.Bucket <= last)
            .GroupBy(key)
            .Select(g => new Sum<TKey>
            {
                Key = g.Key,
                Received = g.Sum(s => s.Bucket >= first ? s.Received : 0),
                ReceivedOnline = g.Sum(s => s.Bucket >= first ? s.ReceivedOnline : 0),
                CarriedOver = g.Sum(s => s.Bucket == before ? s.Open : 0),
                HandledEarly = g.Sum(s => s.Bucket >= first ? s.HandledEarly : 0),
                HandledOnTime = g.Sum(s => s.Bucket >= first ? s.HandledOnTime : 0),
                HandledLate = g.Sum(s => s.Bucket >= first ? s.HandledLate : 0),
                OpenAtEnd = g.Sum(s => s.Bucket == last ? s.Open : 0),
                OpenAtEndWithin = g.Sum(s => s.Bucket == last ? s.OpenWithin : 0),
            });
    }

    private sealed class Sum<TKey>
    {
        public required TKey Key { get; init; }
        public int Received { get; init; }
        public int ReceivedOnline { get; init; }
        public int CarriedOver { get; init; }
        public int HandledEarly { get; init; }
        public int HandledOnTime { get; init; }
        public int HandledLate { get; init; }
        public int OpenAtEnd { get; init; }
        public int OpenAtEndWithin { get; init; }

        public Bieu06Counts Counts() => new(Received, ReceivedOnline, CarriedOver, HandledEarly, HandledOnTime, HandledLate, OpenAtEnd, OpenAtEndWithin);
    }
}
