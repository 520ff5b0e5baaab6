namespace Reporting.Core.Periods;

/// <summary>
/// Aggregates are kept per half month (1st–14th, 15th–end): both calendar and Decree 09 cut-off
/// windows start on a 1st or a 15th and end on a 14th or a month's last day, so every window of every
/// period key is an exact union of these buckets. See docs/decisions/002-aggregates-by-half-month.md.
/// </summary>
public static class HalfMonth
{
    public const int PerYear = 24;

    public static int Of(DateOnly date) => (((date.Year * 12) + date.Month - 1) * 2) + (date.Day >= 15 ? 1 : 0);

    public static DateOnly Start(int bucket)
    {
        var (year, month, second) = Split(bucket);
        return new DateOnly(year, month, second ? 15 : 1);
    }

    public static DateOnly End(int bucket)
    {
        var (year, month, second) = Split(bucket);
        return second ? new DateOnly(year, month, 1).AddMonths(1).AddDays(-1) : new DateOnly(year, month, 14);
    }

    public static int YearOf(int bucket) => bucket / PerYear;

    public static int FirstOfYear(int year) => year * PerYear;

    private static (int Year, int Month, bool Second) Split(int bucket)
    {
        var months = bucket / 2;
        return (months / 12, (months % 12) + 1, bucket % 2 == 1);
    }
}
