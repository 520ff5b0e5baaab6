using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Reporting.Core.National;

namespace Reporting.Collectors.National;

/// <summary>
/// Delivers the submissions due to the national system (reporting.md). The outbox is the database, so
/// the schedule only says how often to look: a restart, a missed run or a second node finds the same
/// rows. One run at a time in a process, so an attempt is never made twice at once here.
/// </summary>
[DisallowConcurrentExecution]
public sealed class NationalDeliveryJob(NationalDelivery delivery) : IJob
{
    public static readonly JobKey Key = new("national-delivery", "reports");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await delivery.DeliverDueAsync(cancellationToken);
}

public static class NationalDeliveryJobExtensions
{
    /// <summary>The delivery job, every <c>National:DeliveryIntervalSeconds</c>.</summary>
    public static IQuartzBuilder AddNationalDeliveryJob(this IQuartzBuilder q, int intervalSeconds)
    {
        q.AddJob<NationalDeliveryJob>(j => j.WithIdentity(NationalDeliveryJob.Key).StoreDurably().WithDescription("Gửi báo cáo lên hệ thống quốc gia"));
        q.AddTrigger(t => t.ForJob(NationalDeliveryJob.Key)
            .WithIdentity("national-delivery", "reports")
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(intervalSeconds)).RepeatForever()));
        return q;
    }
}
