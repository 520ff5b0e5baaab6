using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Reporting.Core.Aggregates;

/// <summary>
/// Extends the open-dossier horizon when the calendar reaches a new year or 15/12, even on a day
/// without ingest (ingest also extends it). Checked hourly; a no-op almost always.
/// </summary>
internal sealed class AggregateHorizonService(AggregateMaintenance maintenance, TimeProvider clock, ILogger<AggregateHorizonService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await maintenance.EnsureHorizonAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Extending the aggregate horizon failed; retrying in an hour");
            }
        }
    }
}
