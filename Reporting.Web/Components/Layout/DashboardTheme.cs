using MudBlazor;
using Reporting.Web.Components.Charts;

namespace Reporting.Web.Components.Layout;

/// <summary>
/// The dashboards' colours: the light theme of the pages and the dark theme of the wall screen, each with text and
/// status colours that keep a WCAG 2.1 AA contrast (4.5:1) on their backgrounds and on the tinted chips, and the
/// matching chart colours (<see cref="ChartTheme"/>), so the charts' titles, axes and legends read on either.
/// </summary>
public static class DashboardTheme
{
    private const string LightBackground = "#ffffff";
    private const string LightText = "#212121";
    private const string LightTextSecondary = "#595959";

    private const string DarkBackground = "#32333d";
    private const string DarkSurface = "#373740";
    private const string DarkText = "#e8e8ec";
    private const string DarkTextSecondary = "#c4c4c8";

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5394",
            AppbarBackground = "#0b5394",
            Secondary = "#ad1457",
            TextPrimary = LightText,
            TextSecondary = LightTextSecondary,
            // Status colours chosen to stay apart for red-green colour blindness; icons and text carry the meaning too.
            Success = "#1a7f37",
            Warning = "#9a4f00",
            Error = "#c62828",
        },
        // MudBlazor's dark defaults are too dim for text (primary, status and secondary text under 4.5:1): light
        // tones here, with dark text on filled chips and buttons.
        PaletteDark = new PaletteDark
        {
            Background = DarkBackground,
            Surface = DarkSurface,
            TextPrimary = DarkText,
            TextSecondary = DarkTextSecondary,
            Primary = "#b3abff",
            PrimaryContrastText = "#1a1a1a",
            Secondary = "#ff8fb8",
            SecondaryContrastText = "#1a1a1a",
            Success = "#3ddc97",
            SuccessContrastText = "#1a1a1a",
            Warning = "#ffc14d",
            WarningContrastText = "#1a1a1a",
            Error = "#ff9e9e",
            ErrorContrastText = "#1a1a1a",
            Info = "#7cc0ff",
            InfoContrastText = "#1a1a1a",
        },
    };

    /// <summary>Charts on the light pages.</summary>
    public static ChartTheme LightCharts { get; } = new("light", LightText, "#e0e0e0", LightBackground);

    /// <summary>Charts on the dark wall screen.</summary>
    public static ChartTheme DarkCharts { get; } = new("dark", DarkText, "#5a5a66", DarkSurface);
}
