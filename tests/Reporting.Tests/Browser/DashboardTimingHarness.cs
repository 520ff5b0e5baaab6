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
/// database, for docs/benchmarks.md. Runs only when DASHBOARD_TIMING_DB names a SQLite file:
/// <code>DASHBOARD_TIMING_DB=/path/reporting.db dotnet test tests/Reporting.Tests -c Release --filter DashboardTimingHarness</code>
/// </summary>
public sealed class DashboardTimingHarness(ITestOutputHelper output)
{
    [Fact]
    public async Task Overview_server_work()
    {
        var path = Environment.GetEnvironmentVariable("DASHBOARD_TIMING_DB");
        if (string.IsNullOrEmpty(path))
        {
            output.WriteLine("DASHBOARD_TIMING_DB not set: nothing measured.");
            return;
        }

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

        async Task<double> Time(Func<Task> work)
        {
            var watch = Stopwatch.StartNew();
            await work();
            return watch.Elapsed.TotalMilliseconds;
        }

        // A fresh service has an empty cache: what the first viewer of a view pays after a data change.
        DashboardService Fresh() => ActivatorUtilities.CreateInstance<DashboardService>(host.Services);
        static Task Overview(DashboardService s, DashboardQuery q) => Task.WhenAll(
            s.GetAsync(DashboardScope.Province, q, includeChildren: true),
            s.GetFreshnessAsync());

        var first = await Time(() => Overview(service, query));
        await Task.Delay(TimeSpan.FromSeconds(8)); // let the one-off per-source scan finish: it is not the page's work
        var misses = new List<double>();
        for (var i = 0; i < 20; i++) { var s = Fresh(); misses.Add(await Time(() => Overview(s, query))); }
        var hits = new List<double>();
        for (var i = 0; i < 30; i++) hits.Add(await Time(() => Overview(service, query)));
        var cutoff = new List<double>();
        for (var i = 0; i < 10; i++) { var s = Fresh(); cutoff.Add(await Time(() => Overview(s, query with { Window = WindowKind.Cutoff }))); }
        var year = new List<double>();
        for (var i = 0; i < 5; i++) { var s = Fresh(); year.Add(await Time(() => Overview(s, query with { Period = PeriodKey.OfYear(query.Period.Year) }))); }
        var trend = new List<double>();
        for (var i = 0; i < 5; i++) { var s = Fresh(); trend.Add(await Time(() => s.GetTrendAsync(DashboardScope.Province, DashboardService.MonthlyTrendOf(query), DashboardService.KpiCodes))); }

        var reference = await host.Services.GetRequiredService<Reporting.Core.Persistence.ReferenceData>().GetAsync();
        var department = reference.Tree.All.Where(a => a.Kind == Reporting.Core.Agencies.AgencyKind.Department && a.ValidTo is null).Skip(3).First();
        var agency = new List<double>();
        for (var i = 0; i < 10; i++) agency.Add(await Time(async () =>
        {
            var q = query with { Agency = department.Code };
            var s = Fresh();
            await Task.WhenAll(s.GetAsync(DashboardScope.Province, q, true), s.GetFreshnessAsync());
            await s.GetWorstProceduresAsync(DashboardScope.Province, q);
            await s.GetOverdueAsync(DashboardScope.Province, department.Code);
        }));

        string Stats(List<double> xs)
        {
            var sorted = xs.Order().ToList();
            return string.Create(CultureInfo.InvariantCulture, $"median {sorted[sorted.Count / 2]:F1} ms, max {sorted[^1]:F1} ms (n={xs.Count})");
        }

        output.WriteLine($"Database: {path}, period {period}, {Environment.ProcessorCount} cores");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Overview, first call of the process (loads reference data): {first:F1} ms"));
        output.WriteLine($"Overview {period}, not cached (scorecard + previous period + every child + freshness): {Stats(misses)}");
        output.WriteLine($"Overview {period}, cached for the data version (every further viewer): {Stats(hits)}");
        output.WriteLine($"Overview {period} cut-off window, not cached: {Stats(cutoff)}");
        output.WriteLine($"Overview of the year, not cached: {Stats(year)}");
        output.WriteLine($"12-month trend, not cached (loaded after the page): {Stats(trend)}");
        output.WriteLine($"Agency page of {department.Code}, not cached (dashboard + worst procedures + overdue list): {Stats(agency)}");
    }
}
