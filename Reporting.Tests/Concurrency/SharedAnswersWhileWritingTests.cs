using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reporting.Core.Access;
using Reporting.Core.Agencies;
using Reporting.Core.Indicators;
using Reporting.Core.Ingest;
using Reporting.Core.Periods;
using Reporting.Tests.Integration;
using Reporting.Web.Access;
using Reporting.Web.Dashboard;
using Reporting.Web.Memory;

namespace Reporting.Tests.Concurrency;

/// <summary>
/// The open dashboards' shared answers (ADR 028): a view whose figures a new data version leaves equal keeps its answer
/// object (so its open pages skip their render), a view whose figures change gets the new ones, readers during writes
/// never see figures go back and end on the stored ones, and the pages are told of a change only after the views'
/// answers are read once for all of them.
/// </summary>
public sealed class SharedAnswersWhileWritingTests : IAsyncLifetime
{
    private static readonly PeriodKey March = PeriodKey.Month(2026, 3);
    private readonly ReportingAppFactory _factory = new();
    private int _pushed;

    public async Task InitializeAsync()
    {
        _ = _factory.Server;
        await TinyProvince.SeedAsync(_factory);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static DashboardQuery View(string? agency) => new(March, WindowKind.Calendar, HistoryView.Current, agency);

    private async Task PushAsync(string agency)
    {
        using var client = _factory.ClientWithKey(ReportingAppFactory.IngestKey);
        var dossier = TinyProvince.Dossier($"SHARED-{Interlocked.Increment(ref _pushed):D3}", agency, "20260302080000");
        var response = await client.PostAsJsonAsync("/api/v1/ingest/dossiers", new { service = "DongBoHoSoMC", isUpdating = true, data = new[] { dossier } });
        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_change_elsewhere_keeps_a_views_answer_object_and_a_change_in_it_replaces_it()
    {
        var service = _factory.Services.GetRequiredService<DashboardService>();
        await PushAsync(TinyProvince.NewCommune);
        var department = await service.GetAsync(AgencyScope.Everything, View(TinyProvince.Department), includeChildren: true);
        var province = await service.GetAsync(AgencyScope.Everything, View(null), includeChildren: true);

        await PushAsync(TinyProvince.NewCommune);

        var departmentAfter = await service.GetAsync(AgencyScope.Everything, View(TinyProvince.Department), includeChildren: true);
        var provinceAfter = await service.GetAsync(AgencyScope.Everything, View(null), includeChildren: true);
        Assert.Same(department, departmentAfter);
        Assert.NotSame(province, provinceAfter);
        Assert.Equal(province.Current.Figures.New + 1, provinceAfter.Current.Figures.New);
        Assert.False(ShownAnswers.Same(province, provinceAfter));
    }

    [Fact]
    public async Task Readers_during_pushes_never_see_the_figures_go_back_and_end_on_the_stored_ones()
    {
        var service = _factory.Services.GetRequiredService<DashboardService>();
        var start = (await service.GetAsync(AgencyScope.Everything, View(null), includeChildren: true)).Current.Figures.New;
        using var writing = new CancellationTokenSource();

        async Task<List<int>> ReadAsync()
        {
            var seen = new List<int>();
            while (!writing.IsCancellationRequested)
            {
                seen.Add((await service.GetAsync(AgencyScope.Everything, View(null), includeChildren: true)).Current.Figures.New);
                await Task.Yield();
            }

            return seen;
        }

        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(ReadAsync)).ToList();
        for (var i = 0; i < 10; i++)
        {
            await PushAsync(i % 2 == 0 ? TinyProvince.NewCommune : TinyProvince.Department);
        }

        writing.Cancel();
        foreach (var seen in await Task.WhenAll(readers))
        {
            Assert.NotEmpty(seen);
            Assert.Equal(seen.Order(), seen);
            Assert.All(seen, n => Assert.InRange(n, start, start + 10));
        }

        // The shared answer after the writes is the one the indicators give straight from the aggregates.
        var after = await service.GetAsync(AgencyScope.Everything, View(null), includeChildren: true);
        var direct = await _factory.Services.GetRequiredService<IndicatorService>().GetAsync(new IndicatorQuery(null, March));
        Assert.Equal(start + 10, after.Current.Figures.New);
        Assert.True(ShownAnswers.Same(after.Current, direct), "the shared answer shows what the indicators give");
    }

    [Fact]
    public async Task Pages_are_told_of_a_change_after_the_views_answers_are_read()
    {
        var changes = _factory.Services.GetRequiredService<DashboardChanges>();
        var events = new ConcurrentQueue<string>();
        var told = new TaskCompletionSource<DataChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        var views = changes.Views;
        var pages = changes.Pages;
        using (var view = changes.Show("test|view", async () =>
        {
            await Task.Yield();
            events.Enqueue("read");
        }))
        using (var sameView = changes.Show("test|view", () => Task.CompletedTask))
        using (var page = changes.Subscribe(c =>
        {
            events.Enqueue("told");
            told.TrySetResult(c);
        }))
        {
            Assert.Equal(views + 1, changes.Views);
            Assert.Equal(pages + 1, changes.Pages);
            await PushAsync(TinyProvince.Department);
            var change = await Eventually.Found(() => Task.FromResult(told.Task.IsCompleted ? told.Task.Result : null), "the page told of the push");
            Assert.Equal(RecordKinds.Dossier, change.Kind);
            Assert.Equal(["read", "told"], events.Take(2));
        }

        Assert.Equal(views, changes.Views);
        Assert.Equal(pages, changes.Pages);
    }

    [Fact]
    public async Task Callers_of_one_agency_share_a_scope_and_readers_during_a_tree_change_end_on_the_new_tree()
    {
        var callers = _factory.Services.GetRequiredService<CallerScope>();
        static ClaimsPrincipal Leader(string name) => new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(AccessClaims.Agency, TinyProvince.Root), new Claim(ClaimTypes.Role, Roles.Leader)], "test"));
        var first = await callers.ForAsync(Leader("lanh.dao.1"));
        Assert.Same(first, await callers.ForAsync(Leader("lanh.dao.2")));

        using var writing = new CancellationTokenSource();
        async Task<List<AgencyScope>> ReadAsync()
        {
            var seen = new List<AgencyScope>();
            while (!writing.IsCancellationRequested)
            {
                seen.Add(await callers.ForAsync(Leader("lanh.dao.r")));
                await Task.Yield();
            }

            return seen;
        }

        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(ReadAsync)).ToList();
        Agency added;
        await using (var db = _factory.CreateDbContext())
        {
            var root = await db.Agencies.SingleAsync(a => a.Code == TinyProvince.Root);
            added = new Agency { Code = "000.00.02.H99", Name = "Sở Xây dựng", Kind = AgencyKind.Department, ParentId = root.Id, ValidFrom = new DateOnly(2020, 1, 1) };
            db.Agencies.Add(added);
            await db.SaveChangesAsync();
        }

        await ReferenceChanges.CommittedAsync(_factory.Services);
        await Eventually.True(async () => (await callers.ForAsync(Leader("lanh.dao.3"))).Contains(added.Id), "the new department in the leader's scope");
        writing.Cancel();

        // Each reader saw the old tree's scope and then the new one's, never back.
        foreach (var seen in await Task.WhenAll(readers))
        {
            var contains = seen.Select(s => s.Contains(added.Id)).ToList();
            Assert.Equal(contains.Order(), contains);
        }

        Assert.False(first.Contains(added.Id));
        Assert.Contains("000.00.02.H99", (await callers.ForAsync(Leader("lanh.dao.4"))).Codes);
    }

    [Fact]
    public void The_logger_factory_keeps_one_logger_per_category()
    {
        var loggers = _factory.Services.GetRequiredService<ILoggerFactory>();
        Assert.IsType<LoggersByCategory>(loggers);
        Assert.Same(loggers.CreateLogger("Reporting.Test"), loggers.CreateLogger("Reporting.Test"));
        Assert.NotSame(loggers.CreateLogger("Reporting.Test"), loggers.CreateLogger("Reporting.Other"));
    }
}
