using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reporting.Collectors;
using Reporting.Core.Collectors;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;
using Reporting.Demo.Simulators;
using Reporting.Tests.Integration;
using Reporting.Web.Dashboard;

namespace Reporting.Tests.Collectors;

/// <summary>
/// The dashboards' source warnings over a real database and real runs against the simulators: stale after a due run
/// did not succeed for Collectors:StaleAfterMinutes, paused as paused, daily sources not flagged between runs, events on every run.
/// </summary>
public sealed class SourceHealthReaderTests
{
    private static Reporting.Demo.Province.DemoProvince Province => CollectorProvince.Province;

    [Fact]
    public async Task Sources_turn_stale_when_a_due_run_has_not_succeeded_for_the_set_time_and_paused_ones_show_as_paused()
    {
        await using var sim = await SimulatorHost.StartAsync(Province);
        await using var db = await CollectorDatabase.CreateAsync(Province, sim.BaseUrl);
        var clock = new ManualClock(DateTimeOffset.UtcNow);

        // The daily catalogue runs twelve hours from now, so "not due between its runs" holds at any time of day.
        await using (var context = db.CreateDbContext())
        {
            var dailyHour = VietnamTime.ToLocal(clock.Now.AddHours(12)).Hour;
            await context.CollectorSources.Where(s => s.Name == CollectorDatabase.Catalogue)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Cron, $"0 0 {dailyHour} * * ?"));
        }

        var events = db.Services.GetRequiredService<CollectorSourceEvents>();
        var reader = new SourceHealthReader(db.Services.GetRequiredService<IDbContextFactory<ReportingDbContext>>(),
            Options.Create(new CollectorOptions { StaleAfterMinutes = 60 }), clock, events);
        var changes = 0;
        reader.Changed += () => changes++;

        // Never ran: waiting for the first run, not stale.
        Assert.All(await reader.GetAsync(), s => Assert.False(s.Stale));

        Assert.Equal(CollectorRunStatus.Succeeded, (await db.Runner.RunAsync(CollectorDatabase.Dossiers)).Status);
        Assert.Equal(CollectorRunStatus.Succeeded, (await db.Runner.RunAsync(CollectorDatabase.Catalogue)).Status);
        Assert.Equal(2, changes);
        var health = await reader.GetAsync();
        Assert.False(health.Single(s => s.Name == CollectorDatabase.Dossiers).Stale);
        Assert.NotNull(health.Single(s => s.Name == CollectorDatabase.Dossiers).LastSuccessAt);

        // The hourly dossier source then fails for two hours: stale, with its error; the daily catalogue is not due yet.
        sim.State.Failure = SimulatorFailure.ServerError;
        Assert.Equal(CollectorRunStatus.Failed, (await db.Runner.RunAsync(CollectorDatabase.Dossiers)).Status);
        Assert.Equal(3, changes);
        clock.Now = clock.Now.AddHours(2).AddMinutes(1);
        health = await reader.GetAsync();
        var dossiers = health.Single(s => s.Name == CollectorDatabase.Dossiers);
        Assert.True(dossiers.Stale);
        Assert.NotNull(dossiers.LastError);
        Assert.False(health.Single(s => s.Name == CollectorDatabase.Catalogue).Stale, "a daily source is not due between its runs");

        // A source whose first run failed longer ago than the set time is stale though it never succeeded.
        Assert.Equal(CollectorRunStatus.Failed, (await db.Runner.RunAsync(CollectorDatabase.Payments)).Status);
        clock.Now = DateTimeOffset.UtcNow;
        Assert.False((await reader.GetAsync()).Single(s => s.Name == CollectorDatabase.Payments).Stale);
        clock.Now = clock.Now.AddHours(1).AddMinutes(1);
        Assert.True((await reader.GetAsync()).Single(s => s.Name == CollectorDatabase.Payments).Stale);

        // Paused: shown as paused, not stale; the pause is an event too.
        await db.Services.GetRequiredService<CollectorScheduler>().PauseAsync(CollectorDatabase.Dossiers);
        Assert.Equal(5, changes);
        dossiers = (await reader.GetAsync()).Single(s => s.Name == CollectorDatabase.Dossiers);
        Assert.True(dossiers.Paused);
        Assert.False(dossiers.Stale);

        // Fixed and resumed: the next successful run clears the flag.
        await db.Services.GetRequiredService<CollectorScheduler>().ResumeAsync(CollectorDatabase.Dossiers);
        sim.State.Failure = SimulatorFailure.None;
        Assert.Equal(CollectorRunStatus.Succeeded, (await db.Runner.RunAsync(CollectorDatabase.Dossiers)).Status);
        clock.Now = DateTimeOffset.UtcNow;
        Assert.False((await reader.GetAsync()).Single(s => s.Name == CollectorDatabase.Dossiers).Stale);
    }
}
