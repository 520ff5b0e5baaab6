using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using Reporting.Core.National;

namespace Reporting.Collectors.National;

/// <summary>
/// Delivers the submissions due to the national system (reporting.md). The outbox is the database, so
/// the schedule only says how often to look: a restart, a missed run or a second node finds the same
/// rows. One run at a time in a process, so an attempt is never made twice at once here.
/// </summary>
[DisallowConcurrentExecution]
public sealed class NationalDeliveryJob(NationalDelivery delivery, IHostApplicationLifetime lifetime) : IJob
{
    public static readonly JobKey Key = new("national-delivery", "reports");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // The scheduler lets jobs finish when the host stops (collectors commit their batch); a delivery instead
        // abandons the attempt under way: a slow receiver would hold the shutdown, and an answer cut short would be
        // stored as "no answer". Abandoned, nothing is recorded; the row's lease runs out and the next start asks
        // again with the same key, which the receiver answers with the receipt it already gave.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            await delivery.DeliverDueAsync(stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
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
