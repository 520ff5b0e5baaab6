using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using Reporting.Core.Periods;
using Reporting.Core.Reports.Workflow;

namespace Reporting.Collectors.Reports;

/// <summary>
/// Creates the report instances of each regime's period once its window has ended (reporting.md),
/// every night at 00:30 Vietnam time; creating is idempotent, so a missed night is caught up the next
/// and a restart mid-run does no harm.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReportInstanceJob(IServiceScopeFactory scopes, ILogger<ReportInstanceJob> logger) : IJob
{
    public static readonly JobKey Key = new("report-instances", "reports");

    public const string Cron = "0 30 0 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ReportWorkflow>().CreateEndedPeriodsAsync(cancellationToken);
        logger.LogInformation("Created {Count} report instances for ended periods", created);
    }
}

public static class ReportInstanceJobExtensions
{
    /// <summary>The nightly job creating report instances, with its trigger.</summary>
    public static IQuartzBuilder AddReportInstanceJob(this IQuartzBuilder q)
    {
        q.AddJob<ReportInstanceJob>(j => j.WithIdentity(ReportInstanceJob.Key).StoreDurably().WithDescription("Tạo báo cáo định kỳ khi kỳ báo cáo kết thúc"));
        q.AddTrigger(t => t.ForJob(ReportInstanceJob.Key)
            .WithIdentity("report-instances", "reports")
            .WithCronSchedule(ReportInstanceJob.Cron, c => c.InTimeZone(VietnamTime.Zone)));
        return q;
    }
}
