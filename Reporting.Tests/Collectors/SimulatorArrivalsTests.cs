using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Collectors;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;

namespace Reporting.Tests.Collectors;

/// <summary>The simulators serve new dossiers as the simulated day goes on; collectors pick them up and the figures move.</summary>
public sealed class SimulatorArrivalsTests
{
    private static Reporting.Demo.Province.DemoProvince Province => CollectorProvince.Province;

    [Fact]
    public async Task A_run_later_in_the_simulated_day_stores_new_dossiers_and_their_payments_and_the_indicators_change()
    {
        await using var sim = await SimulatorHost.StartAsync(Province);
        await using var db = await CollectorDatabase.CreateAsync(Province, sim.BaseUrl);
        Assert.Equal(CollectorRunStatus.Succeeded, (await db.Runner.RunAsync(CollectorDatabase.Payments)).Status);
        Assert.Equal(CollectorRunStatus.Succeeded, (await db.Runner.RunAsync(CollectorDatabase.Dossiers)).Status);
        var query = new IndicatorQuery(null, PeriodKey.Month(2026, 11));
        var before = (await db.Services.GetRequiredService<IndicatorService>().GetAsync(query)).Scorecard;

        // Monday 23/11/2026 mid-afternoon: the weekend's online submissions and the morning's office day.
        sim.State.FixedNow = Province.NextOfficeMorning.AddHours(8);
        var payments = await db.Runner.RunAsync(CollectorDatabase.Payments);
        var dossiers = await db.Runner.RunAsync(CollectorDatabase.Dossiers);

        Assert.Equal(CollectorRunStatus.Succeeded, payments.Status);
        Assert.Equal(CollectorRunStatus.Succeeded, dossiers.Status);
        await using (var context = db.CreateDbContext())
        {
            var arrived = await context.Dossiers.Where(d => d.SubmittedAt > Province.EndOfHistory).ToListAsync();
            Assert.NotEmpty(arrived);
            Assert.Contains(arrived, d => d.SubmittedAt!.Value.Date == Province.NextOfficeMorning.Date && d.Channel == 1);
            Assert.Equal(
                Province.Dossiers(sim.State.Now()).Count(d => FeedDateAfter(d.NgayNopHoSo, Province.EndOfHistory)),
                arrived.Count);
            var codes = arrived.Select(d => d.Code).ToList();
            var arrivedPaid = await context.Payments.CountAsync(p => codes.Contains(p.DossierCode));
            Assert.True(arrivedPaid > 0, "payments of the new dossiers are on the payment feed");
        }

        var after = (await db.Services.GetRequiredService<IndicatorService>().GetAsync(query)).Scorecard;
        Assert.True(after["ONLINE"]!.Denominator > before["ONLINE"]!.Denominator, "more dossiers received in November");
    }

    private static bool FeedDateAfter(string? text, DateTime instant) =>
        Reporting.Core.Feeds.FeedDates.TryParse(text, out var at) && at > instant;
}
