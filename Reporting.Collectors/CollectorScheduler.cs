using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using Reporting.Core.Collectors;
using Reporting.Core.Persistence;

namespace Reporting.Collectors;

/// <summary>Keeps the Quartz jobs in step with the <see cref="CollectorSource"/> rows: one job and one cron trigger per source.</summary>
public sealed class CollectorScheduler(
    ISchedulerFactory schedulers,
    IDbContextFactory<ReportingDbContext> dbFactory,
    IOptions<CollectorOptions> options,
    CollectorSourceEvents events,
    SourceKeyProtection keys,
    ILogger<CollectorScheduler> logger)
{
    /// <summary>Adds the configured sources that the database does not know yet (the database wins afterwards).</summary>
    public async Task SeedFromConfigurationAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var known = await db.CollectorSources.Select(s => s.Name).ToListAsync(ct);
        foreach (var s in options.Value.Sources.Where(s => !known.Contains(s.Name, StringComparer.OrdinalIgnoreCase)))
        {
            db.CollectorSources.Add(new CollectorSource
            {
                Name = s.Name, Kind = s.Kind, BaseUrl = s.BaseUrl, ApiKey = keys.Protect(s.ApiKey), Cron = s.Cron, PageSize = s.PageSize,
            });
            logger.LogInformation("Collector source {Source} ({Kind}) added from configuration", s.Name, s.Kind);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Schedules every source of the database (replacing older schedules).</summary>
    public async Task SyncAsync(CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sources = await db.CollectorSources.AsNoTracking().ToListAsync(ct);
        foreach (var source in sources)
        {
            await ScheduleAsync(scheduler, source, ct);
        }

        logger.LogInformation("Collector schedules in step with {Count} sources", sources.Count);
    }

    /// <summary>Schedules one source again after an administrator added or edited it (its cron may have changed).</summary>
    public async Task ScheduleAsync(string name, CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await db.CollectorSources.AsNoTracking().SingleOrDefaultAsync(s => s.Name == name, ct);
        if (source is not null)
        {
            await ScheduleAsync(scheduler, source, ct);
        }
    }

    private async Task ScheduleAsync(IScheduler scheduler, CollectorSource source, CancellationToken ct)
    {
        if (CollectorSourceRules.CronProblem(source.Cron) is { } problem)
        {
            logger.LogError("Collector source {Source} has an invalid cron expression {Cron}: {Problem}", source.Name, source.Cron, problem);
            return;
        }

        var job = JobBuilder.Create<CollectorJob>()
            .WithIdentity(CollectorJob.KeyOf(source.Name))
            .UsingJobData(CollectorJob.SourceKey, source.Name)
            .WithDescription($"Thu thập {source.Kind} từ nguồn {source.Name}")
            .StoreDurably()
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(CollectorJob.TriggerOf(source.Name))
            .ForJob(job)
            .WithCronSchedule(source.Cron, c => c
                .InTimeZone(Reporting.Core.Periods.VietnamTime.Zone)
                .WithMisfireInstruction(options.Value.Quartz.FireOnceAfterMisfire ? CronTriggerMisfireInstruction.FireAndProceed : CronTriggerMisfireInstruction.DoNothing))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, ct);
        if (source.Paused)
        {
            await scheduler.PauseJob(job.Key, ct);
        }
    }

    /// <summary>Starts a run now (outside the schedule); a run already going on for the source is not doubled.</summary>
    public async Task RunNowAsync(string source, CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.TriggerJob(CollectorJob.KeyOf(source), new JobDataMap(), ct);
    }

    /// <summary>Cancels the running jobs' tokens: each stops at its next page boundary.</summary>
    public async Task InterruptAllAsync()
    {
        try
        {
            var scheduler = await schedulers.GetScheduler();
            await using var db = await dbFactory.CreateDbContextAsync();
            foreach (var name in await db.CollectorSources.Select(s => s.Name).ToListAsync())
            {
                await scheduler.Interrupt(CollectorJob.KeyOf(name));
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Interrupting the collector jobs at shutdown failed");
        }
    }

    public async Task PauseAsync(string source, CancellationToken ct = default)
    {
        await SetPausedAsync(source, true, ct);
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.PauseJob(CollectorJob.KeyOf(source), ct);
    }

    public async Task ResumeAsync(string source, CancellationToken ct = default)
    {
        await SetPausedAsync(source, false, ct);
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.ResumeJob(CollectorJob.KeyOf(source), ct);
    }

    /// <summary>The next scheduled run of a source, or null (paused, unscheduled).</summary>
    public async Task<DateTimeOffset?> NextRunAsync(string source, CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var trigger = await scheduler.GetTrigger(CollectorJob.TriggerOf(source), ct);
        return trigger?.NextFireTimeUtc;
    }

    private async Task SetPausedAsync(string source, bool paused, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.CollectorSources.Where(s => s.Name == source).ExecuteUpdateAsync(u => u.SetProperty(s => s.Paused, paused), ct);
        events.Publish(source);
    }
}
