using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using Reporting.Web.Components;

namespace Reporting.Web.Dashboard;

public static class DashboardExtensions
{
    /// <summary>Blazor Server (interactive server render mode), MudBlazor and the dashboard reads.</summary>
    public static IHostApplicationBuilder AddReportingWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddOptions<CircuitSettings>().BindConfiguration(CircuitSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<CircuitOptions>().Configure<IOptions<CircuitSettings>>((circuits, settings) =>
        {
            circuits.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(settings.Value.DisconnectedRetentionSeconds);
            circuits.DisconnectedCircuitMaxRetained = settings.Value.DisconnectedMaxRetained;
        });
        builder.Services.AddMudServices();
        builder.Services.AddVietnameseMudTexts();
        builder.Services.AddSingleton<SourceFreshnessTracker>();
        builder.Services.AddSingleton<DashboardService>();
        builder.Services.AddSingleton<DashboardChanges>();
        builder.Services.AddSingleton<ISourceHealthReader, SourceHealthReader>();
        return builder;
    }

    /// <summary>MudBlazor's built-in texts in Vietnamese (<see cref="VietnameseMudLocalizer"/>), app-wide.</summary>
    public static IServiceCollection AddVietnameseMudTexts(this IServiceCollection services) =>
        services.AddTransient<MudLocalizer, VietnameseMudLocalizer>();

    /// <summary>The dashboard pages (Tổng quan, Đơn vị, Chỉ số, wall screen) and the Excel download of dossier lists.</summary>
    public static IEndpointRouteBuilder MapReportingWeb(this WebApplication app)
    {
        // Static files are public (access.md): the sign-in page needs its styles before anyone is signed in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapDossierExport();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
