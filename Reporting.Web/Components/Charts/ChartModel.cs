namespace Reporting.Web.Components.Charts;

public enum ChartKind
{
    Line,
    Bar,
    Donut,
}

/// <summary>One series of values (null: no value for that category).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values);

/// <summary>A horizontal line across the chart, e.g. a target.</summary>
public sealed record ChartLine(decimal Value, string Label, string Color);

/// <summary>Okabe–Ito colours: distinguishable with the common forms of colour blindness.</summary>
public static class ChartPalette
{
    public static IReadOnlyList<string> Colors { get; } = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000"];
}

/// <summary>
/// The colours a chart takes from the page's theme (cascaded by the layout): apexcharts' mode (tooltips), the text of
/// titles, axes and legends, grid lines, and the background of label boxes (the target lines' labels).
/// </summary>
public sealed record ChartTheme(string Mode, string Text, string Grid, string Surface);
