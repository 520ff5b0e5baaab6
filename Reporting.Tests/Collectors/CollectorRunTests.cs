using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Collectors;
using Reporting.Core.Feeds;
using Reporting.Core.Ingest;
using Reporting.Demo.Simulators;

namespace Reporting.Tests.Collectors;

/// <summary>Collectors against the simulators over real HTTP on 127.0.0.1: runs, watermarks, failures, cancellation.</summary>
public sealed class CollectorRunTests
{
    private static Reporting.Demo.Province.DemoProvince Province => CollectorProvince.Province;

    [Fact]
    public async Task A_full_run_stores_every_dossier_and_moves_the_watermark_to_the_last_change()
    {
        await using var sim = await SimulatorHost.StartAsync(Province);
        await using var db = await CollectorDatabase.CreateAsync(Province, sim.BaseUrl);
        var feed = Province.Dossiers().ToList();

        var payments = await db.Runner.RunAsync(CollectorDatabase.Payments);
        var run = await db.Runner.RunAsync(CollectorDatabase.Dossiers);

        Assert.Equal(CollectorRunStatus.Succeeded, payments.Status);
        Assert.True(payments.Stored > 0);
        Assert.Equal(CollectorRunStatus.Succeeded, run.Status);
        Assert.Equal(feed.Count, run.Read);
        Assert.Equal(feed.Count, run.Stored);
        Assert.Equal((feed.Count + 499) / 500, run.Pages);
        Assert.Equal(CollectorProvince.MaxUpdated(feed), await db.Runner.GetWatermarkAsync(CollectorDatabase.Dossiers));
        await using var context = db.CreateDbContext();
        Assert.Equal(feed.Count, await context.Dossiers.CountAsync(d => d.Source == CollectorDatabase.Dossiers));
        // Payments read before their dossiers are matched when the dossiers arrive.
        Assert.True(await context.Dossiers.CountAsync(d => d.PaidByPaymentFeed) > 0);
        var recorded = await context.CollectorRuns.Where(r => r.Source == CollectorDatabase.Dossiers).SingleAsync();
        Assert.Equal(CollectorRunStatus.Succeeded, recorded.Status);
        Assert.NotNull(recorded.EndedAt);
        Assert.Equal(feed.Count, recorded.Stored);
    }

    [Fact]
    public async Task Incremental_runs_read_only_what_changed_since_the_watermark_and_never_double_a_dossier()
    {
        await using var sim = await SimulatorHost.StartAsync(Province);
        await using var db = await CollectorDatabase.CreateAsync(Province, sim.BaseUrl);
        await db.Runner.RunAsync(CollectorDatabase.Dossiers);
        var first = await db.Runner.GetWatermarkAsync(CollectorDatabase.Dossiers);

        // Three simulated days later: dossiers in progress were handled, returned, paid.
        var later = Province.EndOfHistory.AddDays(3);
        sim.State.FixedNow = later;
        var run = await db.Runner.RunAsync(CollectorDatabase.Dossiers);
        var changed = Province.Dossiers(later, first!.Value).ToList();

        Assert.Equal(CollectorRunStatus.Succeeded, run.Status);
        Assert.Equal(changed.Count, run.Read);
        Assert.True(run.Stored > 0);
        Assert.Equal(run.Read, run.Stored + run.Unchanged);
        Assert.Equal(CollectorProvince.MaxUpdated(changed), await db.Runner.GetWatermarkAsync(CollectorDatabase.Dossiers));
        await using (var context = db.CreateDbContext())
        {
            var stored = await context.Dossiers.AsNoTracking().Where(d => d.Source == CollectorDatabase.Dossiers).ToDictionaryAsync(d => d.Code, d => d.UpdatedAt);
            var expected = Province.Dossiers(later).ToList();
            Assert.Equal(expected.Count, stored.Count);
            Assert.All(expected, e => { FeedDates.TryParse(e.NgayCapNhat, out var at); Assert.Equal(at, stored[e.MaHoSo!]); });
        }

        // Nothing new: only the boundary is re-read, and it is unchanged.
        var again = await db.Runner.RunAsync(CollectorDatabase.Dossiers);
        Assert.Equal(CollectorRunStatus.Succeeded, again.Status);
        Assert.Equal(0, again.Stored);
        Assert.Equal(again.Read, again.Unchanged);
    }

    [Theory]
    [InlineData(SimulatorFailure.ServerError, CollectorRunStatus.Failed, CollectorSourceState.Failing)]
    [InlineData(SimulatorFailure.Slow, CollectorRunStatus.Failed, CollectorSourceState.Failing)]
    [InlineData(SimulatorFailure.BrokenJson, CollectorRunStatus.Failed, CollectorSourceState.Failing)]
    [InlineData(SimulatorFailure.Unauthorized, CollectorRunStatus.Misconfigured, CollectorSourceState.Misconfigured)]
    public async Task A_failing_source_fails_the_run_with_a_Vietnamese_error_and_keeps_the_watermark(
        SimulatorFailure failure, CollectorRunStatus expected, CollectorSourceState state)
    {
        await using var sim = await SimulatorHost.StartAsync(Province);
        // Timeouts well under the slow source's 5 s delay.
        await using var db = await CollectorDatabase.CreateAsync(Province, sim.BaseUrl, settings: new Dictionary<string, string?>
        {
            ["Collectors:Http:AttemptTimeoutSeconds"] = "1",
            ["Collectors:Http:TotalTimeoutSeconds"] = "3",
        });
        await db.Runner.RunAsync(CollectorDatabase.Dossiers);
        var mark = await db.Runner.GetWatermarkAsync(CollectorDatabase.Dossiers);
        int before;
        await using (var context = db.CreateDbContext())
        {
            before = await context.Dossiers.CountAsync();
        }

        sim.State.FixedNow = Province.EndOfHistory.AddDays(2);
        sim.State.Failure = failure;
        sim.State.SlowDelay = TimeSpan.FromSeconds(5);
        foreach (var source in new[] { CollectorDatabase.Dossiers, CollectorDatabase.Payments, CollectorDatabase.Catalogue })
        {
            var run = await db.Runner.RunAsync(source);
            Assert.Equal(expected, run.Status);
            Assert.False(string.IsNullOrWhiteSpace(run.Error));
            Assert.Matches("[ôơưđệảạ]", run.Error);
        }

        Assert.Equal(mark, await db.Runner.GetWatermarkAsync(CollectorDatabase.Dossiers));
        Assert.Null(await db.Runner.GetWatermarkAsync(CollectorDatabase.Payments));
        await using (var context = db.CreateDbContext())
        {
            Assert.Equal(before, await context.Dossiers.CountAsync());
            var source = await context.CollectorSources.SingleAsync(s => s.Name == CollectorDatabase.Dossiers);
            Assert.Equal(state, source.State);
            Assert.NotNull(source.LastError);
        }

        // Fixed: the next run catches up from the same watermark.
        sim.State.Failure = SimulatorFailure.None;
        var recovered = await db.Runner.RunAsync(CollectorDatabase.Dossiers);
        Assert.Equal(CollectorRunStatus.Succeeded, recovered.Status);
        Assert.Equal(Province.Dossiers(sim.State.Now(), mark!.Value).Count(), recovered.Read);
        await using (var context = db.CreateDbContext())
        {
            Assert.Equal(CollectorSourceState.Ok, (await context.CollectorSources.SingleAsync(s => s.Name == CollectorDatabase.Dossiers)).State);
        }
    }

    [Fact]
    public async Task Bad_records_are_quarantined_and_never_fail_the_page()
    {
        await using var sim = await SimulatorHost.StartAsync(Province);
        await using var db = await CollectorDatabase.CreateAsync(Province, sim.BaseUrl);
        sim.State.Failure = SimulatorFailure.BadRecords;
        var bad = Province.BadDossiers();

        var run = await db.Runner.RunAsync(CollectorDatabase.Dossiers);

        Assert.Equal(CollectorRunStatus.Succeeded, run.Status);
        Assert.Equal(bad.Count, run.Quarantined);
        Assert.Equal(Province.Dossiers().Count(), run.Stored);
        await using var context = db.CreateDbContext();
        Assert.Equal(bad.Count, await context.Quarantine.CountAsync(q => q.Source == CollectorDatabase.Dossiers && q.State == QuarantineState.Pending));
    }

    [Fact]
    public async Task An_older_version_from_the_source_is_counted_stale_and_changes_nothing()
    {
        await using var sim = await SimulatorHost.StartAsync(Province);
        await using var db = await CollectorDatabase.CreateAsync(Province, sim.BaseUrl);
        sim.State.FixedNow = Province.EndOfHistory.AddDays(5);
        await db.Runner.RunAsync(CollectorDatabase.Dossiers);
        var figures = await db.AggregateSnapshotAsync();

        // The source is restored from an older backup and re-read from the start.
        sim.State.FixedNow = Province.EndOfHistory;
        await db.Runner.SetWatermarkAsync(CollectorDatabase.Dossiers, DateTime.MinValue);
        var run = await db.Runner.RunAsync(CollectorDatabase.Dossiers);

        Assert.Equal(CollectorRunStatus.Succeeded, run.Status);
        Assert.True(run.Stale > 0);
        Assert.Equal(0, run.Stored);
        Assert.Equal(figures, await db.AggregateSnapshotAsync());
    }

    [Fact]
    public async Task The_procedure_catalogue_is_imported_like_the_PUT_endpoint()
    {
        await using var sim = await SimulatorHost.StartAsync(Province);
        await using var db = await CollectorDatabase.CreateAsync(Province, sim.BaseUrl);

        var run = await db.Runner.RunAsync(CollectorDatabase.Catalogue);

        Assert.Equal(CollectorRunStatus.Succeeded, run.Status);
        Assert.Equal(Province.Procedures.Count, run.Read);
        Assert.Equal(0, run.Stored);
    }

    [Fact]
    public async Task A_page_is_asked_for_at_most_one_page_ahead_of_what_is_committed()
    {
        await using var sim = await SimulatorHost.StartAsync(Province);
        await using var db = await CollectorDatabase.CreateAsync(Province, sim.BaseUrl);
        var feed = Province.Dossiers().ToList();
        var requests = new List<(int Page, int Stored, DateTime? Watermark)>();
        sim.State.Requested = async r =>
        {
            if (r.Feed == "dossiers")
            {
                await using var context = db.CreateDbContext();
                var stored = await context.Dossiers.CountAsync();
                var watermark = await db.Runner.GetWatermarkAsync(CollectorDatabase.Dossiers);
                lock (requests)
                {
                    requests.Add((r.Page, stored, watermark));
                }
            }
        };

        var run = await db.Runner.RunAsync(CollectorDatabase.Dossiers);

        Assert.Equal(CollectorRunStatus.Succeeded, run.Status);
        Assert.True(run.Pages >= 4, $"the province gives {run.Pages} pages: too few to see a fetch ahead");
        Assert.Equal(Enumerable.Range(1, run.Pages), requests.Select(r => r.Page));
        foreach (var (page, stored, watermark) in requests.Where(r => r.Page > 2))
        {
            // Page p is asked for while page p - 1 is stored: every page before that is committed and its watermark written.
            var committed = (page - 2) * 500;
            Assert.True(stored >= committed, $"page {page} was asked for with {stored} dossiers stored: more than one page ahead");
            Assert.True(watermark >= CollectorProvince.MaxUpdated(feed.Take(committed)), $"page {page} was asked for before page {page - 2}'s watermark was written");
        }
    }

    [Fact]
    public async Task Cancelled_between_pages_the_watermark_is_the_last_committed_page_and_a_rerun_loses_and_doubles_nothing()
    {
        await using var sim = await SimulatorHost.StartAsync(Province);
        await using var db = await CollectorDatabase.CreateAsync(Province, sim.BaseUrl);
        var feed = Province.Dossiers().ToList();
        using var cts = new CancellationTokenSource();
        sim.State.Requested = r =>
        {
            if (r is { Feed: "dossiers", Page: 3 })
            {
                cts.Cancel();
            }

            return Task.CompletedTask;
        };

        var run = await db.Runner.RunAsync(CollectorDatabase.Dossiers, cts.Token);

        // Page 3 is prefetched while page 2 is stored: page 2 is either committed whole or not at all.
        Assert.Equal(CollectorRunStatus.Cancelled, run.Status);
        Assert.InRange(run.Pages, 1, 2);
        var committed = run.Pages * 500;
        Assert.Equal(CollectorProvince.MaxUpdated(feed.Take(committed)), await db.Runner.GetWatermarkAsync(CollectorDatabase.Dossiers));
        await using (var context = db.CreateDbContext())
        {
            Assert.Equal(committed, await context.Dossiers.CountAsync());
        }

        sim.State.Requested = null;
        await AssertRerunCompletesAsync(sim, db, feed);
    }

    [Fact]
    public async Task Cancelled_right_after_a_commit_the_watermark_equals_what_was_committed()
    {
        await using var sim = await SimulatorHost.StartAsync(Province);
        await using var db = await CollectorDatabase.CreateAsync(Province, sim.BaseUrl);
        var feed = Province.Dossiers().ToList();
        using var cts = new CancellationTokenSource();
        var notifier = db.Services.GetRequiredService<DataChangeNotifier>();
        void OnChange(DataChange _) => cts.Cancel();
        notifier.Changed += OnChange;

        var run = await db.Runner.RunAsync(CollectorDatabase.Dossiers, cts.Token);
        notifier.Changed -= OnChange;

        Assert.Equal(CollectorRunStatus.Cancelled, run.Status);
        Assert.Equal(1, run.Pages);
        Assert.Equal(CollectorProvince.MaxUpdated(feed.Take(500)), await db.Runner.GetWatermarkAsync(CollectorDatabase.Dossiers));
        await using (var context = db.CreateDbContext())
        {
            Assert.Equal(500, await context.Dossiers.CountAsync());
        }

        await AssertRerunCompletesAsync(sim, db, feed);
    }

    [Fact]
    public async Task Killed_between_a_commit_and_its_watermark_the_rerun_repeats_the_page_without_doubling_it()
    {
        await using var sim = await SimulatorHost.StartAsync(Province);
        await using var db = await CollectorDatabase.CreateAsync(Province, sim.BaseUrl);
        var feed = Province.Dossiers().ToList();
        using var cts = new CancellationTokenSource();
        var commits = 0;
        var notifier = db.Services.GetRequiredService<DataChangeNotifier>();
        void OnChange(DataChange _)
        {
            if (++commits == 2)
            {
                cts.Cancel();
            }
        }

        notifier.Changed += OnChange;
        var run = await db.Runner.RunAsync(CollectorDatabase.Dossiers, cts.Token);
        notifier.Changed -= OnChange;
        Assert.Equal(2, run.Pages);

        // As if the process died after page 2's commit and before its watermark was written.
        await db.Runner.SetWatermarkAsync(CollectorDatabase.Dossiers, CollectorProvince.MaxUpdated(feed.Take(500)));
        var rerun = await db.Runner.RunAsync(CollectorDatabase.Dossiers);
        Assert.Equal(CollectorRunStatus.Succeeded, rerun.Status);
        Assert.True(rerun.Unchanged >= 500);
        await AssertRerunCompletesAsync(sim, db, feed);
    }

    private static async Task AssertRerunCompletesAsync(SimulatorHost sim, CollectorDatabase db, List<DossierFeedItem> feed)
    {
        var rerun = await db.Runner.RunAsync(CollectorDatabase.Dossiers);
        Assert.Equal(CollectorRunStatus.Succeeded, rerun.Status);
        await using (var context = db.CreateDbContext())
        {
            Assert.Equal(feed.Count, await context.Dossiers.CountAsync());
        }

        // The interrupted database holds exactly the figures of an uninterrupted read.
        await using var clean = await CollectorDatabase.CreateAsync(Province, sim.BaseUrl);
        Assert.Equal(CollectorRunStatus.Succeeded, (await clean.Runner.RunAsync(CollectorDatabase.Dossiers)).Status);
        Assert.Equal(await clean.AggregateSnapshotAsync(), await db.AggregateSnapshotAsync());
    }
}
