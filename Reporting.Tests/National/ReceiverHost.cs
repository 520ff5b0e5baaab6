using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reporting.Demo.Simulators;

namespace Reporting.Tests.National;

/// <summary>The national receiver simulator alone in a real Kestrel host on 127.0.0.1: the delivery reaches it over real HTTP.</summary>
public sealed class ReceiverHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ReceiverHost(WebApplication app, NationalReceiverState state)
    {
        _app = app;
        State = state;
        BaseUrl = new Uri(app.Urls.First().TrimEnd('/') + NationalReceiverSimulator.Base);
    }

    public NationalReceiverState State { get; }

    /// <summary>e.g. <c>http://127.0.0.1:41234/simulators/quocgia</c>: what <c>National:BaseUrl</c> points at.</summary>
    public Uri BaseUrl { get; }

    public int Port => BaseUrl.Port;

    /// <summary>Starts a receiver; on <paramref name="port"/> to come back where a stopped one was, with its memory (<paramref name="state"/>).</summary>
    public static async Task<ReceiverHost> StartAsync(int port = 0, NationalReceiverState? state = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration["Simulators:Enabled"] = "true";
        builder.Logging.ClearProviders();
        state ??= new NationalReceiverState(TimeProvider.System);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(TimeProvider.System);
        var app = builder.Build();
        app.MapNationalReceiverSimulator();
        await app.StartAsync();
        return new ReceiverHost(app, state);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Plain clients, as the host's factory gives (no redirects), for services built by hand in tests.</summary>
internal sealed class PlainHttpClients : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
}
