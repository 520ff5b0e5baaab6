using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reporting.Core.Ingest;
using Reporting.Core.Ingest.Files;
using Reporting.Demo.Province;
using Reporting.Tests.Collectors;
using Xunit.Abstractions;

namespace Reporting.Tests.Ingest;

/// <summary>Uploading 100,000 demo dossiers as CSV and as XLSX (docs/benchmarks.md, section Uploads); opt-in like the collector benchmark.</summary>
public sealed class DossierUploadBenchmark(ITestOutputHelper output)
{
    private const int Count = 100_000;

    [BenchmarkFact]
    public async Task Uploading_100000_dossiers_as_csv_and_as_xlsx()
    {
        var province = DemoProvince.Build(new DemoOptions { DossierCount = Count, EndDate = new DateOnly(2026, 11, 20), HistoryMonths = 18 });
        var records = province.Dossiers().Select(d => JsonSerializer.SerializeToNode(d)!.AsObject()).ToList();
        foreach (var r in records)
        {
            foreach (var empty in r.Where(p => p.Value is null).Select(p => p.Key).ToList())
            {
                r.Remove(empty);
            }
        }

        // For comparison: the same records pushed straight into the ingestor of a fresh database, in batches of 5,000.
        await using (var pushed = await CollectorDatabase.CreateAsync(province, null))
        {
            var batches = records.Chunk(DossierFileImporter.BatchSize).Select(b => b.Select(r => new IngestRecord(JsonSerializer.SerializeToElement(r))).ToList()).ToList();
            var ingestor = pushed.Services.GetRequiredService<DossierIngestor>();
            var ingestWatch = Stopwatch.StartNew();
            foreach (var batch in batches)
            {
                await ingestor.IngestAsync("push", batch);
            }

            output.WriteLine($"ingest only: {ingestWatch.Elapsed.TotalSeconds:0.0} s");
        }

        foreach (var (format, file) in new[] { ("csv", DossierFiles.CsvOf(records)), ("xlsx", DossierFiles.XlsxOf(records, dateCells: true)) })
        {
            var readWatch = Stopwatch.StartNew();
            var rows = DossierFileReader.Open(file, "ho-so." + format).Count();
            readWatch.Stop();
            Assert.Equal(Count, rows);

            await using var db = await CollectorDatabase.CreateAsync(province, null);
            var importer = new DossierFileImporter(db.Services.GetRequiredService<DossierIngestor>(),
                Options.Create(new IngestUploadOptions { UploadMaxMegabytes = 1024 }), NullLogger<DossierFileImporter>.Instance);
            file.Position = 0;
            var watch = Stopwatch.StartNew();
            var result = await importer.ImportAsync("tep-tai-len", file, "ho-so." + format);
            watch.Stop();

            Assert.Null(result.Error);
            Assert.Equal(Count, result.Rows);
            await using var context = db.CreateDbContext();
            Assert.Equal(result.Stored, await context.Dossiers.CountAsync());
            output.WriteLine($"{format}: {file.Length / 1024.0 / 1024.0:0.0} MB, reading only {readWatch.Elapsed.TotalSeconds:0.0} s, " +
                $"upload end to end {watch.Elapsed.TotalSeconds:0.0} s ({Count / watch.Elapsed.TotalSeconds:0} rows/s), " +
                $"stored {result.Stored}, quarantined {result.Quarantined}");
        }
    }
}
