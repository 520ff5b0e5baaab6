using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reporting.Core.Collectors;
using Reporting.Core.Periods;
using Reporting.Demo.Province;
using Reporting.Demo.Seeding;
using Reporting.Demo.Simulators;
using Reporting.Tests.Integration;

namespace Reporting.Tests.Demo;

/// <summary>
/// The demo never lives in the future: the history ends before the server's clock, the simulators catch up with
/// it at <c>Simulators:Speed</c> and then follow it, and nothing stored carries a date after it.
/// </summary>
public sealed class DemoClockTests
{
    private static readonly Lazy<DemoProvince> EndingWednesday = new(() =>
        DemoProvince.Build(new DemoOptions { DossierCount = 300, EndDate = new DateOnly(2026, 11, 18), HistoryMonths = 1 }));

    private static DateTimeOffset Vietnam(int day, int hour, int minute) => new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Fact]
    public void The_simulated_clock_starts_at_the_next_office_morning_catches_up_with_the_server_clock_and_then_follows_it()
    {
        var province = EndingWednesday.Value;
        // Thursday 19/11/2026 10:00: the simulated day starts at 07:30, two and a half hours behind.
        var clock = new ManualClock(Vietnam(19, 10, 0));
        var state = new SimulatorState(province, clock) { Speed = 60 };

        Assert.Equal(new DateTime(2026, 11, 19, 7, 30, 0), state.Now());
        clock.Now += TimeSpan.FromMinutes(1);
        Assert.Equal(new DateTime(2026, 11, 19, 8, 30, 0), state.Now());

        var previous = state.Now();
        for (var step = 0; step < 6 * 60; step++)
        {
            clock.Now += TimeSpan.FromSeconds(10);
            var now = state.Now();
            Assert.True(now <= VietnamTime.ToLocal(clock.Now), $"simulated {now:O} is after the clock {VietnamTime.ToLocal(clock.Now):O}");
            Assert.True(now >= previous, "the simulated clock never goes back");
            previous = now;
        }

        // One hour later (real time) it has long caught up: the simulated time is the server's time.
        Assert.Equal(VietnamTime.ToLocal(clock.Now), state.Now());
    }

    [Fact]
    public void A_next_office_morning_still_ahead_gives_the_server_clock_at_once()
    {
        var province = DemoProvince.Build(new DemoOptions { DossierCount = 300, EndDate = new DateOnly(2026, 11, 20), HistoryMonths = 1 });
        // Saturday 21/11/2026 09:00; the offices open again on Monday.
        var clock = new ManualClock(Vietnam(21, 9, 0));
        var state = new SimulatorState(province, clock) { Speed = 7200 };

        Assert.Equal(new DateTime(2026, 11, 23, 7, 30, 0), province.NextOfficeMorning);
        Assert.Equal(new DateTime(2026, 11, 21, 9, 0, 0), state.Now());
        clock.Now += TimeSpan.FromMinutes(5);
        Assert.Equal(new DateTime(2026, 11, 21, 9, 5, 0), state.Now());
    }

    [Fact]
    public void The_history_ends_yesterday_by_default_and_an_end_date_today_or_later_is_refused()
    {
        var clock = new ManualClock(Vietnam(27, 0, 30));
        Assert.Equal(new DateOnly(2026, 11, 26), new DemoSettings().ToOptions(clock).EndDate);

        var validator = new DemoSettingsValidator(clock);
        Assert.True(validator.Validate(null, new DemoSettings()).Succeeded);
        Assert.True(validator.Validate(null, new DemoSettings { EndDate = new DateOnly(2026, 11, 26) }).Succeeded);
        var today = validator.Validate(null, new DemoSettings { EndDate = new DateOnly(2026, 11, 27) });
        Assert.True(today.Failed);
        Assert.Contains("Demo:EndDate (27/11/2026) phải trước ngày hôm nay (27/11/2026)", today.FailureMessage);
        Assert.True(validator.Validate(null, new DemoSettings { EndDate = new DateOnly(2027, 1, 1) }).Failed);
    }

    [Fact]
    public async Task A_demo_server_started_now_stores_nothing_dated_after_its_clock()
    {
        await using var app = new DefaultDemoFactory();
        app.UseKestrel(0);
        app.StartServer();
        var state = app.Services.GetRequiredService<DemoSeedingState>();
        await state.Completion.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Null(state.Error);

        // Both feeds read at least once after the load, with the simulated clock caught up with the server's.
        var loaded = VietnamTime.ToLocal(DateTimeOffset.UtcNow);
        await Eventually.True(async () =>
        {
            await using var db = app.CreateDbContext();
            var sources = await db.CollectorRuns.AsNoTracking()
                .Where(r => r.Status == CollectorRunStatus.Succeeded && r.StartedAt > loaded)
                .Select(r => r.Source).Distinct().ToListAsync();
            return sources.Contains(DemoSeedingService.DossierSource) && sources.Contains(DemoSeedingService.PaymentSource);
        }, "a successful run of the demo dossier and payment sources after the load");
        Assert.Equal(VietnamTime.ToLocal(DateTimeOffset.UtcNow), app.Services.GetRequiredService<SimulatorState>().Now(), TimeSpan.FromSeconds(5));

        var clock = VietnamTime.ToLocal(DateTimeOffset.UtcNow);
        await using var check = app.CreateDbContext();
        var dossiers = check.Dossiers.AsNoTracking();
        Assert.True(await dossiers.AnyAsync());
        Assert.Empty(await dossiers.Where(d => d.UpdatedAt > clock || d.SubmittedAt > clock || d.ReceivedAt > clock
            || d.HandlingEndedAt > clock || d.ReturnedAt > clock || d.RefusedAt > clock).Select(d => d.Code).Take(10).ToListAsync());
        Assert.Empty(await check.Payments.AsNoTracking().Where(p => p.UpdatedAt > clock || p.PaidAt > clock).Select(p => p.DossierCode).Take(10).ToListAsync());
        var watermarks = await check.CollectorWatermarks.AsNoTracking().ToListAsync();
        Assert.NotEmpty(watermarks);
        Assert.All(watermarks, w => Assert.True(w.UpdatedSince <= clock, $"watermark of {w.Source} {w.UpdatedSince:O} is after the clock {clock:O}"));
    }

    /// <summary>The README's run command: no <c>Demo:EndDate</c>, so the history ends yesterday; a fast catch-up.</summary>
    private sealed class DefaultDemoFactory : ReportingAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:DossierCount"] = "3000",
            ["Demo:HistoryMonths"] = "3",
            ["Simulators:Speed"] = "100000",
            ["Simulators:DemoCron"] = "* * * * * ?",
        };
    }
}
