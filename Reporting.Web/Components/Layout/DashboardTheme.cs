using MudBlazor;

namespace Reporting.Web.Components.Layout;

public static class DashboardTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5394",
            AppbarBackground = "#0b5394",
            // Status colours chosen to stay apart for red-green colour blindness; icons and text carry the meaning too.
            Success = "#1a7f37",
            Warning = "#b35c00",
            Error = "#c62828",
        },
    };
}
