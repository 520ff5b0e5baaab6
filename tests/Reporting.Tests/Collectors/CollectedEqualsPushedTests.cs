using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Collectors;
using Reporting.Core.Indicators;
using Reporting.Core.Ingest;
using Reporting.Core.Periods;
using Reporting.Web.Simulators;

namespace Reporting.Tests.Collectors;

/// <summary>
/// The figures after collectors read a data set through the feeds equal the figures after the same records
/// were pushed through the ingest path: bad records, payments before their dossiers and stale versions included.
/// </summary>
public sealed class CollectedEqualsPushedTests
{
    [Fact]
    public async Task Collected_and_pushed_give_the_same_aggregates_indicators_and_quarantine()
    {
        var province = CollectorProvince.Province;
        var later = province.EndOfHistory.AddDays(4);
        await using var sim = await SimulatorHost.StartAsync(province);
        await using var collected = await CollectorDatabase.CreateAsync(province, sim.BaseUrl);
        await using var pushed = await CollectorDatabase.CreateAsync(province, null);

        // Collected: payments first, then dossiers with bad records, then an older copy of the source (stale versions).
        sim.State.FixedNow = later;
        sim.State.Failure = SimulatorFailure.BadRecords;
        Assert.Equal(CollectorRunStatus.Succeeded, (await collected.Runner.RunAsync(CollectorDatabase.Payments)).Status);
        Assert.Equal(CollectorRunStatus.Succeeded, (await collected.Runner.RunAsync(CollectorDatabase.Dossiers)).Status);
        sim.State.FixedNow = province.EndOfHistory;
        sim.State.Failure = SimulatorFailure.None;
        await collected.Runner.SetWatermarkAsync(CollectorDatabase.Dossiers, DateTime.MinValue);
        var stale = await collected.Runner.RunAsync(CollectorDatabase.Dossiers);
        Assert.True(stale.Stale > 0);

        // Pushed: the same records, in the same order, through the ingest path of POST /api/v1/ingest/*.
        var payments = pushed.Services.GetRequiredService<PaymentIngestor>();
        var dossiers = pushed.Services.GetRequiredService<DossierIngestor>();
        await payments.IngestAsync(CollectorDatabase.Payments, province.Payments(later).Select(Record).ToList());
        await dossiers.IngestAsync(CollectorDatabase.Dossiers,
            province.Dossiers(later).Select(Record).Concat(province.BadDossiers().Select(b => Record(b.Item))).ToList());
        var pushedStale = await dossiers.IngestAsync(CollectorDatabase.Dossiers, province.Dossiers().Select(Record).ToList());
        Assert.Equal(stale.Stale, pushedStale.Count(RecordOutcome.Stale));

        Assert.Equal(await pushed.AggregateSnapshotAsync(), await collected.AggregateSnapshotAsync());
        foreach (var period in new[] { PeriodKey.Month(2026, 11), PeriodKey.Month(2026, 10), PeriodKey.Quarter(2026, 3) })
        {
            foreach (var window in new[] { WindowKind.Calendar, WindowKind.Cutoff })
            {
                var query = new IndicatorQuery(null, period, window);
                var a = await collected.Services.GetRequiredService<IndicatorService>().GetAsync(query);
                var b = await pushed.Services.GetRequiredService<IndicatorService>().GetAsync(query);
                Assert.Equal(JsonSerializer.Serialize(new { b.Scorecard, b.Figures }), JsonSerializer.Serialize(new { a.Scorecard, a.Figures }));
            }
        }

        await using var ca = collected.CreateDbContext();
        await using var pa = pushed.CreateDbContext();
        Assert.Equal(await pa.Quarantine.CountAsync(), await ca.Quarantine.CountAsync());
        Assert.Equal(await pa.Dossiers.CountAsync(d => d.PaidByPaymentFeed), await ca.Dossiers.CountAsync(d => d.PaidByPaymentFeed));
    }

    private static IngestRecord Record<T>(T item) => new(JsonSerializer.SerializeToElement(item));
}
