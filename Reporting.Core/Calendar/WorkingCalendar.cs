namespace Reporting.Core.Calendar;

/// <summary>Working days: Monday to Friday, minus holidays, plus compensating working days.</summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, bool> _exceptions;

    public WorkingCalendar(IEnumerable<CalendarDay> days) =>
        _exceptions = days.ToDictionary(d => d.Date, d => d.IsWorkingDay);

    public static WorkingCalendar Empty { get; } = new([]);

    public bool IsWorkingDay(DateOnly date) =>
        _exceptions.TryGetValue(date, out var working)
            ? working
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The date <paramref name="workingDays"/> working days after <paramref name="start"/>.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var date = start;
        var left = workingDays;
        while (left > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                left--;
            }
        }

        return date;
    }

    /// <summary>Working days from the day after <paramref name="from"/> up to <paramref name="to"/>; negative when earlier.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return count;
    }
}
