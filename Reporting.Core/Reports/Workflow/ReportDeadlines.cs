using Reporting.Core.Calendar;

namespace Reporting.Core.Reports.Workflow;

/// <summary>
/// Due dates and lateness in working days (periods.md): due N working days after the window ends; a
/// report is late when first submitted after its due date, by the working days between them; one
/// not yet submitted counts its lateness up to today.
/// </summary>
public static class ReportDeadlines
{
    public static DateOnly DueDate(WorkingCalendar calendar, DateOnly windowEnd, int workingDays) =>
        calendar.AddWorkingDays(windowEnd, workingDays);

    /// <summary>Working days late (0 when on time or not yet due).</summary>
    public static int LateWorkingDays(WorkingCalendar calendar, DateOnly due, DateOnly? submittedOn, DateOnly today)
    {
        var reference = submittedOn ?? today;
        return reference > due ? calendar.WorkingDaysBetween(due, reference) : 0;
    }

    /// <summary>Working days left before the due date for a report not yet submitted (0 on the day, negative when late).</summary>
    public static int WorkingDaysLeft(WorkingCalendar calendar, DateOnly due, DateOnly today) =>
        calendar.WorkingDaysBetween(today, due);
}
