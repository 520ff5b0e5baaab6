using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Collectors;
using Reporting.Core.Ingest;
using Reporting.Demo.Province;
using Xunit.Abstractions;

namespace Reporting.Tests.Collectors;

public sealed class CollectorBenchmark(ITestOutputHelper output)
{
    /// <summary>
    /// One collector run reading 100,000 changed dossiers from the simulator over HTTP on loopback: fetch
    /// (pages of 5,000), validate, store, aggregates updated in the same transactions, dashboards notified. Then the
    /// same run from the simulator's pages recorded beforehand (<see cref="RecordedFeed"/>): the collector's own time
    /// without the simulator generating pages on the same cores.
    /// </summary>
    [BenchmarkFact]
    public async Task A_run_of_100000_changed_dossiers()
    {
        var province = DemoProvince.Build(new DemoOptions { DossierCount = 100_000, EndDate = new DateOnly(2026, 11, 20), HistoryMonths = 18 });
        _ = province.Lifecycles;
        await using var sim = await SimulatorHost.StartAsync(province);
        await using var db = await CollectorDatabase.CreateAsync(province, sim.BaseUrl, pageSize: 5000);
        var notified = 0;
        db.Services.GetRequiredService<DataChangeNotifier>().Changed += _ => notified++;

        var fetchWatch = Stopwatch.StartNew();
        using (var http = new HttpClient())
        {
            string? cursor = null;
            do
            {
                using var doc = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(
                    sim.BaseUrl + "/simulators/motcua/dossiers?updatedSince=00010101000000&limit=5000" + (cursor is null ? "" : "&cursor=" + cursor)));
                var next = doc.RootElement.GetProperty("nextCursor");
                cursor = next.ValueKind == System.Text.Json.JsonValueKind.String ? next.GetString() : null;
            }
            while (cursor is not null);
        }

        output.WriteLine($"fetch only: {fetchWatch.Elapsed.TotalSeconds:0.0} s");

        // A server runs collectors every few minutes: measure a warm process, as after its first run. The
        // warm-up reads a small province into another database, so the timed run still stores 100,000 new dossiers.
        var coldWatch = Stopwatch.StartNew();
        await using (var warmSim = await SimulatorHost.StartAsync(CollectorProvince.Province))
        await using (var warm = await CollectorDatabase.CreateAsync(CollectorProvince.Province, warmSim.BaseUrl, pageSize: 5000))
        {
            coldWatch.Restart();
            Assert.Equal(CollectorRunStatus.Succeeded, (await warm.Runner.RunAsync(CollectorDatabase.Dossiers)).Status);
            output.WriteLine($"warm-up: first run of the process, {CollectorProvince.Province.Dossiers().Count():N0} dossiers: {coldWatch.Elapsed.TotalSeconds:0.0} s");
        }

        // The same pages recorded once (a run into a throwaway database through the recording feed), to be replayed below.
        await using var feed = await RecordedFeed.StartAsync(sim.BaseUrl);
        await using (var recording = await CollectorDatabase.CreateAsync(province, feed.BaseUrl, pageSize: 5000))
        {
            Assert.Equal(CollectorRunStatus.Succeeded, (await recording.Runner.RunAsync(CollectorDatabase.Dossiers)).Status);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var run = await db.Runner.RunAsync(CollectorDatabase.Dossiers);
        watch.Stop();
        var runCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;

        // A source on another machine: the simulator's generation of the pages is out of the timing, the HTTP is not.
        await using var replayDb = await CollectorDatabase.CreateAsync(province, feed.BaseUrl, pageSize: 5000);
        var (forwarded, replayed) = (feed.Forwarded, feed.Replayed);
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var replayWatch = Stopwatch.StartNew();
        var replay = await replayDb.Runner.RunAsync(CollectorDatabase.Dossiers);
        replayWatch.Stop();
        var replayCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Assert.Equal(CollectorRunStatus.Succeeded, replay.Status);
        Assert.Equal(100_000, replay.Stored);
        output.WriteLine($"100,000 dossiers from recorded pages: {replayWatch.Elapsed.TotalSeconds:0.0} s (CPU of the process {replayCpu.TotalSeconds:0.0} s), " +
            $"{feed.Replayed - replayed} answers replayed, {feed.Forwarded - forwarded} forwarded to the simulator");

        Assert.Equal(CollectorRunStatus.Succeeded, run.Status);
        Assert.Equal(100_000, run.Stored);
        await using var context = db.CreateDbContext();
        Assert.Equal(100_000, await context.Dossiers.CountAsync());
        // The same records pushed straight into the ingestor of a fresh database, in batches of 5,000.
        await using var pushed = await CollectorDatabase.CreateAsync(province, null);
        var batches = province.Dossiers().Chunk(5000)
            .Select(b => b.Select(d => new IngestRecord(System.Text.Json.JsonSerializer.SerializeToElement(d))).ToList()).ToList();
        var ingestor = pushed.Services.GetRequiredService<DossierIngestor>();
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var ingestWatch = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            await ingestor.IngestAsync("push", batch);
        }

        output.WriteLine($"ingest only: {ingestWatch.Elapsed.TotalSeconds:0.0} s (CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.0} s)");
        output.WriteLine($"100,000 dossiers: {watch.Elapsed.TotalSeconds:0.0} s (CPU of the process {runCpu.TotalSeconds:0.0} s, simulator included), {run.Pages} pages, {notified} notifications, {100_000 / watch.Elapsed.TotalSeconds:0} dossiers/s");
    }
}
