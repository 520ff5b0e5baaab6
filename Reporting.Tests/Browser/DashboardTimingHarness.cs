using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reporting.Core;
using Reporting.Core.Periods;
using Reporting.Web.Dashboard;
using Xunit.Abstractions;

namespace Reporting.Tests.Browser;

/// <summary>
/// Times the overview's server work (what a circuit does for one render of <c>/</c>) on an existing
/// database, for docs/benchmarks.md. A benchmark, skipped unless REPORTING_BENCHMARK=1 and DASHBOARD_TIMING_DB
/// names a SQLite file:
/// <code>REPORTING_BENCHMARK=1 DASHBOARD_TIMING_DB=/path/reporting.db dotnet test Reporting.Tests -c Release --filter DashboardTimingHarness</code>
/// </summary>
public sealed class DashboardTimingHarness(ITestOutputHelper output)
{
    [BenchmarkFact("DASHBOARD_TIMING_DB")]
    public async Task Overview_server_work()
    {
        var path = Environment.GetEnvironmentVariable("DASHBOARD_TIMING_DB")!;

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:Reporting"] = $"Data Source={path}";
        builder.Configuration["Database:MigrateOnStartup"] = "false";
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddReportingCore();
        builder.Services.AddSingleton<SourceFreshnessTracker>();
        builder.Services.AddSingleton<DashboardService>();
        using var host = builder.Build();
        var service = host.Services.GetRequiredService<DashboardService>();
        var period = Environment.GetEnvironmentVariable("DASHBOARD_TIMING_PERIOD") ?? "2026-Q3";
        var query = new DashboardQuery(PeriodKey.Parse(period), WindowKind.Calendar, Reporting.Core.Agencies.HistoryView.Current, null);

        // Wall time, and the process's CPU time over the same span: on a shared machine the wall time
        // includes waiting for other processes, the CPU time does not (both are printed).
        var process = Process.GetCurrentProcess();
        async Task<(double Wall, double Cpu)> Time(Func<Task> work)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await work();
            var wall = watch.Elapsed.TotalMilliseconds;
            process.Refresh();
            return (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
        }

        async Task<string> Measure(int runs, Func<Task> work)
        {
            var times = new List<(double Wall, double Cpu)>();
            for (var i = 0; i < runs; i++)
            {
                times.Add(await Time(work));
            }

            var wall = times.Select(t => t.Wall).Order().ToList();
            var cpu = times.Select(t => t.Cpu).Order().ToList();
            return string.Create(CultureInfo.InvariantCulture,
                $"median {wall[runs / 2]:F1} ms, max {wall[^1]:F1} ms; CPU median {cpu[runs / 2]:F1} ms (n={runs})");
        }

        // A fresh service and an empty activity cache: what the first viewer of a view pays after a data change.
        var activity = host.Services.GetRequiredService<Reporting.Core.Aggregates.ActivityCache>();
        DashboardService Fresh()
        {
            activity.Clear();
            return ActivatorUtilities.CreateInstance<DashboardService>(host.Services);
        }
        static Task Overview(DashboardService s, DashboardQuery q) => Task.WhenAll(
            s.GetAsync(Reporting.Core.Access.AgencyScope.Everything, q, includeChildren: true),
            s.GetFreshnessAsync());

        var (first, _) = await Time(() => Overview(service, query));
        await Task.Delay(TimeSpan.FromSeconds(8)); // let the one-off per-source scan finish: it is not the page's work
        var misses = await Measure(20, () => Overview(Fresh(), query));
        var hits = await Measure(30, () => Overview(service, query));
        var cutoff = await Measure(10, () => Overview(Fresh(), query with { Window = WindowKind.Cutoff }));
        var year = await Measure(10, () => Overview(Fresh(), query with { Period = PeriodKey.OfYear(query.Period.Year) }));
        var nine = await Measure(10, () => Overview(Fresh(), query with { Period = PeriodKey.NineMonths(query.Period.Year) }));
        var yearCutoff = await Measure(10, () => Overview(Fresh(), query with { Period = PeriodKey.OfYear(query.Period.Year), Window = WindowKind.Cutoff }));
        var trend = await Measure(10, () => Fresh().GetTrendAsync(Reporting.Core.Access.AgencyScope.Everything, DashboardService.MonthlyTrendOf(query), DashboardService.KpiCodes));

        var reference = await host.Services.GetRequiredService<Reporting.Core.Persistence.ReferenceData>().GetAsync();
        var department = reference.Tree.All.Where(a => a.Kind == Reporting.Core.Agencies.AgencyKind.Department && a.ValidTo is null).Skip(3).First();
        var agency = await Measure(10, async () =>
        {
            var q = query with { Agency = department.Code };
            var s = Fresh();
            await Task.WhenAll(s.GetAsync(Reporting.Core.Access.AgencyScope.Everything, q, true), s.GetFreshnessAsync());
            await s.GetWorstProceduresAsync(Reporting.Core.Access.AgencyScope.Everything, q);
            await s.GetOverdueAsync(Reporting.Core.Access.AgencyScope.Everything, department.Code);
        });

        output.WriteLine($"Database: {path}, period {period}, {Environment.ProcessorCount} cores");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Overview, first call of the process (loads reference data): {first:F1} ms"));
        output.WriteLine($"Overview {period}, not cached (scorecard + previous period + every child + freshness): {misses}");
        output.WriteLine($"Overview {period}, cached for the data version (every further viewer): {hits}");
        output.WriteLine($"Overview {period} cut-off window, not cached: {cutoff}");
        output.WriteLine($"Overview of the year, not cached: {year}");
        output.WriteLine($"Overview of the year, cut-off window, not cached: {yearCutoff}");
        output.WriteLine($"Overview of 9 months, not cached: {nine}");
        output.WriteLine($"12-month trend, not cached (loaded after the page): {trend}");
        output.WriteLine($"Agency page of {department.Code}, not cached (dashboard + worst procedures + overdue list): {agency}");
    }
}
