using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Aggregates;
using Reporting.Core.Dossiers;
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
        await factory.Services.GetRequiredService<Reporting.Demo.Seeding.DemoSeedingState>().Completion.WaitAsync(TimeSpan.FromMinutes(2));
        var before = await Snapshot(factory);

        var count = await factory.Services.GetRequiredService<AggregateMaintenance>().RebuildAsync();

        Assert.True(count > 4000);
        var after = await Snapshot(factory);
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task ActivityBitsFollowTheCellsWhenNewerVersionsLowerThem()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
        await using var factory = new ClockAppFactory(clock);
        _ = factory.Server;
        await TinyProvince.SeedAsync(factory);
        using var client = factory.ClientWithKey(ReportingAppFactory.IngestKey);
        async Task Ingest(params object[] dossiers) =>
            (await client.PostAsJsonAsync("/api/v1/ingest/dossiers", new { data = dossiers })).EnsureSuccessStatusCode();
        async Task<int> OnlineBits()
        {
            await using var db = factory.CreateDbContext();
            return await db.ProcedureYearActivities.Where(a => a.ProcedureCode == TinyProvince.Procedure && a.Year == 2026)
                .Select(a => a.OnlineBuckets).SingleAsync();
        }

        async Task<decimal?> Item32(string period) => (await factory.Services.GetRequiredService<IndicatorService>()
            .GetAsync(new IndicatorQuery(TinyProvince.NewCommune, PeriodKey.Parse(period)))).Scorecard["3.2"]!.Numerator;

        // Two online dossiers in the first half of October, one in the first half of November.
        await Ingest(
            TinyProvince.Dossier("HS-A", TinyProvince.NewCommune, "20261005080000", updated: "20261005090000"),
            TinyProvince.Dossier("HS-B", TinyProvince.NewCommune, "20261006080000", updated: "20261006090000"),
            TinyProvince.Dossier("HS-C", TinyProvince.NewCommune, "20261103080000", updated: "20261103090000"));
        var october = ProcedureYearActivity.BitOf(HalfMonth.Of(new DateOnly(2026, 10, 1)));
        var november = ProcedureYearActivity.BitOf(HalfMonth.Of(new DateOnly(2026, 11, 1)));
        Assert.Equal(october | november, await OnlineBits());

        // One of October's two turns out to be in person: the cell still counts one, the bit stays.
        await Ingest(TinyProvince.Dossier("HS-A", TinyProvince.NewCommune, "20261005080000", channel: Channel.InPerson, updated: "20261007090000"));
        Assert.Equal(october | november, await OnlineBits());

        // November's only one too, and the other October one is moved into November in the same batch.
        await Ingest(
            TinyProvince.Dossier("HS-B", TinyProvince.NewCommune, "20261106080000", updated: "20261108090000"),
            TinyProvince.Dossier("HS-C", TinyProvince.NewCommune, "20261103080000", channel: Channel.InPerson, updated: "20261108090000"));
        Assert.Equal(november, await OnlineBits());
        Assert.Equal(0, await Item32("2026-10"));
        Assert.Equal(1, await Item32("2026-11"));

        var before = await Snapshot(factory);
        await factory.Services.GetRequiredService<AggregateMaintenance>().RebuildAsync();
        Assert.Equal(before, await Snapshot(factory));
    }

    /// <summary>Counters add: four rowid ranges counted on four connections give the cells of one pass (ADR 024).</summary>
    [Fact]
    public async Task ARebuildInRangesEqualsOneInASingleRange()
    {
        await using var factory = new DemoFactory();
        _ = factory.Server;
        await factory.Services.GetRequiredService<Reporting.Demo.Seeding.DemoSeedingState>().Completion.WaitAsync(TimeSpan.FromMinutes(2));
        var maintenance = factory.Services.GetRequiredService<AggregateMaintenance>();
        var kept = await Snapshot(factory);

        var single = await maintenance.RebuildAsync(ranges: 1);
        var one = await Snapshot(factory);
        var ranged = await maintenance.RebuildAsync(ranges: 4);
        var four = await Snapshot(factory);

        Assert.True(single > 4000);
        Assert.Equal(single, ranged);
        Assert.Equal(one, four);
        Assert.Equal(kept, four);
    }

    /// <summary>
    /// The deletes, the counting and the writes of a rebuild are one transaction: a reader during it sees the old
    /// aggregates (here made wrong on purpose) or the new ones, never none or a part.
    /// </summary>
    [Fact]
    public async Task AReaderDuringARebuildSeesTheOldOrTheNewFigures()
    {
        await using var factory = new DemoFactory();
        _ = factory.Server;
        await factory.Services.GetRequiredService<Reporting.Demo.Seeding.DemoSeedingState>().Completion.WaitAsync(TimeSpan.FromMinutes(2));
        var indicators = factory.Services.GetRequiredService<IndicatorService>();
        async Task<string> Figures()
        {
            var f = (await indicators.GetAsync(new IndicatorQuery(null, PeriodKey.OfYear(2026)))).Figures;
            return $"{f.InWindow.Received} {f.InWindow.Handled} {f.OpenAtEnd.Open} {f.ProceduresWithOnline.Count}";
        }

        var right = await Figures();
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE AgencyBucketStats SET Received = Received + 7, Handled = Handled + 3, Open = Open + 1");
        }

        var wrong = await Figures();
        Assert.NotEqual(right, wrong);

        var seen = new List<string>();
        var rebuild = factory.Services.GetRequiredService<AggregateMaintenance>().RebuildAsync(ranges: 2);
        while (!rebuild.IsCompleted)
        {
            seen.Add(await Figures());
        }

        await rebuild;
        seen.Add(await Figures());
        Assert.All(seen, s => Assert.Contains(s, new[] { wrong, right }));
        Assert.Equal(right, seen[^1]);
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
        var activity = await db.ProcedureYearActivities.AsNoTracking().ToListAsync();
        return cells.Where(c => !c.IsZero).Select(c => $"P {c.AgencyId} {c.ProcedureCode} {c.Bucket} {Counts(c)}")
            .Concat(agencies.Where(a => !a.IsZero).Select(a => $"A {a.AgencyId} {a.Bucket} {Counts(a)}"))
            .Concat(gaps.Where(g => g.OnlineWithoutResult != 0 || g.DigitisedWithoutResult != 0)
                .Select(g => $"G {g.AgencyId} {g.ReceivedBucket} {g.EndedBucket} {g.OnlineWithoutResult} {g.DigitisedWithoutResult}"))
            .Concat(activity.Where(a => (a.OnlineBuckets | a.FeeLineBuckets | a.PaidOnlineBuckets) != 0)
                .Select(a => $"Y {a.AgencyId} {a.ProcedureCode} {a.Year} {a.OnlineBuckets} {a.FeeLineBuckets} {a.PaidOnlineBuckets}"))
            .Order(StringComparer.Ordinal).ToList();
    }

    private static string Counts(BucketCounts c) => string.Join(",", typeof(BucketCounts).GetProperties()
        .Where(p => p.PropertyType == typeof(int) || p.PropertyType == typeof(long)).Select(p => p.GetValue(c)));
}
