using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reporting.Core;
using Reporting.Core.Agencies;
using Reporting.Core.Ingest;
using Reporting.Core.Procedures;
using Reporting.Demo.Province;
using Xunit.Abstractions;

namespace Reporting.Tests.Integration;

/// <summary>
/// Issue 13, third pass, step 1: where the database side of an ingest goes. The demo province is pushed in batches of
/// 5,000 (as the load run does) into a SQLite file; before each measured batch the WAL is checkpointed and truncated, so
/// after its commit the WAL holds exactly that batch's frames. Each frame's page number is mapped to its B-tree with
/// SQLite's <c>dbstat</c> table (read by the <c>sqlite3</c> shell): pages dirtied per table and index, WAL bytes a dossier. Opt-in (REPORTING_BENCHMARK=1,
/// REPORTING_PAGES_DOSSIERS = how many dossiers); prints, asserts no timing. docs/benchmarks.md.
/// </summary>
public sealed class IngestPagesBenchmark(ITestOutputHelper output)
{
    [BenchmarkFact("REPORTING_PAGES_DOSSIERS")]
    public async Task Pages_dirtied_per_batch_by_each_btree()
    {
        var size = int.Parse(Environment.GetEnvironmentVariable("REPORTING_PAGES_DOSSIERS")!, CultureInfo.InvariantCulture);
        var directory = Path.Combine(Path.GetTempPath(), "reporting-pages", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "reporting.db");
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory });
            builder.Configuration["ConnectionStrings:Reporting"] = $"Data Source={path}";
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.AddReportingCore();
            using var host = builder.Build();
            await host.Services.InitializeDatabaseAsync();
            var province = DemoProvince.Build(new DemoOptions { DossierCount = size, EndDate = new DateOnly(2026, 11, 23) });
            using (var scope = host.Services.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<AgencyTreeImport>().ReplaceAsync(province.Tree.Items);
                await scope.ServiceProvider.GetRequiredService<ProcedureCatalogImport>().ReplaceAsync(province.Procedures);
            }

            var ingestor = host.Services.GetRequiredService<DossierIngestor>();
            var batches = (size + 4999) / 5000;
            var measured = new HashSet<int> { 1, 2, batches / 2, batches - 1, batches };
            var index = 0;
            var tables = 0L;
            foreach (var chunk in province.Dossiers().Chunk(5000))
            {
                index++;
                if (measured.Contains(index))
                {
                    Checkpoint(path);
                }

                var body = JsonSerializer.SerializeToUtf8Bytes(new { service = "DongBoHoSoMC", isUpdating = true, data = chunk });
                using (var envelope = await IngestEnvelope.ReadAsync(new MemoryStream(body), body.Length, default))
                {
                    await ingestor.IngestAsync("pages", envelope.ToRecords(envelope.Records()!));
                }

                if (measured.Contains(index))
                {
                    var watch = Stopwatch.StartNew();
                    Report(path, index, chunk.Length);
                    tables += watch.ElapsedMilliseconds;
                }
            }

            output.WriteLine($"database file {new FileInfo(path).Length / 1048576.0:N0} MiB; dbstat reads took {tables / 1000.0:0.0} s");
            foreach (var line in Sizes(path))
            {
                output.WriteLine(line);
            }

            await host.StopAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Checkpoint(string path)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        command.ExecuteNonQuery();
    }

    /// <summary>The WAL as the batch left it: frames (each a page image), the distinct pages, and their B-trees.</summary>
    private void Report(string path, int batch, int dossiers)
    {
        var wal = File.ReadAllBytes(path + "-wal");
        var pageSize = (int)BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(8));
        var frames = 0;
        var pages = new HashSet<long>();
        for (var at = 32; at + 24 + pageSize <= wal.Length; at += 24 + pageSize)
        {
            frames++;
            pages.Add(BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(at)));
        }

        var owners = new Dictionary<long, string>();
        foreach (var line in Cli(path, "SELECT pageno, name FROM dbstat"))
        {
            var bar = line.IndexOf('|');
            owners[long.Parse(line[..bar], CultureInfo.InvariantCulture)] = line[(bar + 1)..];
        }

        output.WriteLine($"batch {batch} ({dossiers:N0} dossiers): WAL {wal.Length / 1048576.0:N1} MiB = {wal.Length / (double)dossiers / 1024:N1} KiB a dossier; " +
                         $"{frames:N0} frames, {pages.Count:N0} distinct pages ({pages.Count / (double)dossiers:0.00} a dossier), page size {pageSize}");
        foreach (var tree in pages.GroupBy(p => owners.GetValueOrDefault(p, "(free or new)")).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"  {tree.Key,-60} {tree.Count(),7:N0} pages");
        }
    }

    private static IEnumerable<string> Sizes(string path) =>
        ["B-tree sizes (pages|leaves|overflow):",
         .. Cli(path, "SELECT name, count(*), sum(pagetype = 'leaf'), sum(pagetype = 'overflow') FROM dbstat GROUP BY name ORDER BY count(*) DESC LIMIT 16")
             .Select(l => "  " + l)];

    /// <summary>
    /// The bundled SQLite (e_sqlite3) is built without the <c>dbstat</c> table, so the system's <c>sqlite3</c> shell reads
    /// it (Debian's is built with it); it reads the WAL as any reader does.
    /// </summary>
    private static List<string> Cli(string path, string sql)
    {
        using var process = Process.Start(new ProcessStartInfo("sqlite3", ["-readonly", path, sql]) { RedirectStandardOutput = true })
                            ?? throw new InvalidOperationException("The sqlite3 shell did not start (apt-get install sqlite3).");
        var lines = new List<string>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        process.WaitForExit();
        return lines;
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }
}
