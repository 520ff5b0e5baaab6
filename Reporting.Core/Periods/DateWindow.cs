using System.Globalization;

namespace Reporting.Core.Periods;

/// <summary>
/// A window [From, To] of local dates, both inclusive: S is 00:00:00 of From, E is 23:59:59 of To.
/// </summary>
public readonly record struct DateWindow(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly date) => date >= From && date <= To;

    /// <summary>Half-month buckets this window covers; every period window is a whole number of them.</summary>
    public (int First, int Last) Buckets => (HalfMonth.Of(From), HalfMonth.Of(To));

    public string Display =>
        string.Create(CultureInfo.InvariantCulture, $"Từ ngày {From:dd/MM/yyyy} đến ngày {To:dd/MM/yyyy}");
}
