namespace Reporting.Core.Calendar;

/// <summary>An exception to Monday–Friday: a public holiday, or a compensating working Saturday.</summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; set; }
    public bool IsWorkingDay { get; set; }
    public required string Name { get; set; }
    public required string Source { get; set; }
}
