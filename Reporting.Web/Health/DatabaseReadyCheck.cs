using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Reporting.Core.Persistence;

namespace Reporting.Web.Health;

/// <summary>Ready when the database answers and every migration of the configured provider is applied.</summary>
public sealed class DatabaseReadyCheck(IDbContextFactory<ReportingDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (!await db.Database.CanConnectAsync(ct))
            {
                return HealthCheckResult.Unhealthy("Không kết nối được cơ sở dữ liệu.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("Cơ sở dữ liệu sẵn sàng.")
                : HealthCheckResult.Unhealthy($"Còn {pending.Count} migration chưa áp dụng: {string.Join(", ", pending)}.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Lỗi khi kiểm tra cơ sở dữ liệu.", e);
        }
    }
}
