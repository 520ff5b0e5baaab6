using System.Globalization;
using MudBlazor;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;

namespace Reporting.Web.Dashboard;

/// <summary>vi-VN formatting for the dashboards, with the culture passed explicitly (never the thread's).</summary>
public static class DashboardFormat
{
    public static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"85,42 %", "3,25 ngày", or "N/A".</summary>
    public static string Value(IndicatorResult r) => r.Value is { } v ? Number(v, r.Definition.Unit) : "N/A";

    public static string Number(decimal value, string unit) => unit == "%"
        ? value.ToString("N2", Vi) + " %"
        : value.ToString("N2", Vi) + " " + unit;

    /// <summary>"12.345"; decimals only when the figure has them.</summary>
    public static string Count(decimal? value) => value switch
    {
        null => "—",
        { } v when v == decimal.Truncate(v) => v.ToString("N0", Vi),
        { } v => v.ToString("N2", Vi),
    };

    public static string Count(int value) => value.ToString("N0", Vi);

    public static string Score(decimal value) => value.ToString("0.##", Vi);

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTime? local) => local is { } t ? t.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "—";

    public static string Window(DateWindow window) => $"{Date(window.From)} – {Date(window.To)}";

    /// <summary>Change of a value against the previous period, in percentage points for rates.</summary>
    public static string? Change(IndicatorResult current, IndicatorResult? previous)
    {
        if (current.Value is not { } now || previous?.Value is not { } before)
        {
            return null;
        }

        var delta = now - before;
        var unit = current.Definition.Unit == "%" ? " điểm %" : " " + current.Definition.Unit;
        return (delta > 0 ? "+" : delta < 0 ? "−" : "±") + Math.Abs(delta).ToString("N2", Vi) + unit;
    }

    /// <summary>Numerator, denominator and window, for the tooltip of a figure.</summary>
    public static string Explain(IndicatorResult r, DateWindow window)
    {
        var figures = r.Manual
            ? $"Nhập tay{(r.ManualSource is { } s ? " — " + s : "")}"
            : $"Tử số {Count(r.Numerator)} / mẫu số {Count(r.Denominator)}";
        var na = r.NotApplicableReason is { } reason ? $" — N/A: {reason}" : "";
        return $"{figures}; kỳ {Window(window)}{na}";
    }

    public static StatusView Status(TargetStatus status) => status switch
    {
        TargetStatus.Met => new(Color.Success, Icons.Material.Filled.CheckCircle, "Đạt chỉ tiêu", "met"),
        TargetStatus.Near => new(Color.Warning, Icons.Material.Filled.Warning, "Gần đạt", "near"),
        TargetStatus.Below => new(Color.Error, Icons.Material.Filled.Cancel, "Chưa đạt", "below"),
        TargetStatus.NotApplicable => new(Color.Default, Icons.Material.Filled.Block, "N/A", "na"),
        _ => new(Color.Info, Icons.Material.Filled.Remove, "Không có chỉ tiêu", "none"),
    };
}

/// <summary>How a target status is shown: colour, icon and text (never colour alone).</summary>
public sealed record StatusView(Color Color, string Icon, string Text, string Css);
