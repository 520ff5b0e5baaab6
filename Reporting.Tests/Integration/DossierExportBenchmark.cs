using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Access;
using Reporting.Core.Feeds;
using Reporting.Core.Indicators;
using Reporting.Core.Ingest;
using Reporting.Web.Dashboard;
using Xunit.Abstractions;

namespace Reporting.Tests.Integration;

/// <summary>
/// Issue 13: the Excel list of 1,000,000 dossiers through the real export endpoint (signed in, the whole pipeline),
/// timed from the request to the last byte, with the process's resident memory sampled while it runs. Opt-in
/// (REPORTING_BENCHMARK=1); prints, asserts no timing. docs/benchmarks.md.
/// </summary>
public sealed class DossierExportBenchmark(ITestOutputHelper output)
{
    private const int Count = 1_000_000;

    [BenchmarkFact]
    public async Task Exporting_a_million_dossiers_as_excel()
    {
        // A real Kestrel on 127.0.0.1: the aim is about the server, and the in-process test server's pipe is not what a
        // browser downloads through (docs/benchmarks.md, issue 13 third pass). The same file through the test server follows.
        await using var factory = new ReportingAppFactory();
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        await TinyProvince.SeedAsync(factory);
        var ingestor = factory.Services.GetRequiredService<DossierIngestor>();
        var watch = Stopwatch.StartNew();
        for (var start = 0; start < Count; start += 5000)
        {
            var batch = Enumerable.Range(start, Math.Min(5000, Count - start)).Select(i => new IngestRecord(JsonSerializer.SerializeToElement(Dossier(i)))).ToList();
            var report = await ingestor.IngestAsync("xuat", batch);
            Assert.Equal(batch.Count, report.Count(RecordOutcome.Stored));
        }

        // The server runs with server GC (the web SDK's default, Reporting.Web.runtimeconfig.json); the test host with the
        // workstation GC unless DOTNET_gcServer=1 (the command in docs/benchmarks.md sets it).
        output.WriteLine($"GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, {Environment.ProcessorCount} cores");
        output.WriteLine($"{Count:N0} dossiers stored in {watch.Elapsed.TotalSeconds:0.0} s; database {new FileInfo(factory.DatabasePath).Length / 1048576.0:N0} MiB");
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using (var kestrel = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(address) })
        {
            var signIn = await ReportingAppFactory.SignInAsync(kestrel, ReportingAppFactory.AdminUser, ReportingAppFactory.AdminPassword);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            // The first download of a process pays for its JIT and for compiling the list's query; a server has done
            // that long before its millionth row, so the second download is the figure (both are printed).
            await DownloadAsync("export of 1,000,000 rows through Kestrel on 127.0.0.1, first of the process", kestrel);
            await DownloadAsync("export of 1,000,000 rows through Kestrel on 127.0.0.1, warm", kestrel);
        }

        // The same database behind the in-process test server, for the comparison only.
        await using (var inProcess = new SameDatabase(factory.DatabasePath))
        using (var client = await inProcess.SignedInClientAsync())
        {
            await DownloadAsync("export of 1,000,000 rows through the in-process test server, first of its host", client);
            await DownloadAsync("export of 1,000,000 rows through the in-process test server, warm", client);
        }

        // The split: the same list read alone (the query and the rows, no workbook), so the writer's share is the rest.
        using var process = Process.GetCurrentProcess();
        var service = factory.Services.GetRequiredService<DashboardService>();
        var query = DashboardQuery.From("2026-03", null, null, TinyProvince.Department, service.Today);
        var load = Load();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var from = Stopwatch.GetTimestamp();
        watch.Restart();
        var rows = 0;
        await foreach (var _ in await service.StreamDossiersAsync(AgencyScope.Everything, query, "1.4", DossierPart.Denominator))
        {
            rows++;
        }

        var readElapsed = watch.Elapsed;
        process.Refresh();
        var readCpu = process.TotalProcessorTime - cpu;
        output.WriteLine($"read alone: {rows:N0} rows in {readElapsed.TotalSeconds:0.0} s, CPU {readCpu.TotalSeconds:0.0} s, load average at start {load}; {Span(from)}");
        Assert.Equal(Count, rows);

        // The writer alone: the same rows made in memory (no database, no HTTP), through the export's own writer.
        load = Load();
        process.Refresh();
        cpu = process.TotalProcessorTime;
        from = Stopwatch.GetTimestamp();
        watch.Restart();
        var sink = new CountingStream();
        await using (var items = Items().GetAsyncEnumerator())
        {
            await DossierExport.WriteAsync(sink, items, await items.MoveNextAsync(), CancellationToken.None);
        }

        var writeElapsed = watch.Elapsed;
        process.Refresh();
        output.WriteLine($"writer alone: {Count:N0} rows in {writeElapsed.TotalSeconds:0.0} s, CPU {(process.TotalProcessorTime - cpu).TotalSeconds:0.0} s, " +
                         $"{sink.Length / 1048576.0:N1} MiB, load average at start {load}; {Span(from)}");
    }

    /// <summary>Downloads the list, timed from the request to the last byte, the process's resident memory sampled every 50 ms.</summary>
    private async Task DownloadAsync(string what, HttpClient client)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
            try
            {
                while (await timer.WaitForNextTickAsync(sampling.Token))
                {
                    process.Refresh();
                    peak = Math.Max(peak, process.WorkingSet64);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        var load = Load();
        var cpu = process.TotalProcessorTime;
        var from = Stopwatch.GetTimestamp();
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync($"/exports/indicators/1.4/dossiers.xlsx?period=2026-03&agency={TinyProvince.Department}&part=denominator",
            HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var bytes = 0L;
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
        }

        var elapsed = watch.Elapsed;
        await sampling.CancelAsync();
        await sampler;
        process.Refresh();
        output.WriteLine($"{what}: {elapsed.TotalSeconds:0.0} s, CPU {(process.TotalProcessorTime - cpu).TotalSeconds:0.0} s, file {bytes / 1048576.0:N1} MiB, " +
                         $"resident memory {before / 1048576:N0} MiB before, peak {peak / 1048576:N0} MiB (growth {(peak - before) / 1048576:N0} MiB), load average at start {load}; {Span(from)}");
        Assert.True(bytes > Count * 20);
    }

    private static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>
    /// The phase on the monotonic clock in seconds (Stopwatch on Linux), for <c>perf record -k CLOCK_MONOTONIC</c> and
    /// <c>perf report --time from,to</c>: a profile of the whole process cut to one phase.
    /// </summary>
    private static string Span(long from) =>
        FormattableString.Invariant($"monotonic {from / (double)Stopwatch.Frequency:0.000},{Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency:0.000}");

    /// <summary>The application over an existing database file (its own host, the in-process test server).</summary>
    private sealed class SameDatabase(string path) : ReportingAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["ConnectionStrings:Reporting"] = $"Data Source={path}" };
    }

    private static async IAsyncEnumerable<DossierListItem> Items()
    {
        for (var i = 0; i < Count; i++)
        {
            var received = new DateTime(2026, 3, 2, 8, 0, 0).AddSeconds(i % 2_000_000);
            yield return new DossierListItem("xuat", $"XK-{i:D8}", TinyProvince.Procedure, "Đăng ký khai sinh", TinyProvince.Department, "Sở Tư pháp",
                1 + i % 3, 10, received, received.AddDays(2), received.AddDays(2), false, i % 2 == 0);
        }

        await Task.CompletedTask;
    }

    /// <summary>A write-only sink that counts bytes, like a response body (not seekable).</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }

    /// <summary>Received in March 2026 by the department, finished; every field a list row shows.</summary>
    private static DossierFeedItem Dossier(int i)
    {
        var received = new DateTime(2026, 3, 2, 8, 0, 0).AddSeconds(i % 2_000_000);
        var at = received.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var end = received.AddDays(2).ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        return new DossierFeedItem
        {
            MaHoSo = $"XK-{i:D8}",
            MaTTHC = TinyProvince.Procedure,
            TenTTHC = "Đăng ký khai sinh",
            MaDonVi = TinyProvince.Department,
            KenhThucHien = 1 + i % 3,
            TrangThaiHoSo = 10,
            NgayNopHoSo = at,
            NgayTiepNhan = at,
            NgayHenTra = end,
            NgayKetThucXuLy = end,
            NgayTra = end,
            NgayCapNhat = end,
            DongBoDVCQG = i % 2,
        };
    }
}
