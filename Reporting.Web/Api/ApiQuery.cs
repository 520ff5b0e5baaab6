using Reporting.Core.Agencies;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;

namespace Reporting.Web.Api;

/// <summary>Parses the common query parameters (agency, period, window, structure) with Vietnamese errors.</summary>
public static class ApiQuery
{
    public static bool TryParse(
        string? agency, string? period, string? window, string? structure, WindowKind defaultWindow,
        out IndicatorQuery query, out Dictionary<string, string[]> errors)
    {
        errors = [];
        query = default!;
        if (!PeriodKey.TryParse(period, out var key))
        {
            errors["period"] = [string.IsNullOrWhiteSpace(period)
                ? "Thiếu tham số period (ví dụ 2026-07, 2026-Q3, 2026-H1, 2026-9M, 2026)."
                : $"Kỳ '{period}' không hợp lệ (ví dụ 2026-07, 2026-Q3, 2026-H1, 2026-9M, 2026)."];
        }

        var windowKind = defaultWindow;
        if (!string.IsNullOrWhiteSpace(window))
        {
            switch (window.Trim().ToLowerInvariant())
            {
                case "calendar": windowKind = WindowKind.Calendar; break;
                case "cutoff": windowKind = WindowKind.Cutoff; break;
                default: errors["window"] = [$"window phải là calendar hoặc cutoff, không phải '{window}'."]; break;
            }
        }

        var view = HistoryView.Current;
        if (!string.IsNullOrWhiteSpace(structure))
        {
            switch (structure.Trim().ToLowerInvariant())
            {
                case "current": view = HistoryView.Current; break;
                case "historical": view = HistoryView.Historical; break;
                default: errors["structure"] = [$"structure phải là current hoặc historical, không phải '{structure}'."]; break;
            }
        }

        if (errors.Count > 0)
        {
            return false;
        }

        query = new IndicatorQuery(string.IsNullOrWhiteSpace(agency) ? null : agency.Trim(), key, windowKind, view);
        return true;
    }

    public static string Name(this WindowKind kind) => kind == WindowKind.Cutoff ? "cutoff" : "calendar";

    public static string Name(this HistoryView view) => view == HistoryView.Historical ? "historical" : "current";

    /// <summary>A window as the API shows it: S at 00:00:00 and E at 23:59:59, local time with +07:00.</summary>
    public static object PeriodJson(PeriodKey key, WindowKind kind, DateWindow window) => new
    {
        key = key.ToString(),
        label = key.Label,
        window = kind.Name(),
        from = VietnamTime.ToOffset(window.From.ToDateTime(TimeOnly.MinValue)),
        to = VietnamTime.ToOffset(window.To.ToDateTime(new TimeOnly(23, 59, 59))),
    };
}
