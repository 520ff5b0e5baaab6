using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Reporting.Core.Access;
using Reporting.Core.Ingest;
using Reporting.Core.Agencies;
using Reporting.Core.Dossiers;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;

namespace Reporting.Web.Dashboard;

/// <summary>One dashboard: the scope's scorecard, the previous period's, and its children for the rankings.</summary>
public sealed record DashboardData(
    IndicatorAnswer Current,
    IndicatorAnswer? Previous,
    IReadOnlyList<IndicatorAnswer> Children,
    IReadOnlyList<Agency> Path);

public sealed record ProcedureOnTime(string Code, string Name, int Handled, int OnTime, decimal Rate);

public sealed record OverdueDossier(string Source, string Code, string ProcedureName, string AgencyName, DateTime? ReceivedAt, DateTime? PromisedAt, int DaysLate);

public sealed record SourceFreshness(string Source, DateTime LastStoredAt);

public sealed record Freshness(DateTime? LastChangeAt, long DataVersion, IReadOnlyList<SourceFreshness> Sources);

public sealed record TrendPoint(PeriodKey Period, IReadOnlyDictionary<string, decimal?> Values, IReadOnlyDictionary<string, decimal?> Targets);

/// <summary>
/// Reads for the dashboards, from the aggregates (the indicator service) plus small bounded queries.
/// Holds no DbContext: each operation creates its own from the factory.
/// </summary>
public sealed class DashboardService(
    IndicatorService indicators,
    IndicatorDossierService dossiers,
    IDbContextFactory<ReportingDbContext> dbFactory,
    ReferenceData referenceData,
    SourceFreshnessTracker sources,
    TimeProvider clock)
{
    private const int CacheLimit = 256;

    /// <summary>Answers by query and data version: every circuit showing the same view shares one read.</summary>
    private readonly ConcurrentDictionary<string, (long Version, Task<object> Answer)> _cache = new();

    /// <summary>The main indicators shown as cards, in this order.</summary>
    public static IReadOnlyList<string> KpiCodes { get; } = ["ONLINE", "2.1", "3.6", "4.2", "4.1", "5.4"];


    public DateOnly Today => VietnamTime.Today(clock);

    public async Task<DashboardData> GetAsync(AgencyScope scope, DashboardQuery query, bool includeChildren, CancellationToken ct = default)
    {
        var agency = await ResolveInScopeAsync(scope, query, ct);
        var q = query.ToIndicatorQuery() with { AgencyCode = agency };
        return await CachedAsync($"data|{q}|{includeChildren}", async () =>
        {
            // The period and the one before it (for the change on each card) come from one read.
            var (byPeriod, tree) = await indicators.GetPeriodsAsync(q, [q.Period, q.Period.Previous()], includeChildren, CancellationToken.None);
            if (byPeriod[0] is not { } answers)
            {
                throw QueryException.PeriodNotStarted(q.Period, q.Period.Window(q.WindowKind));
            }

            return new DashboardData(answers[0], byPeriod[1]?[0], answers.Skip(1).ToList(), tree.PathTo(answers[0].Agency.Id));
        }, ct);
    }

    /// <summary>The data version: bumped by every committed change, so a cached answer is exact until it moves.</summary>
    public async Task<long> DataVersionAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AggregateStates.AsNoTracking().OrderBy(s => s.Id).Select(s => s.DataVersion).FirstOrDefaultAsync(ct);
    }

    private async Task<T> CachedAsync<T>(string key, Func<Task<T>> read, CancellationToken ct) where T : class
    {
        var version = await DataVersionAsync(ct);
        if (_cache.TryGetValue(key, out var hit) && hit.Version == version && !hit.Answer.IsFaulted && !hit.Answer.IsCanceled)
        {
            return (T)await hit.Answer.WaitAsync(ct);
        }

        if (_cache.Count >= CacheLimit)
        {
            _cache.Clear();
        }

        // Shared by concurrent callers; not cancelled by one of them leaving.
        var task = Task.Run(async () => (object)await read(), CancellationToken.None);
        _cache[key] = (version, task);
        return (T)await task.WaitAsync(ct);
    }

    /// <summary>The agency code a query may use inside the scope; a <see cref="QueryException"/> when outside.</summary>
    public async Task<string?> ResolveInScopeAsync(AgencyScope scope, DashboardQuery query, CancellationToken ct)
    {
        var tree = (await referenceData.GetAsync(ct)).Tree;
        if (!scope.TryResolve(tree, query.Agency, Today, out var effective))
        {
            throw new QueryException(AccessDeniedException.Title, $"Tài khoản không được xem số liệu của đơn vị '{query.Agency ?? "(chưa gán đơn vị)"}'.",
                OutsideScope);
        }

        return effective;
    }

    /// <summary>The <see cref="QueryException.Type"/> of a read outside the viewer's scope.</summary>
    public const string OutsideScope = "outside-agency-scope";

    /// <summary>Procedures of the agency's subtree with the lowest 766 on-time rate among those with enough handled dossiers.</summary>
    public async Task<IReadOnlyList<ProcedureOnTime>> GetWorstProceduresAsync(AgencyScope scope, DashboardQuery query, int take = 10, int minHandled = 5, CancellationToken ct = default)
    {
        var reference = await referenceData.GetAsync(ct);
        var agency = IndicatorService.ResolveAgency(reference.Tree, await ResolveInScopeAsync(scope, query, ct), query.View, Today);
        var members = reference.Tree.Members(agency.Id, query.View).ToList();
        var (first, last) = query.DateWindow.Buckets;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.ProcedureBucketStats.AsNoTracking()
            .Where(s => s.Bucket >= first && s.Bucket <= last && s.Handled > 0 && members.Contains(s.AgencyId))
            .GroupBy(s => s.ProcedureCode)
            .Select(g => new { Code = g.Key, Handled = g.Sum(x => x.Handled), OnTime = g.Sum(x => x.HandledOnTime766) })
            .Where(x => x.Handled >= minHandled)
            .ToListAsync(ct);
        return rows
            .Select(r => new ProcedureOnTime(r.Code, reference.Procedures.TryGetValue(r.Code, out var p) ? p.Name : r.Code, r.Handled, r.OnTime,
                Math.Round(100m * r.OnTime / r.Handled, 2, MidpointRounding.AwayFromZero)))
            .OrderBy(r => r.Rate).ThenByDescending(r => r.Handled).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Take(take)
            .ToList();
    }

    /// <summary>Dossiers of the subtree still in progress past their deadline now, the longest overdue first.</summary>
    public async Task<(int Total, IReadOnlyList<OverdueDossier> Items)> GetOverdueAsync(AgencyScope scope, string? agencyCode, int take = 50, CancellationToken ct = default)
    {
        var reference = await referenceData.GetAsync(ct);
        var agency = IndicatorService.ResolveAgency(reference.Tree,
            await ResolveInScopeAsync(scope, new DashboardQuery(default, default, HistoryView.Current, agencyCode), ct), HistoryView.Current, Today);
        var members = reference.Tree.Members(agency.Id, HistoryView.Current).ToList();
        var now = VietnamTime.ToLocal(clock.GetUtcNow());
        int[] open = [DossierStatus.Received, DossierStatus.InProgress, DossierStatus.WaitingSupplement, DossierStatus.WaitingPayment];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var overdue = db.Dossiers.AsNoTracking()
            .Where(d => members.Contains(d.AgencyId) && open.Contains(d.Status) && d.PromisedAt != null && d.PromisedAt < now);
        var total = await overdue.CountAsync(ct);
        var rows = await overdue.OrderBy(d => d.PromisedAt).ThenBy(d => d.Code).Take(take)
            .Select(d => new { d.Source, d.Code, d.ProcedureName, d.ProcedureCode, d.AgencyId, d.ReceivedAt, d.PromisedAt })
            .ToListAsync(ct);
        var items = rows.Select(d => new OverdueDossier(d.Source, d.Code, d.ProcedureName ?? d.ProcedureCode,
            reference.Tree.Find(d.AgencyId)?.Name ?? "", d.ReceivedAt, d.PromisedAt,
            d.PromisedAt is { } p ? Math.Max(1, (int)Math.Ceiling((now - p).TotalDays)) : 0)).ToList();
        return (total, items);
    }

    /// <summary>When data last changed: overall from the aggregate state, per source from <see cref="SourceFreshnessTracker"/>.</summary>
    public async Task<Freshness> GetFreshnessAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var state = await db.AggregateStates.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        return new Freshness(state?.LastChangeAt, state?.DataVersion ?? 0, sources.Current());
    }

    /// <summary>The given indicators over the last <paramref name="count"/> periods of the query's kind (ending with it).</summary>
    public async Task<IReadOnlyList<TrendPoint>> GetTrendAsync(AgencyScope scope, DashboardQuery query, IReadOnlyList<string> codes, int count = 12, CancellationToken ct = default)
    {
        var agency = await ResolveInScopeAsync(scope, query, ct);
        return await CachedAsync($"trend|{agency}|{query.QueryString(false)}|{string.Join(',', codes)}|{count}",
            () => ReadTrendAsync(agency, query, codes, count, CancellationToken.None), ct);
    }

    private async Task<IReadOnlyList<TrendPoint>> ReadTrendAsync(string? agency, DashboardQuery query, IReadOnlyList<string> codes, int count, CancellationToken ct)
    {
        var periods = new List<PeriodKey> { query.Period };
        while (periods.Count < count)
        {
            periods.Add(periods[^1].Previous());
        }

        periods.Reverse();
        var (byPeriod, _) = await indicators.GetPeriodsAsync(query.ToIndicatorQuery() with { AgencyCode = agency }, periods, childrenOfFirst: false, ct);

        // A period not started yet has no point.
        return periods.Zip(byPeriod)
            .Where(p => p.Second is not null)
            .Select(p =>
            {
                var scorecard = p.Second![0].Scorecard;
                return new TrendPoint(p.First, codes.ToDictionary(c => c, c => scorecard[c]?.Value), codes.ToDictionary(c => c, c => scorecard[c]?.Target));
            })
            .ToList();
    }

    /// <summary>The query for a monthly trend ending with the last month of the query's period.</summary>
    public static DashboardQuery MonthlyTrendOf(DashboardQuery query) =>
        query with { Period = PeriodKey.Month(query.Period.Year, query.Period.Months.LastMonth) };

    public async Task<DossierListPage> GetDossiersAsync(AgencyScope scope, DashboardQuery query, string code, DossierPart part, int page, int pageSize, CancellationToken ct = default)
    {
        var agency = await ResolveInScopeAsync(scope, query, ct);
        return await dossiers.GetAsync(new DossierListQuery(code, query.ToIndicatorQuery() with { AgencyCode = agency }, part, page, pageSize), ct);
    }

    public async Task<IAsyncEnumerable<DossierListItem>> StreamDossiersAsync(AgencyScope scope, DashboardQuery query, string code, DossierPart part, CancellationToken ct = default)
    {
        var agency = await ResolveInScopeAsync(scope, query, ct);
        return dossiers.StreamAsync(new DossierListQuery(code, query.ToIndicatorQuery() with { AgencyCode = agency }, part), ct);
    }

    /// <summary>Whether the indicator has a dossier list behind it (catalogue and manual items do not).</summary>
    public static bool HasDossiers(string code) => IndicatorFilters.Supports(code);
}

/// <summary>
/// Last stored time per source: from the change events of this process, seeded once by a background
/// scan of the dossiers (never on a page's path). One per process.
/// </summary>
public sealed class SourceFreshnessTracker(IDbContextFactory<ReportingDbContext> dbFactory, DataChangeNotifier notifier)
{
    private readonly ConcurrentDictionary<string, SourceFreshness> _sources = new(StringComparer.Ordinal);
    private int _tracking;

    public IReadOnlyList<SourceFreshness> Current()
    {
        if (Interlocked.Exchange(ref _tracking, 1) == 0)
        {
            notifier.Changed += change => Seen(change.Source, VietnamTime.ToLocal(change.At));
            _ = Task.Run(ScanAsync);
        }

        return _sources.Values.OrderBy(s => s.Source, StringComparer.Ordinal).ToList();
    }

    private async Task ScanAsync()
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var sources = await db.Dossiers.AsNoTracking().GroupBy(d => d.Source)
                .Select(g => new { Source = g.Key, Last = g.Max(d => d.StoredAt) }).ToListAsync();
            foreach (var source in sources)
            {
                Seen(source.Source, source.Last);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            // Freshness per source is a convenience; the overall time still shows.
        }
    }

    private void Seen(string source, DateTime at) =>
        _sources.AddOrUpdate(source, new SourceFreshness(source, at), (_, old) => at > old.LastStoredAt ? old with { LastStoredAt = at } : old);
}
