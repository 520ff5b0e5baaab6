using Reporting.Core.Periods;

namespace Reporting.Core.Reports.Workflow;

/// <summary>The contract's words for a regime's frequency and window (reporting.md), both ways, and their Vietnamese labels.</summary>
public static class RegimeCodes
{
    private static readonly (PeriodKind Kind, string Code, string Label)[] Frequencies =
    [
        (PeriodKind.Month, "month", "Hằng tháng"),
        (PeriodKind.Quarter, "quarter", "Hằng quý"),
        (PeriodKind.HalfYear, "half", "6 tháng"),
        (PeriodKind.NineMonths, "9months", "9 tháng"),
        (PeriodKind.Year, "year", "Hằng năm"),
    ];

    public static IEnumerable<PeriodKind> AllFrequencies => Frequencies.Select(f => f.Kind);

    public static string Frequency(PeriodKind kind) => Frequencies.First(f => f.Kind == kind).Code;

    public static string FrequencyLabel(PeriodKind kind) => Frequencies.First(f => f.Kind == kind).Label;

    public static PeriodKind? ParseFrequency(string? code) =>
        Frequencies.Where(f => string.Equals(f.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(f => (PeriodKind?)f.Kind).FirstOrDefault();

    public static string Window(WindowKind kind) => kind == WindowKind.Cutoff ? "cutoff" : "calendar";

    public static string WindowLabel(WindowKind kind) => kind == WindowKind.Cutoff ? "Theo kỳ chốt số liệu (15 đến 14)" : "Theo tháng dương lịch";

    public static WindowKind? ParseWindow(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "cutoff" => WindowKind.Cutoff,
        "calendar" => WindowKind.Calendar,
        _ => null,
    };
}
