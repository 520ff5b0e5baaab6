using System.Diagnostics;
using System.Globalization;
using Reporting.CircuitLoad;

// Opens N overviews on a running server (real Chromium tabs or protocol-level Blazor circuits), and
// prints: memory per circuit (managed heap after a full collection, and resident), how long a data
// change takes to reach every open overview (p50/p95/max), and memory once the circuits are closed.
// See docs/benchmarks.md ("Open dashboards") for how to start the server.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = Options.Parse(args);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
await using var server = options.Serve is { } dll ? await DemoServer.StartAsync(dll, options.Url, options.Warmup, cancel.Token) : null;
if (server is not null)
{
    options = options with { Pid = server.Pid };
}

using var http = new HttpClient { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromMinutes(2) };
var change = new DataChange(http, options.ReadKey, options.IngestKey);
string Dump(string name) => Path.Combine(options.DumpDirectory, $"circuitload-{options.Mode}-{options.Count}-{name}.gcdump");
string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[..3] is var l ? string.Join(' ', l) : "";

Console.WriteLine($"{options.Mode} × {options.Count} on {options.Url}{options.Path} as {options.User}, server pid {options.Pid}; load average {Load()}");
var before = await ServerMemory.AfterFullCollectionAsync(options.Pid, Dump("before"));
Console.WriteLine($"before: {before}");

await using IOverviews overviews = options.Mode == "chromium" ? new ChromiumTabs() : new ProtocolOverviews();
var opening = Stopwatch.StartNew();
await overviews.OpenAsync(options, cancel.Token);
Console.WriteLine($"{overviews.Count} overviews open in {opening.Elapsed.TotalSeconds:N1} s; load average {Load()}");

var open = await ServerMemory.AfterFullCollectionAsync(options.Pid, Dump("open"));
Console.WriteLine($"open:   {open}");
if (before.LiveHeapBytes is { } h0 && open.LiveHeapBytes is { } h1)
{
    Console.WriteLine($"per circuit: managed heap {(h1 - h0) / 1024.0 / overviews.Count:N0} KiB, resident {(open.ResidentBytes - before.ResidentBytes) / 1024.0 / overviews.Count:N0} KiB");
}

// A data change: one dossier pushed through the ingest API, timed until every open overview shows it.
var times = new List<double>();
if (options.Changes > 0)
{
    await change.PrepareAsync(cancel.Token);
}

for (var i = 0; i < options.Changes; i++)
{
    var clock = Stopwatch.StartNew();
    overviews.Mark(clock);
    await change.PushAsync(cancel.Token);
    var pushed = clock.Elapsed;
    var (numerator, denominator) = await change.OnlineFractionAsync(cancel.Token);
    var reached = await overviews.WaitForAsync(numerator, denominator, TimeSpan.FromSeconds(60));
    var ms = reached.Select(t => t.TotalMilliseconds).ToList();
    times.AddRange(ms);
    Console.WriteLine($"change {i + 1}: push answered in {pushed.TotalMilliseconds:N0} ms; {numerator} / {denominator} reached all {ms.Count} in {ms.Max():N0} ms (p95 {Percentile(ms, 0.95):N0} ms); load average {Load()}");
    // Past the pages' refresh throttle, so the next push is a change of its own.
    await Task.Delay(TimeSpan.FromSeconds(3), cancel.Token);
}

if (times.Count > 0)
{
    Console.WriteLine($"data change to every open overview, {times.Count} arrivals: p50 {Percentile(times, 0.5):N0} ms, p95 {Percentile(times, 0.95):N0} ms, max {times.Max():N0} ms");
}

if (options.Hold > TimeSpan.Zero)
{
    // Time to look at the server with the circuits open (dotnet-dump, dotnet-counters).
    Console.WriteLine($"holding the circuits open for {options.Hold.TotalSeconds:N0} s");
    await Task.Delay(options.Hold, cancel.Token);
}

await overviews.CloseAsync();
Console.WriteLine($"closed; waiting {options.SettleAfterClose.TotalSeconds:N0} s");
await Task.Delay(options.SettleAfterClose, cancel.Token);
var after = await ServerMemory.AfterFullCollectionAsync(options.Pid, Dump("after"));
Console.WriteLine($"after:  {after}; load average {Load()}");
return 0;

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
