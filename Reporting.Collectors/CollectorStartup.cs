using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reporting.Core.Collectors;
using Reporting.Core.Persistence;

namespace Reporting.Collectors;

/// <summary>
/// At start-up: close the runs a killed process left open, seed the configured sources into the database,
/// then schedule every source. At shutdown: ask running jobs to stop at the next page boundary (the page
/// being stored is committed whole or rolled back whole), so the wait for jobs to complete stays short.
/// </summary>
internal sealed class CollectorStartup(
    CollectorScheduler scheduler,
    IDbContextFactory<ReportingDbContext> dbFactory,
    IHostApplicationLifetime lifetime,
    IOptions<CollectorOptions> options,
    ILogger<CollectorStartup> logger) : IHostedService
{
    private CancellationTokenRegistration _stopping;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Quartz.Clustered)
        {
            // One node: a run still marked running was cut off by a kill or a crash.
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var open = await db.CollectorRuns.Where(r => r.Status == CollectorRunStatus.Running).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, CollectorRunStatus.Cancelled)
                .SetProperty(r => r.Error, "Máy chủ đã dừng giữa lần chạy; các trang đã lưu được giữ, lần sau đọc tiếp từ mốc đã lưu."), cancellationToken);
            if (open > 0)
            {
                logger.LogWarning("{Count} collector runs were cut off by a stop of the server", open);
            }
        }

        await scheduler.SeedFromConfigurationAsync(cancellationToken);
        await scheduler.SyncAsync(cancellationToken);
        _stopping = lifetime.ApplicationStopping.Register(() => _ = scheduler.InterruptAllAsync());
        logger.LogInformation("Collectors scheduled");
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Dispose();
        return Task.CompletedTask;
    }
}
