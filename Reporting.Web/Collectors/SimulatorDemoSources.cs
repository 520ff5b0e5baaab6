using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Reporting.Collectors;
using Reporting.Core.Collectors;
using Reporting.Core.Persistence;
using Reporting.Demo.Seeding;
using Reporting.Demo.Simulators;
using Reporting.Web.Memory;

namespace Reporting.Web.Collectors;

/// <summary>
/// Demo mode: once the demo province is loaded (up to the end of <c>Demo:EndDate</c>), registers the three
/// collector sources that read the simulators over real HTTP on the server's own address, with watermarks
/// at the end of the loaded history, so the collectors pick up the simulated day from there.
/// </summary>
internal sealed class SimulatorDemoSources(
    IHostApplicationLifetime lifetime,
    IServer server,
    DemoSeedingState seeding,
    SimulatorState simulators,
    IDbContextFactory<ReportingDbContext> dbFactory,
    CollectorRunner runner,
    CollectorScheduler scheduler,
    IOptions<SimulatorSettings> settings,
    SourceKeyProtection keys,
    IServiceProvider services,
    ILogger<SimulatorDemoSources> logger) : BackgroundService
{
    public const string CatalogueSource = "demo-danhmuc";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try
            {
                await started.Task;
                await seeding.Completion.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var self = settings.Value.SelfBaseUrl ?? SelfAddress();
        if (self is null)
        {
            logger.LogInformation("No listening address (in-memory test server): demo collector sources not registered");
            return;
        }

        try
        {
            var end = simulators.Province.EndOfHistory;
            var cron = settings.Value.DemoCron;
            await EnsureAsync(DemoSeedingService.DossierSource, CollectorKind.DossierFeed, self + SimulatorsApi.DossierBase, cron, end, stoppingToken);
            await EnsureAsync(DemoSeedingService.PaymentSource, CollectorKind.PaymentFeed, self + SimulatorsApi.PaymentBase, cron, end, stoppingToken);
            await EnsureAsync(CatalogueSource, CollectorKind.ProcedureCatalog, self + SimulatorsApi.CatalogueBase, "0 0 2 * * ?", null, stoppingToken);
            // The feeds' tail is built from the whole generated history, which is garbage right after: build it
            // before the collectors first run, then give the memory back (issue 13: the demo server ≤ 400 MB).
            await Task.Run(simulators.PrepareFeeds, stoppingToken);
            services.GetService<MemoryTrimmer>()?.Request("simulators ready");
            await scheduler.SyncAsync(stoppingToken);
            logger.LogInformation("Demo collector sources read the simulators at {BaseUrl}", self);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Registering the demo collector sources failed");
        }
    }

    private async Task EnsureAsync(string name, CollectorKind kind, string baseUrl, string cron, DateTime? watermark, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await db.CollectorSources.SingleOrDefaultAsync(s => s.Name == name, ct);
        if (source is null)
        {
            db.CollectorSources.Add(new CollectorSource { Name = name, Kind = kind, BaseUrl = baseUrl, Cron = cron, PageSize = 1000, ApiKey = keys.Protect(settings.Value.ApiKey) });
            await db.SaveChangesAsync(ct);
            if (watermark is { } mark && await runner.GetWatermarkAsync(name, ct) is null)
            {
                await runner.SetWatermarkAsync(name, mark, ct);
            }
        }
        else if (source.BaseUrl != baseUrl)
        {
            // The port may change between runs of the demo.
            source.BaseUrl = baseUrl;
            await db.SaveChangesAsync(ct);
        }
    }

    private string? SelfAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses?.FirstOrDefault();
        if (first is null || !Uri.TryCreate(first.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "127.0.0.1" : uri.Host;
        return $"{uri.Scheme}://{host}:{uri.Port}";
    }
}
