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

        Task Overview() => Task.WhenAll(
            service.GetAsync(DashboardScope.Province, query, includeChildren: true),
            service.GetFreshnessAsync());

        var first = await Time(Overview);
        var runs = new List<double>();
        for (var i = 0; i < 30; i++) runs.Add(await Time(Overview));
        var cutoff = new List<double>();
        for (var i = 0; i < 10; i++) cutoff.Add(await Time(() => service.GetAsync(DashboardScope.Province, query with { Window = WindowKind.Cutoff }, true)));
        var trend = new List<double>();
        for (var i = 0; i < 5; i++) trend.Add(await Time(() => service.GetTrendAsync(DashboardScope.Province, DashboardService.MonthlyTrendOf(query), DashboardService.KpiCodes)));
        var agency = new List<double>();
        for (var i = 0; i < 10; i++) agency.Add(await Time(async () =>
        {
            await service.GetWorstProceduresAsync(DashboardScope.Province, query);
            await service.GetOverdueAsync(DashboardScope.Province, null);
        }));

        string Stats(List<double> xs)
        {
            var sorted = xs.Order().ToList();
            return string.Create(CultureInfo.InvariantCulture, $"median {sorted[sorted.Count / 2]:F1} ms, max {sorted[^1]:F1} ms (n={xs.Count})");
        }

        output.WriteLine($"Database: {path}, period {period}, {Environment.ProcessorCount} cores");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Overview, first call (reference data, per-source freshness scan): {first:F1} ms"));
        output.WriteLine($"Overview (scorecard + previous period + every child + freshness): {Stats(runs)}");
        output.WriteLine($"Overview, cut-off window: {Stats(cutoff)}");
        output.WriteLine($"12-month trend (loaded after the page): {Stats(trend)}");
        output.WriteLine($"Agency extras at province level (worst procedures + overdue list): {Stats(agency)}");
    }
}
