using Reporting.Core.Calendar;
using static Reporting.Tests.Rules.RuleFixtures;

namespace Reporting.Tests.Rules;

public class WorkingCalendarTests
{
    private readonly WorkingCalendar _calendar = Calendar2026;

    [Theory]
    [InlineData("2026-04-24", true)] // Friday
    [InlineData("2026-04-25", false)] // Saturday
    [InlineData("2026-04-26", false)] // Sunday
    [InlineData("2026-04-27", false)] // Monday, Giỗ Tổ
    [InlineData("2026-04-28", true)] // Tuesday
    [InlineData("2026-04-30", false)] // Thursday, holiday
    [InlineData("2026-05-01", false)] // Friday, holiday
    [InlineData("2026-05-09", true)] // compensating Saturday
    [InlineData("2026-05-16", false)] // ordinary Saturday
    [InlineData("2026-09-02", false)]
    public void Working_days_are_weekdays_minus_holidays_plus_compensating_days(string date, bool working) =>
        Assert.Equal(working, _calendar.IsWorkingDay(Date(date)));

    [Fact]
    public void Empty_calendar_is_monday_to_friday()
    {
        Assert.True(WorkingCalendar.Empty.IsWorkingDay(Date("2026-04-30")));
        Assert.False(WorkingCalendar.Empty.IsWorkingDay(Date("2026-05-09")));
    }

    [Theory]
    [InlineData("2026-04-24", 0, "2026-04-24")]
    [InlineData("2026-04-24", 1, "2026-04-28")] // over the weekend and Giỗ Tổ
    [InlineData("2026-04-24", 3, "2026-05-04")] // over 30/4 and 1/5
    [InlineData("2026-04-24", 5, "2026-05-06")]
    [InlineData("2026-05-08", 1, "2026-05-09")] // compensating Saturday counts
    [InlineData("2026-05-09", 1, "2026-05-11")]
    [InlineData("2026-04-25", 1, "2026-04-28")] // starting on a Saturday
    [InlineData("2026-08-31", 1, "2026-09-03")] // over Quốc khánh
    public void AddWorkingDays_skips_non_working_days(string start, int days, string expected) =>
        Assert.Equal(Date(expected), _calendar.AddWorkingDays(Date(start), days));

    [Theory]
    [InlineData("2026-04-24", "2026-05-06", 5)]
    [InlineData("2026-05-06", "2026-04-24", -5)]
    [InlineData("2026-05-08", "2026-05-11", 2)]
    [InlineData("2026-05-11", "2026-05-11", 0)]
    [InlineData("2026-04-25", "2026-04-26", 0)]
    [InlineData("2026-03-02", "2026-03-09", 5)]
    public void WorkingDaysBetween_counts_from_the_day_after(string from, string to, int expected) =>
        Assert.Equal(expected, _calendar.WorkingDaysBetween(Date(from), Date(to)));

    [Fact]
    public void AddWorkingDays_and_WorkingDaysBetween_agree()
    {
        for (var start = Date("2026-01-01"); start <= Date("2026-12-31"); start = start.AddDays(3))
        {
            foreach (var n in new[] { 1, 2, 5, 10, 15 })
            {
                Assert.Equal(n, _calendar.WorkingDaysBetween(start, _calendar.AddWorkingDays(start, n)));
            }
        }
    }
}
