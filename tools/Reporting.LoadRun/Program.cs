using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reporting.Core;
using Reporting.Core.Agencies;
using Reporting.Core.Aggregates;
using Reporting.Core.Hosting;
using Reporting.Core.Indicators;
using Reporting.Core.Ingest;
using Reporting.Core.Periods;
using Reporting.Core.Procedures;
using Reporting.Demo.Province;

// Scripted load run for the speed targets of docs/benchmarks.md:
//   dotnet run -c Release --project tools/Reporting.LoadRun -- [dossiers ...]
// For each size: a fresh SQLite file, the demo province ingested through the push path (the envelope read
// as POST /api/v1/ingest/dossiers reads it, then DossierIngestor), then timed province-year indicator
// queries, a timed full aggregate rebuild, and the indicators again.
//   LOADRUN_KEEP=<dir> ... keeps each database it built as <dir>/reporting-<dossiers>.db (and says so).
//   dotnet run -c Release --project tools/Reporting.LoadRun -- --database <file> [--rebuilds N] [--ranges R]
// opens an existing database (one kept above) and runs only the indicator timings and N rebuilds (default 1),
// so a 3M or 10M database is built once and measured many times. --ranges R counts the rebuild in R rowid ranges
// at once (default 0: one per core, ADR 024; 1: the single pass).
var options = LoadRunOptions.Parse(args);
var endDate = new DateOnly(2026, 11, 23);
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {RuntimeOrOs()}, load average {LoadAverage()}");
var keep = Environment.GetEnvironmentVariable("LOADRUN_KEEP");

foreach (var size in options.Sizes.Length > 0 ? options.Sizes : options.Database is null ? [300_000, 3_000_000] : [0])
{
    var existing = options.Database is not null;
    var directory = existing ? Path.GetDirectoryName(Path.GetFullPath(options.Database!))!
        : string.IsNullOrEmpty(keep) ? Path.Combine(Path.GetTempPath(), "reporting-loadrun", Guid.NewGuid().ToString("N")) : Path.GetFullPath(keep);
    Directory.CreateDirectory(directory);
    var databaseFile = existing ? Path.GetFullPath(options.Database!) : Path.Combine(directory, string.IsNullOrEmpty(keep) ? "reporting.db" : $"reporting-{size}.db");
    if (existing && !File.Exists(databaseFile))
    {
        Console.Error.WriteLine($"no database at {databaseFile}");
        return 2;
    }

    if (!existing && File.Exists(databaseFile))
    {
        Console.Error.WriteLine($"{databaseFile} exists already: delete it or measure it with --database");
        return 2;
    }

    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory });
    builder.Configuration.PollSettingsFiles();
    builder.Configuration["ConnectionStrings:Reporting"] = $"Data Source={databaseFile}";
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    var debug = Environment.GetEnvironmentVariable("LOADRUN_DEBUG") == "1";
    if (debug) builder.Logging.AddFilter("Reporting.Core.Ingest", LogLevel.Debug).AddFilter("Reporting.Core.Aggregates", LogLevel.Information);
    builder.AddReportingCore();
    using var host = builder.Build();
    var services = host.Services;
    await services.InitializeDatabaseAsync();
    if (existing)
    {
        Console.WriteLine($"\n== existing database {databaseFile} ({new FileInfo(databaseFile).Length / 1024.0 / 1024.0:N0} MiB), load average {LoadAverage()}");
        await MeasureAsync(services, options.Rebuilds, options.Ranges, databaseFile);
        await host.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        continue;
    }

    var province = DemoProvince.Build(new DemoOptions { DossierCount = size, EndDate = endDate });
    using (var scope = services.CreateScope())
    {
        await scope.ServiceProvider.GetRequiredService<AgencyTreeImport>().ReplaceAsync(province.Tree.Items);
        await scope.ServiceProvider.GetRequiredService<ProcedureCatalogImport>().ReplaceAsync(province.Procedures);
    }

    // Each batch is serialised to a push envelope outside the timed section; the timed section is the push
    // path after the body arrived: the envelope read forward (IngestEnvelope, as POST /api/v1/ingest/dossiers
    // does), then DossierIngestor.IngestAsync.
    var ingestor = services.GetRequiredService<DossierIngestor>();
    var total = 0;
    var ingest = TimeSpan.Zero;
    var ingestCpu = TimeSpan.Zero;
    var jitMethods = 0L;
    var batches = (size + 4999) / 5000;
    var batchIndex = 0;
    var warmCpu = TimeSpan.Zero;
    var warmCount = 0;
    var gcPause = TimeSpan.Zero;
    long allocated = 0;
    var gen2 = 0;
    var watch = Stopwatch.StartNew();
    foreach (var chunk in province.Dossiers().Chunk(5000))
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { service = "DongBoHoSoMC", isUpdating = true, data = chunk });
        var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var pauseBefore = GC.GetTotalPauseDuration();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var gen2Before = GC.CollectionCount(2);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var timed = Stopwatch.StartNew();
        using (var envelope = await IngestEnvelope.ReadAsync(new MemoryStream(body), body.Length, default))
        {
            var batch = envelope.ToRecords(envelope.Records()!);
            await ingestor.IngestAsync("loadrun", batch);
            total += batch.Count;
        }

        ingest += timed.Elapsed;
        var batchCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        ingestCpu += batchCpu;
        jitMethods += System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore;
        if (batchIndex++ >= batches / 2)
        {
            warmCpu += batchCpu;
            warmCount += chunk.Length;
        }

        gcPause += GC.GetTotalPauseDuration() - pauseBefore;
        allocated += GC.GetTotalAllocatedBytes() - allocatedBefore;
        gen2 += GC.CollectionCount(2) - gen2Before;
        if (debug) Console.WriteLine($"batch {batchIndex}: CPU {batchCpu.TotalMilliseconds:0} ms, {System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore} methods compiled");
    }

    var prepared = watch.Elapsed - ingest;
    Console.WriteLine($"\n== {size:N0} dossiers, load average {LoadAverage()} (generation and serialisation outside the timing: {prepared.TotalSeconds:0.0} s)");
    Console.WriteLine($"ingest: {total:N0} dossiers in {ingest.TotalSeconds:0.0} s = {total / ingest.TotalSeconds:N0} dossiers/s (batches of 5,000, one transaction each)");
    // CPU time of the process during the ingest calls: comparable between runs on a busy machine, where elapsed time is not.
    Console.WriteLine($"ingest CPU time: {ingestCpu.TotalSeconds:0.0} s = {ingestCpu.TotalMicroseconds / total:0} µs a dossier");
    // A fresh process compiles as it goes (tiered JIT): at 100,000 dossiers that is about half of the CPU above. The second
    // half of the batches is the steady state that "flat to 10M" is about; both figures are printed (docs/benchmarks.md).
    Console.WriteLine($"ingest CPU time, second half of the batches (warm): {warmCpu.TotalSeconds:0.0} s = {warmCpu.TotalMicroseconds / Math.Max(1, warmCount):0} µs a dossier");
    Console.WriteLine($"  during the ingest: {jitMethods:N0} methods JIT-compiled; GC pauses {gcPause.TotalSeconds:0.00} s ({gen2} gen-2 collections); allocated {allocated / (double)total / 1024:0.0} KiB a dossier");

    await MeasureAsync(services, options.Rebuilds, options.Ranges, databaseFile);
    await host.StopAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    if (string.IsNullOrEmpty(keep))
    {
        Directory.Delete(directory, recursive: true);
    }
    else
    {
        Console.WriteLine($"database kept: {databaseFile} (measure it again with --database {databaseFile})");
    }
}

return 0;

static async Task MeasureAsync(IServiceProvider services, int rebuilds, int ranges, string databaseFile)
{
    var indicators = services.GetRequiredService<IndicatorService>();
    var cache = services.GetRequiredService<ActivityCache>();
    await TimeQueries("province indicators, year 2026, first answer after an ingest", () =>
    {
        cache.Clear();
        return indicators.GetAsync(new IndicatorQuery(null, PeriodKey.OfYear(2026)));
    });
    // What a cleared activity cache costs: the activity rows of the year, read as AggregateReader reads them.
    var dbFactory = services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Reporting.Core.Persistence.ReportingDbContext>>();
    var activityRows = 0;
    await TimeQueries("  of which the activity rows of 2026 alone", async () =>
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.ProcedureYearActivities)
                .Where(a => a.Year >= 2026 && a.Year <= 2026 && (a.OnlineBuckets != 0 || a.FeeLineBuckets != 0 || a.PaidOnlineBuckets != 0))
                .Select(a => new ProcedureActivity(a.AgencyId, a.ProcedureCode, a.Year, a.OnlineBuckets, a.FeeLineBuckets, a.PaidOnlineBuckets)));
        activityRows = rows.Count;
        return rows;
    });
    Console.WriteLine($"  ({activityRows:N0} activity rows in 2026)");
    await TimeQueries("province indicators, year 2026, calendar, current view", () => indicators.GetAsync(new IndicatorQuery(null, PeriodKey.OfYear(2026))));
    await TimeQueries("province indicators, 2026-Q3, cut-off, historical view", () => indicators.GetAsync(new IndicatorQuery(null, PeriodKey.Quarter(2026, 3), WindowKind.Cutoff, HistoryView.Historical)));
    await TimeQueries("province + all children (ranking), year 2026", () => indicators.GetManyAsync(new IndicatorQuery(null, PeriodKey.OfYear(2026)), includeChildren: true));

    for (var i = 0; i < rebuilds; i++)
    {
        Console.WriteLine($"load average before the rebuild: {LoadAverage()}");
        var watch = Stopwatch.StartNew();
        var rebuildCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var rebuilt = await services.GetRequiredService<AggregateMaintenance>().RebuildAsync(ranges);
        Console.WriteLine($"full aggregate rebuild ({(ranges == 0 ? "ranges by the cores" : $"{ranges} range(s)")}): {rebuilt:N0} dossiers in {watch.Elapsed.TotalSeconds:0.0} s (CPU {(Process.GetCurrentProcess().TotalProcessorTime - rebuildCpu).TotalSeconds:0.0} s)");
    }

    if (rebuilds > 0)
    {
        // The first answer right after a rebuild: every aggregate page was just rewritten.
        await TimeQueries("province indicators, year 2026, first answer after the rebuild", () =>
        {
            cache.Clear();
            return indicators.GetAsync(new IndicatorQuery(null, PeriodKey.OfYear(2026)));
        });
    }

    var file = new FileInfo(databaseFile);
    Console.WriteLine($"database file: {file.Length / 1024.0 / 1024.0:N0} MiB; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MiB");
}

static async Task TimeQueries<T>(string name, Func<Task<T>> query)
{
    for (var i = 0; i < 3; i++)
    {
        await query();
    }

    var times = new List<double>();
    for (var i = 0; i < 20; i++)
    {
        var w = Stopwatch.StartNew();
        await query();
        times.Add(w.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine($"{name}: median {times[10]:0.0} ms, p95 {times[18]:0.0} ms, min {times[0]:0.0} ms (20 runs after 3 warm-ups)");
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

static string RuntimeOrOs() => System.Runtime.InteropServices.RuntimeInformation.OSDescription;


/// <summary>Sizes to build, or an existing database to measure (<c>--database</c>), how many rebuilds to time and in how many ranges.</summary>
internal sealed record LoadRunOptions(int[] Sizes, string? Database, int Rebuilds, int Ranges)
{
    public static LoadRunOptions Parse(string[] args)
    {
        var sizes = new List<int>();
        string? database = null;
        var rebuilds = 1;
        var ranges = 0;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--database" when i + 1 < args.Length: database = args[++i]; break;
                case "--rebuilds" when i + 1 < args.Length: rebuilds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--ranges" when i + 1 < args.Length: ranges = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: sizes.Add(int.Parse(args[i], CultureInfo.InvariantCulture)); break;
            }
        }

        if (database is not null && sizes.Count > 0)
        {
            throw new ArgumentException("--database measures an existing database; give no sizes with it");
        }

        return new LoadRunOptions([.. sizes], database, rebuilds, ranges);
    }
}
