using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Reporting.Collectors;

/// <summary>At start-up: seed the configured sources into the database, then schedule every source.</summary>
internal sealed class CollectorStartup(CollectorScheduler scheduler, ILogger<CollectorStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await scheduler.SeedFromConfigurationAsync(cancellationToken);
        await scheduler.SyncAsync(cancellationToken);
        logger.LogInformation("Collectors scheduled");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
