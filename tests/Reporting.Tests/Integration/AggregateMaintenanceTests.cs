using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Aggregates;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;

namespace Reporting.Tests.Integration;

public sealed class AggregateMaintenanceTests
{
    [Fact]
    public async Task TheHorizonMovesWhenNextYearsCutoffWindowsOpen()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
        await using var factory = new ClockAppFactory(clock);
        _ = factory.Server;
        await TinyProvince.SeedAsync(factory);
        using var client = factory.ClientWithKey(ReportingAppFactory.IngestKey);
        var open = TinyProvince.Dossier("HS-OPEN", TinyProvince.NewCommune, "20261120080000", promised: "20261215170000");
        (await client.PostAsJsonAsync("/api/v1/ingest/dossiers", new { data = new[] { open } })).EnsureSuccessStatusCode();

        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(HalfMonth.Of(new DateOnly(2026, 12, 31)), (await db.AggregateStates.SingleAsync()).HorizonBucket);
        }

        // 16/12/2026: the cut-off window of 2027-01 (15/12/2026 – 14/01/2027) has started.
        clock.Now = new DateTimeOffset(2026, 12, 16, 3, 0, 0, TimeSpan.Zero);
        await factory.Services.GetRequiredService<AggregateMaintenance>().EnsureHorizonAsync();

        var answer = await factory.Services.GetRequiredService<IndicatorService>()
            .GetAsync(new IndicatorQuery(TinyProvince.NewCommune, PeriodKey.Month(2027, 1), WindowKind.Cutoff));
        Assert.Equal(1, answer.Figures.InProgress);
        Assert.Equal(0, answer.Figures.OpenAtEnd.OpenWithin);
        Assert.Equal(1, answer.Figures.CarriedOver);
    }

    [Fact]
    public async Task ARebuildReproducesTheAggregatesKeptByIngest()
    {
        await using var factory = new DemoFactory();
        _ = factory.Server;
        await factory.Services.GetRequiredService<Reporting.Web.Demo.DemoSeedingState>().Completion.WaitAsync(TimeSpan.FromMinutes(2));
        var before = await Snapshot(factory);

        var count = await factory.Services.GetRequiredService<AggregateMaintenance>().RebuildAsync();

        Assert.True(count > 4000);
        var after = await Snapshot(factory);
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(before, after);
    }

    private sealed class DemoFactory : ReportingAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:DossierCount"] = "5000",
            ["Demo:EndDate"] = "2026-11-20",
        };
    }

    private static async Task<List<string>> Snapshot(ReportingAppFactory factory)
    {
        await using var db = factory.CreateDbContext();
        // Rows that cancel out to zero may remain after incremental updates; compare the non-zero ones.
        var cells = await db.ProcedureBucketStats.AsNoTracking().ToListAsync();
        var agencies = await db.AgencyBucketStats.AsNoTracking().ToListAsync();
        var gaps = await db.ResultGapStats.AsNoTracking().ToListAsync();
        return cells.Where(c => !c.IsZero).Select(c => $"P {c.AgencyId} {c.ProcedureCode} {c.Bucket} {Counts(c)}")
            .Concat(agencies.Where(a => !a.IsZero).Select(a => $"A {a.AgencyId} {a.Bucket} {Counts(a)}"))
            .Concat(gaps.Where(g => g.OnlineWithoutResult != 0 || g.DigitisedWithoutResult != 0)
                .Select(g => $"G {g.AgencyId} {g.ReceivedBucket} {g.EndedBucket} {g.OnlineWithoutResult} {g.DigitisedWithoutResult}"))
            .Order(StringComparer.Ordinal).ToList();
    }

    private static string Counts(BucketCounts c) => string.Join(",", typeof(BucketCounts).GetProperties()
        .Where(p => p.PropertyType == typeof(int) || p.PropertyType == typeof(long)).Select(p => p.GetValue(c)));
}
