using Reporting.Core.Calendar;
using Reporting.Core.Reports.Workflow;

namespace Reporting.Tests.Reports;

/// <summary>Due dates and lateness in working days across a weekend and public holidays.</summary>
public class ReportDeadlineTests
{
    private static readonly WorkingCalendar Calendar = new(
    [
        new CalendarDay { Date = new(2026, 4, 30), IsWorkingDay = false, Name = "Ngày Chiến thắng", Source = "test" },
        new CalendarDay { Date = new(2026, 5, 1), IsWorkingDay = false, Name = "Quốc tế Lao động", Source = "test" },
    ]);

    [Fact]
    public void Due_two_working_days_after_a_window_ending_before_a_holiday_and_a_weekend()
    {
        // Wednesday 29/04: Thursday and Friday are holidays, then the weekend; Monday 4/5 and Tuesday 5/5.
        Assert.Equal(new DateOnly(2026, 5, 5), ReportDeadlines.DueDate(Calendar, new DateOnly(2026, 4, 29), 2));
    }

    [Theory]
    [InlineData(2026, 5, 5, 0)]   // on the due date
    [InlineData(2026, 5, 4, 0)]   // early
    [InlineData(2026, 5, 7, 2)]   // Wednesday, Thursday
    [InlineData(2026, 5, 9, 3)]   // Saturday: still three working days
    [InlineData(2026, 5, 11, 4)]  // Monday
    public void Late_by_working_days_after_the_due_date(int year, int month, int day, int late) =>
        Assert.Equal(late, ReportDeadlines.LateWorkingDays(Calendar, new DateOnly(2026, 5, 5), new DateOnly(year, month, day), new DateOnly(2026, 12, 31)));

    [Fact]
    public void Not_submitted_counts_to_today_and_days_left_skip_the_holidays()
    {
        var due = new DateOnly(2026, 5, 5);
        Assert.Equal(3, ReportDeadlines.LateWorkingDays(Calendar, due, null, new DateOnly(2026, 5, 8)));
        Assert.Equal(2, ReportDeadlines.WorkingDaysLeft(Calendar, due, new DateOnly(2026, 4, 29)));
    }
}
