using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Collectors;
using Reporting.Core.Feeds;
using Reporting.Core.Indicators;
using Reporting.Core.Ingest;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;
using Reporting.Demo.Simulators;
using Reporting.Tests.Integration;

namespace Reporting.Tests.Collectors;

/// <summary>
/// The figures after collectors read a data set through the feeds equal the figures after the same records
/// were pushed through the ingest API (POST /api/v1/ingest/*): bad records, payments before their dossiers and stale versions included.
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
        await using var pushed = new ReportingAppFactory();
        var admin = pushed.ClientWithKey(ReportingAppFactory.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/agencies", province.Tree)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/procedures", new FeedPage<ProcedureFeedItem> { Items = province.Procedures })).StatusCode);

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

        // Pushed: the same records, in the same order, through POST /api/v1/ingest/* over the HTTP pipeline.
        var push = pushed.ClientWithKey(ReportingAppFactory.IngestKey);
        await PostAsync(push, "payments", province.Payments(later));
        await PostAsync(push, "dossiers", province.Dossiers(later).Cast<object>().Concat(province.BadDossiers().Select(b => b.Item)));
        var pushedStale = await PostAsync(push, "dossiers", province.Dossiers());
        Assert.Equal(stale.Stale, pushedStale.Count(o => o == "stale"));

        Assert.Equal(await Snapshot(pushed.Services), await collected.AggregateSnapshotAsync());
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

    /// <summary>Posts records in batches of 2,000; returns every record's outcome.</summary>
    private static async Task<List<string>> PostAsync<T>(HttpClient client, string kind, IEnumerable<T> records)
    {
        var outcomes = new List<string>();
        foreach (var batch in records.Chunk(2000))
        {
            var body = new { service = "DongBoHoSoMC", isUpdating = true, data = batch.Select(r => JsonSerializer.SerializeToElement(r, r!.GetType())).ToList() };
            var response = await client.PostAsJsonAsync($"/api/v1/ingest/{kind}", body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            outcomes.AddRange(RecordsOf(answer).Select(r => r.GetProperty("outcome").GetString()!));
        }

        return outcomes;
    }

    private static IEnumerable<JsonElement> RecordsOf(JsonElement answer) =>
        answer.ValueKind == JsonValueKind.Array ? answer.EnumerateArray() : answer.GetProperty("records").EnumerateArray();

    private static async Task<List<string>> Snapshot(IServiceProvider services)
    {
        await using var db = services.GetRequiredService<IDbContextFactory<ReportingDbContext>>().CreateDbContext();
        var rows = new List<string>();
        rows.AddRange((await db.AgencyBucketStats.AsNoTracking().ToListAsync()).Select(r => "A" + JsonSerializer.Serialize(r)));
        rows.AddRange((await db.ProcedureBucketStats.AsNoTracking().ToListAsync()).Select(r => "P" + JsonSerializer.Serialize(r)));
        rows.AddRange((await db.ResultGapStats.AsNoTracking().ToListAsync()).Select(r => "R" + JsonSerializer.Serialize(r)));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
