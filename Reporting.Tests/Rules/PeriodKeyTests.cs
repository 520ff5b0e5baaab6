using Reporting.Core.Periods;

namespace Reporting.Tests.Rules;

public class PeriodKeyTests
{
    [Theory]
    [InlineData("2026-07", 2026, PeriodKind.Month, 7)]
    [InlineData("2026-01", 2026, PeriodKind.Month, 1)]
    [InlineData("2026-12", 2026, PeriodKind.Month, 12)]
    [InlineData("2026-Q1", 2026, PeriodKind.Quarter, 1)]
    [InlineData("2026-Q3", 2026, PeriodKind.Quarter, 3)]
    [InlineData("2026-Q4", 2026, PeriodKind.Quarter, 4)]
    [InlineData("2026-H1", 2026, PeriodKind.HalfYear, 1)]
    [InlineData("2026-H2", 2026, PeriodKind.HalfYear, 2)]
    [InlineData("2026-9M", 2026, PeriodKind.NineMonths, 1)]
    [InlineData("2026", 2026, PeriodKind.Year, 1)]
    public void Every_key_kind_parses_and_round_trips(string text, int year, PeriodKind kind, int index)
    {
        Assert.True(PeriodKey.TryParse(text, out var key));
        Assert.Equal(new PeriodKey(year, kind, index), key);
        Assert.Equal(text, key.ToString());
        Assert.Equal(key, PeriodKey.Parse(key.ToString()));
    }

    [Fact]
    public void Surrounding_whitespace_is_ignored() => Assert.Equal(PeriodKey.Month(2026, 7), PeriodKey.Parse(" 2026-07 "));

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-Q5")]
    [InlineData("2026-Q0")]
    [InlineData("2026-H3")]
    [InlineData("2026-H0")]
    [InlineData("2026-8M")]
    [InlineData("26-07")]
    [InlineData("2026-7")]
    [InlineData("2026-007")]
    [InlineData("2026/07")]
    [InlineData("07-2026")]
    [InlineData("2026-q3")]
    [InlineData("2026-")]
    [InlineData("1999")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("२०२६")] // Devanagari digits: a regex \d matches them, int.Parse does not.
    [InlineData("٢٠٢٦-٠٧")] // Arabic-Indic digits.
    public void Invalid_keys_are_rejected(string text)
    {
        Assert.False(PeriodKey.TryParse(text, out _));
        Assert.Throws<FormatException>(() => PeriodKey.Parse(text));
    }

    [Fact]
    public void Null_key_is_rejected() => Assert.False(PeriodKey.TryParse(null, out _));

    [Theory]
    [InlineData("2026-07", "2026-07-01", "2026-07-31")]
    [InlineData("2026-02", "2026-02-01", "2026-02-28")]
    [InlineData("2028-02", "2028-02-01", "2028-02-29")]
    [InlineData("2026-12", "2026-12-01", "2026-12-31")]
    [InlineData("2026-Q1", "2026-01-01", "2026-03-31")]
    [InlineData("2026-Q2", "2026-04-01", "2026-06-30")]
    [InlineData("2026-Q3", "2026-07-01", "2026-09-30")]
    [InlineData("2026-Q4", "2026-10-01", "2026-12-31")]
    [InlineData("2026-H1", "2026-01-01", "2026-06-30")]
    [InlineData("2026-H2", "2026-07-01", "2026-12-31")]
    [InlineData("2026-9M", "2026-01-01", "2026-09-30")]
    [InlineData("2026", "2026-01-01", "2026-12-31")]
    public void Calendar_windows_follow_the_table(string key, string from, string to) =>
        Assert.Equal(new DateWindow(RuleFixtures.Date(from), RuleFixtures.Date(to)), PeriodKey.Parse(key).Window(WindowKind.Calendar));

    [Theory]
    [InlineData("2026-01", "2025-12-15", "2026-01-14")]
    [InlineData("2026-03", "2026-02-15", "2026-03-14")]
    [InlineData("2026-07", "2026-06-15", "2026-07-14")]
    [InlineData("2026-12", "2026-11-15", "2026-12-14")]
    [InlineData("2026-Q1", "2025-12-15", "2026-03-14")]
    [InlineData("2026-Q2", "2026-03-15", "2026-06-14")]
    [InlineData("2026-Q3", "2026-06-15", "2026-09-14")]
    [InlineData("2026-Q4", "2026-09-15", "2026-12-14")]
    [InlineData("2026-H1", "2025-12-15", "2026-06-14")]
    [InlineData("2026-H2", "2026-06-15", "2026-12-14")]
    [InlineData("2026-9M", "2025-12-15", "2026-09-14")]
    [InlineData("2026", "2025-12-15", "2026-12-14")]
    public void Cutoff_windows_follow_decree_09(string key, string from, string to) =>
        Assert.Equal(new DateWindow(RuleFixtures.Date(from), RuleFixtures.Date(to)), PeriodKey.Parse(key).Window(WindowKind.Cutoff));

    [Fact]
    public void Consecutive_cutoff_months_tile_without_gap_or_overlap()
    {
        var key = PeriodKey.Month(2024, 1);
        for (var i = 0; i < 48; i++)
        {
            var next = key.PlusMonths(1);
            Assert.Equal(key.Window(WindowKind.Cutoff).To.AddDays(1), next.Window(WindowKind.Cutoff).From);
            Assert.Equal(key.Window(WindowKind.Calendar).To.AddDays(1), next.Window(WindowKind.Calendar).From);
            key = next;
        }
    }

    [Theory]
    [InlineData("2026-07", "2026-06")]
    [InlineData("2026-01", "2025-12")]
    [InlineData("2026-Q3", "2026-Q2")]
    [InlineData("2026-Q1", "2025-Q4")]
    [InlineData("2026-H2", "2026-H1")]
    [InlineData("2026-H1", "2025-H2")]
    [InlineData("2026-9M", "2025-9M")]
    [InlineData("2026", "2025")]
    public void Previous_is_the_period_of_the_same_kind_just_before(string key, string previous) =>
        Assert.Equal(previous, PeriodKey.Parse(key).Previous().ToString());

    [Theory]
    [InlineData("2026-07", "Tháng 07/2026")]
    [InlineData("2026-12", "Tháng 12/2026")]
    [InlineData("2026-Q1", "Quý I/2026")]
    [InlineData("2026-Q2", "Quý II/2026")]
    [InlineData("2026-Q3", "Quý III/2026")]
    [InlineData("2026-Q4", "Quý IV/2026")]
    [InlineData("2026-H1", "6 tháng đầu năm 2026")]
    [InlineData("2026-H2", "6 tháng cuối năm 2026")]
    [InlineData("2026-9M", "9 tháng năm 2026")]
    [InlineData("2026", "Năm 2026")]
    public void Label_is_vietnamese(string key, string label) => Assert.Equal(label, PeriodKey.Parse(key).Label);

    [Fact]
    public void Window_display_shows_both_dates() =>
        Assert.Equal("Từ ngày 15/12/2025 đến ngày 14/01/2026", PeriodKey.Parse("2026-01").Window(WindowKind.Cutoff).Display);

    [Theory]
    [InlineData(PeriodKind.Month, "2026-08-15", "2026-08")]
    [InlineData(PeriodKind.Quarter, "2026-08-15", "2026-Q3")]
    [InlineData(PeriodKind.Quarter, "2026-03-31", "2026-Q1")]
    [InlineData(PeriodKind.HalfYear, "2026-06-30", "2026-H1")]
    [InlineData(PeriodKind.HalfYear, "2026-07-01", "2026-H2")]
    [InlineData(PeriodKind.NineMonths, "2026-02-01", "2026-9M")]
    [InlineData(PeriodKind.Year, "2026-12-31", "2026")]
    public void Containing_gives_the_calendar_period_of_a_date(PeriodKind kind, string date, string key) =>
        Assert.Equal(key, PeriodKey.Containing(kind, RuleFixtures.Date(date)).ToString());
}

internal static class PeriodKeyTestExtensions
{
    /// <summary>The month key <paramref name="months"/> months later (test helper).</summary>
    public static PeriodKey PlusMonths(this PeriodKey key, int months)
    {
        var first = new DateOnly(key.Year, key.Index, 1).AddMonths(months);
        return PeriodKey.Month(first.Year, first.Month);
    }
}
