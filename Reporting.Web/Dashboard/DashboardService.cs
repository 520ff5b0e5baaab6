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

/// <summary>Indicator 2.1 of one procedure: <see cref="OnTime"/> (its numerator) over <see cref="InScope"/> (its denominator).</summary>
public sealed record ProcedureOnTime(string Code, string Name, int InScope, int OnTime, decimal Rate);

/// <summary>A dossier overdue today; <see cref="PromisedEstimated"/> when its promised date was estimated from the statutory time.</summary>
public sealed record OverdueDossier(string Source, string Code, string ProcedureName, string AgencyName, DateTime? ReceivedAt, DateTime? PromisedAt, int DaysLate, bool PromisedEstimated = false);

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
    DataVersions versions,
    SourceFreshnessTracker sources,
    TimeProvider clock)
{
    private const int CacheLimit = 256;

    /// <summary>Answers by query and data version: every circuit showing the same view shares one read.</summary>
    private readonly ConcurrentDictionary<string, (DataStamp Version, Task<object> Answer)> _cache = new();

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

    /// <summary>
    /// The data versions of the database, read at most once a second (ADR 006): bumped by every
    /// committed change on any node, so a cached answer is exact until they move.
    /// </summary>
    public Task<DataStamp> DataVersionAsync(CancellationToken ct = default) => versions.GetAsync(ct);

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

    /// <summary>
    /// Procedures of the agency's subtree with the lowest indicator 2.1 (computed per procedure by the
    /// same calculator as the scorecard) among those with at least <paramref name="minInScope"/> dossiers
    /// in its denominator.
    /// </summary>
    public async Task<IReadOnlyList<ProcedureOnTime>> GetWorstProceduresAsync(AgencyScope scope, DashboardQuery query, int take = 10, int minInScope = 5, CancellationToken ct = default)
    {
        var reference = await referenceData.GetAsync(ct);
        var agency = IndicatorService.ResolveAgency(reference.Tree, await ResolveInScopeAsync(scope, query, ct), query.View, Today);
        var members = reference.Tree.Members(agency.Id, query.View).ToList();
        var (first, last) = query.DateWindow.Buckets;
        var before = first - 1;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Two statements, one version of the figures (ADR 029).
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct);
        var cells = db.ProcedureBucketStats.AsNoTracking().Where(s => members.Contains(s.AgencyId));

        // The figures 2.1 reads (dossiers.md): new and handled in the window, open before it and at its end.
        var window = await cells.Where(s => s.Bucket >= first && s.Bucket <= last && (s.Received != 0 || s.HandledOnTime766 != 0))
            .GroupBy(s => s.ProcedureCode)
            .Select(g => new { Code = g.Key, Received = g.Sum(x => x.Received), OnTime = g.Sum(x => x.HandledOnTime766) })
            .ToListAsync(ct);
        var open = await cells.Where(s => (s.Bucket == before || s.Bucket == last) && s.Open != 0)
            .GroupBy(s => new { s.ProcedureCode, s.Bucket })
            .Select(g => new { g.Key.ProcedureCode, g.Key.Bucket, Open = g.Sum(x => x.Open), Within = g.Sum(x => x.OpenWithin766) })
            .ToListAsync(ct);

        var figures = new Dictionary<string, WindowFigures>(StringComparer.Ordinal);
        WindowFigures For(string code) => figures.TryGetValue(code, out var f) ? f : figures[code] = new WindowFigures();
        foreach (var w in window)
        {
            For(w.Code).InWindow.Received += w.Received;
            For(w.Code).InWindow.HandledOnTime766 += w.OnTime;
        }

        foreach (var o in open)
        {
            var into = o.Bucket == last ? For(o.ProcedureCode).OpenAtEnd : For(o.ProcedureCode).OpenAtStart;
            into.Open += o.Open;
            into.OpenWithin766 += o.Within;
        }

        return figures
            .Where(f => f.Value.InScope >= minInScope)
            .Select(f => (f.Key, Item: IndicatorCalculator.ComputeItem("2.1", f.Value)))
            .Where(r => r.Item.Value is not null)
            .Select(r => new ProcedureOnTime(r.Key, reference.Procedures.TryGetValue(r.Key, out var p) ? p.Name : r.Key,
                (int)r.Item.Denominator!.Value, (int)r.Item.Numerator!.Value, r.Item.Value!.Value))
            .OrderBy(r => r.Rate).ThenByDescending(r => r.InScope).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Take(take)
            .ToList();
    }

    /// <summary>
    /// Dossiers of the subtree overdue today by the one rule of dossiers.md (<see cref="DossierClock.OverdueAt"/>,
    /// the rule of Biểu 06 column 13), the longest overdue first.
    /// </summary>
    public async Task<(int Total, IReadOnlyList<OverdueDossier> Items)> GetOverdueAsync(AgencyScope scope, string? agencyCode, int take = 50, CancellationToken ct = default)
    {
        var reference = await referenceData.GetAsync(ct);
        var agency = IndicatorService.ResolveAgency(reference.Tree,
            await ResolveInScopeAsync(scope, new DashboardQuery(default, default, HistoryView.Current, agencyCode), ct), HistoryView.Current, Today);
        var members = reference.Tree.Members(agency.Id, HistoryView.Current).ToList();
        var today = Today.DayNumber;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var overdue = db.Dossiers.AsNoTracking().Where(d => members.Contains(d.AgencyId)).Where(DossierClock.OverdueAtFilter(today));
        var total = await overdue.CountAsync(ct);
        var rows = await overdue.OrderBy(d => d.PromisedDay).ThenBy(d => d.Code).Take(take).ToListAsync(ct);
        var items = rows.Select(d => new OverdueDossier(d.Source, d.Code, d.ProcedureName ?? d.ProcedureCode,
            reference.Tree.Find(d.AgencyId)?.Name ?? "", d.ReceivedAt, d.PromisedAt ?? (d.PromisedDay is { } p ? DateOnly.FromDayNumber(p).ToDateTime(TimeOnly.MinValue) : null),
            DossierClock.DaysLateAt(d, today), d.PromisedEstimated)).ToList();
        return (total, items);
    }

    /// <summary>When data last changed: overall from the aggregate state, per source from <see cref="SourceFreshnessTracker"/>.</summary>
    /// <remarks>The state row is read once per data version and shared: every open overview asks after each change.</remarks>
    public async Task<Freshness> GetFreshnessAsync(CancellationToken ct = default)
    {
        var state = await CachedAsync("state", async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var row = await db.AggregateStates.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync();
            return new Freshness(row?.LastChangeAt, row?.DataVersion ?? 0, []);
        }, ct);
        return state with { Sources = sources.Current() };
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
