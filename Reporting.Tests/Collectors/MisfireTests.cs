using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Quartz;
using Reporting.Core.Collectors;
using Reporting.Collectors;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;

namespace Reporting.Tests.Collectors;

/// <summary>
/// Collectors:Quartz:FireOnceAfterMisfire with the real schedules of <see cref="CollectorScheduler"/>: a source's time
/// passes while the scheduler is in standby (the server was down); false waits for the next time, true runs once at once.
/// A short misfire threshold keeps each test within a few seconds.
/// </summary>
public sealed class MisfireTests
{
    private static readonly TimeSpan Threshold = TimeSpan.FromMilliseconds(250);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_time_missed_while_the_scheduler_was_down_is_skipped_or_run_once_as_configured(bool fireOnceAfterMisfire)
    {
        var province = CollectorProvince.Province;
        await using var sim = await SimulatorHost.StartAsync(province);
        await using var db = await CollectorDatabase.CreateAsync(province, sim.BaseUrl);

        // The catalogue source alone, due once a day at a time two seconds from now.
        var now = DateTimeOffset.UtcNow;
        var fireAt = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(2);
        var local = VietnamTime.ToLocal(fireAt);
        await using (var context = db.CreateDbContext())
        {
            await context.CollectorSources.Where(s => s.Name != CollectorDatabase.Catalogue).ExecuteDeleteAsync();
            await context.CollectorSources.ExecuteUpdateAsync(u => u.SetProperty(s => s.Cron, $"{local.Second} {local.Minute} {local.Hour} * * ?"));
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(db.Runner);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = $"misfire-{Guid.NewGuid():N}");
            q.UseInMemoryStore(o => o.MisfireThreshold = Threshold);
        });
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<ISchedulerFactory>();
        var events = db.Services.GetRequiredService<CollectorSourceEvents>();
        var collectors = new CollectorScheduler(factory, db.Services.GetRequiredService<IDbContextFactory<ReportingDbContext>>(),
            Options.Create(new CollectorOptions { Quartz = { FireOnceAfterMisfire = fireOnceAfterMisfire } }), events,
            db.Services.GetRequiredService<SourceKeyProtection>(), NullLogger<CollectorScheduler>.Instance);
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        events.Changed += source => ran.TrySetResult();

        // Scheduled while in standby, then the time passes by more than the misfire threshold: a missed time.
        await collectors.SyncAsync();
        var quartz = await factory.GetScheduler();
        var triggerKey = CollectorJob.TriggerOf(CollectorDatabase.Catalogue);
        Assert.Equal(fireAt, (await quartz.GetTrigger(triggerKey))!.NextFireTimeUtc);
        var late = fireAt + Threshold + TimeSpan.FromMilliseconds(300) - DateTimeOffset.UtcNow;
        if (late > TimeSpan.Zero)
        {
            await Task.Delay(late);
        }

        try
        {
            await quartz.Start();
            if (fireOnceAfterMisfire)
            {
                await ran.Task.WaitAsync(TimeSpan.FromSeconds(10));
                await using var context = db.CreateDbContext();
                Assert.Equal(1, await context.CollectorRuns.CountAsync(r => r.Source == CollectorDatabase.Catalogue));
            }
            else
            {
                // The misfire is handled as the scheduler starts: the trigger moves on to tomorrow without running.
                await Eventually.True(async () => (await quartz.GetTrigger(triggerKey))!.NextFireTimeUtc != fireAt,
                    "the scheduler handles the missed time (the trigger moves on)", TimeSpan.FromSeconds(10));

                // No waiting for something not to happen: a trigger that fired records when (Quartz sets its previous fire
                // time as it fires), one whose missed time was skipped has none, and its next time is tomorrow's.
                var trigger = (await quartz.GetTrigger(triggerKey))!;
                Assert.Null(trigger.PreviousFireTimeUtc);
                Assert.False(ran.Task.IsCompleted, "a missed time must not run when FireOnceAfterMisfire is false");
                await using var context = db.CreateDbContext();
                Assert.Equal(0, await context.CollectorRuns.CountAsync());
            }

            // Either way the next time is tomorrow's.
            Assert.Equal(fireAt.AddDays(1), (await quartz.GetTrigger(triggerKey))!.NextFireTimeUtc);
        }
        finally
        {
            await quartz.Shutdown(true);
        }
    }
}
