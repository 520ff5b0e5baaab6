using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Reporting.Collectors;

/// <summary>Ready when the collectors' scheduler is started and not shut down (or collectors are switched off).</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers, Microsoft.Extensions.Options.IOptions<CollectorOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return HealthCheckResult.Healthy("Bộ thu thập đã tắt (Collectors:Enabled = false).");
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var status = await scheduler.GetStatus(cancellationToken);
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("Bộ lập lịch thu thập đang chạy.")
            : HealthCheckResult.Unhealthy($"Bộ lập lịch thu thập chưa chạy ({status}).");
    }
}
