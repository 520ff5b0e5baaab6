using Reporting.Core.Periods;
using static Reporting.Tests.Rules.RuleFixtures;

namespace Reporting.Tests.Rules;

public class HalfMonthTests
{
    [Theory]
    [InlineData("2026-03-01", "2026-03-01", "2026-03-14")]
    [InlineData("2026-03-14", "2026-03-01", "2026-03-14")]
    [InlineData("2026-03-15", "2026-03-15", "2026-03-31")]
    [InlineData("2026-03-31", "2026-03-15", "2026-03-31")]
    [InlineData("2026-02-15", "2026-02-15", "2026-02-28")]
    [InlineData("2028-02-28", "2028-02-15", "2028-02-29")]
    [InlineData("2028-02-29", "2028-02-15", "2028-02-29")]
    [InlineData("2100-02-20", "2100-02-15", "2100-02-28")]
    [InlineData("2000-02-20", "2000-02-15", "2000-02-29")]
    [InlineData("2026-04-30", "2026-04-15", "2026-04-30")]
    [InlineData("2026-12-31", "2026-12-15", "2026-12-31")]
    [InlineData("2027-01-01", "2027-01-01", "2027-01-14")]
    public void Bucket_of_a_date_starts_on_the_1st_or_15th_and_ends_on_the_14th_or_month_end(string date, string start, string end)
    {
        var bucket = HalfMonth.Of(Date(date));
        Assert.Equal(Date(start), HalfMonth.Start(bucket));
        Assert.Equal(Date(end), HalfMonth.End(bucket));
    }

    [Fact]
    public void Every_day_maps_to_the_bucket_whose_start_and_end_enclose_it_and_buckets_are_consecutive()
    {
        var previous = HalfMonth.Of(new DateOnly(2023, 12, 31));
        for (var day = new DateOnly(2024, 1, 1); day <= new DateOnly(2029, 12, 31); day = day.AddDays(1))
        {
            var bucket = HalfMonth.Of(day);
            Assert.InRange(day, HalfMonth.Start(bucket), HalfMonth.End(bucket));
            Assert.Equal(HalfMonth.Start(bucket) == day ? previous + 1 : previous, bucket);
            Assert.Equal(bucket, HalfMonth.Of(HalfMonth.Start(bucket)));
            Assert.Equal(bucket, HalfMonth.Of(HalfMonth.End(bucket)));
            Assert.Equal(HalfMonth.End(bucket).AddDays(1), HalfMonth.Start(bucket + 1));
            previous = bucket;
        }
    }

    public static TheoryData<WindowKind> Kinds => new() { WindowKind.Calendar, WindowKind.Cutoff };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_window_of_every_key_is_an_exact_union_of_buckets(WindowKind kind)
    {
        var checkedKeys = 0;
        for (var year = 2024; year <= 2029; year++)
        {
            foreach (var key in AllKeys(year))
            {
                var window = key.Window(kind);
                var (first, last) = window.Buckets;
                Assert.True(first <= last, key.ToString());
                Assert.Equal(window.From, HalfMonth.Start(first));
                Assert.Equal(window.To, HalfMonth.End(last));
                checkedKeys++;
            }
        }

        Assert.Equal(6 * 20, checkedKeys);
    }

    [Fact]
    public void Window_buckets_of_the_cutoff_february_and_leap_year_end_are_right()
    {
        var cutoffMarch2028 = PeriodKey.Parse("2028-03").Window(WindowKind.Cutoff);
        Assert.Equal(Date("2028-02-15"), cutoffMarch2028.From);
        Assert.Equal(2, cutoffMarch2028.Buckets.Last - cutoffMarch2028.Buckets.First + 1);
        Assert.Equal(Date("2028-02-29"), HalfMonth.End(cutoffMarch2028.Buckets.First));

        var calendarFeb2028 = PeriodKey.Parse("2028-02").Window(WindowKind.Calendar);
        Assert.Equal(Date("2028-02-29"), HalfMonth.End(calendarFeb2028.Buckets.Last));
        Assert.Equal(24, PeriodKey.Parse("2028").Window(WindowKind.Calendar).Buckets.Last - PeriodKey.Parse("2028").Window(WindowKind.Calendar).Buckets.First + 1);
        Assert.Equal(24, PeriodKey.Parse("2028").Window(WindowKind.Cutoff).Buckets.Last - PeriodKey.Parse("2028").Window(WindowKind.Cutoff).Buckets.First + 1);
    }

    [Fact]
    public void Date_window_contains_both_ends_only()
    {
        var w = PeriodKey.Parse("2026-01").Window(WindowKind.Cutoff);
        Assert.True(w.Contains(Date("2025-12-15")));
        Assert.True(w.Contains(Date("2026-01-14")));
        Assert.False(w.Contains(Date("2025-12-14")));
        Assert.False(w.Contains(Date("2026-01-15")));
    }

    /// <summary>Every key of a year: 12 months, 4 quarters, 2 halves, 9 months and the year.</summary>
    public static IEnumerable<PeriodKey> AllKeys(int year)
    {
        for (var m = 1; m <= 12; m++) yield return PeriodKey.Month(year, m);
        for (var q = 1; q <= 4; q++) yield return PeriodKey.Quarter(year, q);
        yield return PeriodKey.Half(year, 1);
        yield return PeriodKey.Half(year, 2);
        yield return PeriodKey.NineMonths(year);
        yield return PeriodKey.OfYear(year);
    }
}
