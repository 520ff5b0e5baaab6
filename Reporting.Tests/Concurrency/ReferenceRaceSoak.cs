using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Agencies;
using Reporting.Core.Indicators;
using Reporting.Core.Ingest;
using Reporting.Core.Periods;
using Reporting.Demo.Simulators;
using Reporting.Tests.Collectors;
using Xunit.Abstractions;

namespace Reporting.Tests.Concurrency;

/// <summary>Runs only when <c>REPORTING_SOAK=1</c> (docs/benchmarks.md, section "Figures under concurrency").</summary>
public sealed class SoakFactAttribute : FactAttribute
{
    public SoakFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("REPORTING_SOAK") != "1")
        {
            Skip = "Soak: set REPORTING_SOAK=1 (Release build) to run it; REPORTING_SOAK_RUNS and REPORTING_SOAK_SECONDS size it.";
        }
    }
}

/// <summary>
/// The scenario of issue 11, repeated: on a fresh database, the three collector sources (dossiers,
/// payments, catalogue) run every few seconds against feeds that fail until the agency tree is
/// imported; the tree is imported while two readers ask for the year's indicators twice a second;
/// after the collectors settle, every stored fact and figure must equal the records as sent.
/// </summary>
public sealed class ReferenceRaceSoak(ITestOutputHelper output)
{
    private static readonly TimeSpan CollectorEvery = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ReadEvery = TimeSpan.FromMilliseconds(500);

    [SoakFact]
    public async Task The_issue_scenario_gives_the_right_figures_every_time()
    {
        var runs = int.TryParse(Environment.GetEnvironmentVariable("REPORTING_SOAK_RUNS"), out var r) ? r : 20;
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("REPORTING_SOAK_SECONDS"), out var s) ? s : 20;
        var province = CollectorProvince.Province;
        var sent = province.Dossiers().Select(d => new FigureCheck.Sent(CollectorDatabase.Dossiers, System.Text.Json.JsonSerializer.SerializeToElement(d))).ToList();
        var payments = province.Payments().Select(p => System.Text.Json.JsonSerializer.SerializeToElement(p)).ToList();
        var end = DateOnly.FromDateTime(province.EndOfHistory);
        PeriodKey[] periods = [PeriodKey.OfYear(end.Year), PeriodKey.Quarter(end.Year, (end.Month + 2) / 3), PeriodKey.Month(end.Year, end.Month)];

        for (var run = 1; run <= runs; run++)
        {
            var watch = Stopwatch.StartNew();
            await using var sim = await SimulatorHost.StartAsync(province);
            await using var host = await CollectorDatabase.CreateAsync(province, sim.BaseUrl, pageSize: 500, importReference: false);
            sim.State.Failure = SimulatorFailure.ServerError;
            using var stop = new CancellationTokenSource();
            var reads = 0;
            var loops = new List<Task>
            {
                Every(CollectorEvery, () => host.Runner.RunAsync(CollectorDatabase.Catalogue), stop.Token),
                Every(CollectorEvery, () => host.Runner.RunAsync(CollectorDatabase.Dossiers), stop.Token),
                Every(CollectorEvery, () => host.Runner.RunAsync(CollectorDatabase.Payments), stop.Token),
            };
            for (var reader = 0; reader < 2; reader++)
            {
                loops.Add(Every(ReadEvery, async () =>
                {
                    try
                    {
                        await host.Services.GetRequiredService<IndicatorService>().GetAsync(new IndicatorQuery(null, periods[0]));
                        Interlocked.Increment(ref reads);
                    }
                    catch (QueryException)
                    {
                        // No tree yet.
                    }
                }, stop.Token));
            }

            // The feeds come up with the tree, as in the issue; the quarantine is re-processed as PUT /agencies does.
            await Task.Delay(CollectorEvery * 2);
            await using (var scope = host.Services.CreateAsyncScope())
            {
                Assert.True((await scope.ServiceProvider.GetRequiredService<AgencyTreeImport>().ReplaceAsync(province.Tree.Items)).Succeeded);
            }

            sim.State.Failure = SimulatorFailure.None;
            await host.Services.GetRequiredService<QuarantineReprocessor>().ReprocessAsync(QuarantineReason.UnknownAgency);
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            await stop.CancelAsync();
            await Task.WhenAll(loops);

            // Settled: one more run of each source reads whatever is left.
            await host.Runner.RunAsync(CollectorDatabase.Catalogue);
            await host.Runner.RunAsync(CollectorDatabase.Dossiers);
            await host.Runner.RunAsync(CollectorDatabase.Payments);
            await FigureCheck.AssertRightAsync(host.Services, sent, payments, periods);
            output.WriteLine($"run {run}/{runs}: right ({reads} reads, {watch.Elapsed.TotalSeconds:0} s)");
        }
    }

    /// <summary>Runs <paramref name="action"/> on a schedule until stopped (a collector's trigger, a dashboard's refresh); failures of one run do not stop the next.</summary>
    private static async Task Every(TimeSpan period, Func<Task> action, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(period);
        do
        {
            try
            {
                await action();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failing feed fails its run (recorded by the runner); the schedule goes on.
            }
        }
        while (await NextAsync(timer, stop));
    }

    private static async Task<bool> NextAsync(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
