namespace Reporting.Core.Periods;

/// <summary>
/// The dates the system accepts from outside (API filters, feed records): 2000-01-01 to 2100-12-31, the same
/// years as <see cref="PeriodKey"/>. A date outside is refused as bad input, so no later arithmetic on it
/// (a day after 9999-12-31, a window end) can overflow.
/// </summary>
public static class DateBounds
{
    public static readonly DateOnly Min = new(2000, 1, 1);
    public static readonly DateOnly Max = new(2100, 12, 31);

    public static bool Contains(DateOnly day) => day >= Min && day <= Max;

    public static bool Contains(DateTime local) => Contains(DateOnly.FromDateTime(local));

    /// <summary>The Vietnamese phrase for the range, for error messages.</summary>
    public const string Range = "từ 01/01/2000 đến 31/12/2100";
}
