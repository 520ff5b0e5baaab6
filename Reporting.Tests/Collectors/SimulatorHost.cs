using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reporting.Demo.Province;
using Reporting.Demo.Simulators;

namespace Reporting.Tests.Collectors;

/// <summary>The simulators alone in a real Kestrel host on 127.0.0.1 (a free port): collectors reach them over real HTTP.</summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SimulatorHost(WebApplication app, SimulatorState state)
    {
        _app = app;
        State = state;
        BaseUrl = app.Urls.First().TrimEnd('/');
    }

    public SimulatorState State { get; }

    /// <summary>e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; }

    public static async Task<SimulatorHost> StartAsync(DemoProvince province)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Configuration["Simulators:Enabled"] = "true";
        builder.Logging.ClearProviders();
        var state = new SimulatorState(province) { FixedNow = province.EndOfHistory };
        builder.Services.AddSingleton(state);
        var app = builder.Build();
        app.MapSimulators();
        await app.StartAsync();
        return new SimulatorHost(app, state);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
