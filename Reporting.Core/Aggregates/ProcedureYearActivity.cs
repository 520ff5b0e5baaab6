using Reporting.Core.Periods;

namespace Reporting.Core.Aggregates;

/// <summary>
/// Which half-months of one year had activity for one procedure at one agency, for items 3.2, 3.5
/// and 3.5b ("procedures with at least one … in the window"): bit <c>bucket mod 24</c> of each mask
/// is set exactly while that bucket's count in <see cref="ProcedureBucketStat"/> is positive. Any
/// window spans at most two calendar years, so its procedure sets come from at most two rows per
/// (agency, procedure) instead of one cell per bucket.
/// </summary>
public sealed class ProcedureYearActivity
{
    public int AgencyId { get; set; }
    public required string ProcedureCode { get; set; }
    public int Year { get; set; }

    /// <summary>Buckets with <see cref="BucketCounts.ReceivedOnline"/> &gt; 0.</summary>
    public int OnlineBuckets { get; set; }

    /// <summary>Buckets with <see cref="BucketCounts.FeeLine"/> &gt; 0.</summary>
    public int FeeLineBuckets { get; set; }

    /// <summary>Buckets with <see cref="BucketCounts.PaidOnline"/> &gt; 0.</summary>
    public int PaidOnlineBuckets { get; set; }

    public static IReadOnlyCollection<string> MaskNames { get; } =
        [nameof(OnlineBuckets), nameof(FeeLineBuckets), nameof(PaidOnlineBuckets)];

    /// <summary>The bits of <paramref name="year"/>'s row that a window covers (0 when it misses the year).</summary>
    public static int WindowMask(int year, DateWindow window)
    {
        var (first, last) = window.Buckets;
        var from = Math.Max(first, HalfMonth.FirstOfYear(year));
        var to = Math.Min(last, HalfMonth.FirstOfYear(year) + HalfMonth.PerYear - 1);
        var mask = 0;
        for (var b = from; b <= to; b++)
        {
            mask |= BitOf(b);
        }

        return mask;
    }

    public static int BitOf(int bucket) => 1 << (bucket % HalfMonth.PerYear);
}
