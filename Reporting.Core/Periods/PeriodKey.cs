using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Reporting.Core.Periods;

/// <summary>
/// A reporting period as keyed in the spec: <c>2026-07</c>, <c>2026-Q3</c>, <c>2026-H1</c>,
/// <c>2026-9M</c>, <c>2026</c>. <see cref="Index"/> is the month, quarter or half (1-based).
/// </summary>
public readonly partial record struct PeriodKey(int Year, PeriodKind Kind, int Index)
{
    public static PeriodKey Month(int year, int month) => new(year, PeriodKind.Month, month);
    public static PeriodKey Quarter(int year, int quarter) => new(year, PeriodKind.Quarter, quarter);
    public static PeriodKey Half(int year, int half) => new(year, PeriodKind.HalfYear, half);
    public static PeriodKey NineMonths(int year) => new(year, PeriodKind.NineMonths, 1);
    public static PeriodKey OfYear(int year) => new(year, PeriodKind.Year, 1);

    public static bool TryParse([NotNullWhen(true)] string? text, out PeriodKey key)
    {
        key = default;
        if (text is null)
        {
            return false;
        }

        var m = KeyPattern().Match(text.Trim());
        if (!m.Success)
        {
            return false;
        }

        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
        {
            return false;
        }

        var rest = m.Groups["r"].Value;
        if (rest.Length == 0)
        {
            key = OfYear(year);
            return true;
        }

        switch (rest[0])
        {
            case 'Q' when rest.Length == 2 && rest[1] is >= '1' and <= '4':
                key = Quarter(year, rest[1] - '0');
                return true;
            case 'H' when rest.Length == 2 && rest[1] is '1' or '2':
                key = Half(year, rest[1] - '0');
                return true;
            case '9' when rest == "9M":
                key = NineMonths(year);
                return true;
            default:
                if (rest.Length == 2 && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
                    && month is >= 1 and <= 12)
                {
                    key = Month(year, month);
                    return true;
                }

                return false;
        }
    }

    public static PeriodKey Parse(string text) =>
        TryParse(text, out var key) ? key : throw new FormatException($"Kỳ báo cáo không hợp lệ: '{text}'.");

    /// <summary>First and last calendar month of the period.</summary>
    public (int FirstMonth, int LastMonth) Months => Kind switch
    {
        PeriodKind.Month => (Index, Index),
        PeriodKind.Quarter => ((Index * 3) - 2, Index * 3),
        PeriodKind.HalfYear => ((Index * 6) - 5, Index * 6),
        PeriodKind.NineMonths => (1, 9),
        _ => (1, 12),
    };

    /// <summary>The window of this period: local dates, both inclusive.</summary>
    public DateWindow Window(WindowKind kind)
    {
        var (first, last) = Months;
        if (kind == WindowKind.Calendar)
        {
            var from = new DateOnly(Year, first, 1);
            var to = new DateOnly(Year, last, 1).AddMonths(1).AddDays(-1);
            return new DateWindow(from, to);
        }

        // Decree 09/2019: from the 15th of the month before the first month to the 14th of the last.
        var cutFrom = new DateOnly(Year, first, 15).AddMonths(-1);
        var cutTo = new DateOnly(Year, last, 14);
        return new DateWindow(cutFrom, cutTo);
    }

    /// <summary>The period of the same kind just before this one.</summary>
    public PeriodKey Previous() => Kind switch
    {
        PeriodKind.Month => Index == 1 ? Month(Year - 1, 12) : Month(Year, Index - 1),
        PeriodKind.Quarter => Index == 1 ? Quarter(Year - 1, 4) : Quarter(Year, Index - 1),
        PeriodKind.HalfYear => Index == 1 ? Half(Year - 1, 2) : Half(Year, 1),
        _ => this with { Year = Year - 1 },
    };

    /// <summary>The period of this kind that contains the local date (calendar windows).</summary>
    public static PeriodKey Containing(PeriodKind kind, DateOnly date) => kind switch
    {
        PeriodKind.Month => Month(date.Year, date.Month),
        PeriodKind.Quarter => Quarter(date.Year, ((date.Month - 1) / 3) + 1),
        PeriodKind.HalfYear => Half(date.Year, date.Month <= 6 ? 1 : 2),
        PeriodKind.NineMonths => NineMonths(date.Year),
        _ => OfYear(date.Year),
    };

    public override string ToString() => Kind switch
    {
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Index:D2}"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Index}"),
        PeriodKind.HalfYear => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-H{Index}"),
        PeriodKind.NineMonths => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-9M"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    /// <summary>Vietnamese label: "Tháng 07/2026", "Quý III/2026", "6 tháng đầu năm 2026"…</summary>
    public string Label => Kind switch
    {
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"Tháng {Index:D2}/{Year}"),
        PeriodKind.Quarter => $"Quý {RomanQuarter[Index - 1]}/{Year}",
        PeriodKind.HalfYear => Index == 1 ? $"6 tháng đầu năm {Year}" : $"6 tháng cuối năm {Year}",
        PeriodKind.NineMonths => $"9 tháng năm {Year}",
        _ => $"Năm {Year}",
    };

    private static readonly string[] RomanQuarter = ["I", "II", "III", "IV"];

    // ASCII digits only: \d would also match other scripts' digits, which int.Parse then rejects by throwing.
    [GeneratedRegex(@"^(?<y>[0-9]{4})(?:-(?<r>[0-9]{2}|Q[0-9]|H[0-9]|9M))?$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
