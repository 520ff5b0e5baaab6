using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Reporting.Demo.Seeding;

/// <summary>Not ready while the demo province is being loaded: figures would still be moving.</summary>
public sealed class DemoReadyCheck(DemoSeedingState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(state.Running
            ? HealthCheckResult.Unhealthy("Đang nạp dữ liệu tỉnh demo.")
            : state.Error is { } error
                ? HealthCheckResult.Degraded("Nạp dữ liệu demo lỗi: " + error)
                : HealthCheckResult.Healthy());
}
