using Microsoft.EntityFrameworkCore;
using Reporting.Core.Agencies;
using Reporting.Core.Aggregates;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;
using Reporting.Core.Procedures;

namespace Reporting.Core.Indicators;

public sealed record IndicatorQuery(string? AgencyCode, PeriodKey Period, WindowKind WindowKind = WindowKind.Calendar, HistoryView View = HistoryView.Current);

/// <summary>The scorecard of one agency's subtree in one window, with the figures it came from.</summary>
public sealed record IndicatorAnswer(
    Agency Agency,
    PeriodKey Period,
    WindowKind WindowKind,
    DateWindow Window,
    HistoryView View,
    DateTimeOffset ComputedAt,
    Scorecard Scorecard,
    WindowFigures Figures);

/// <summary>A request that cannot be answered, with a Vietnamese explanation for the caller.</summary>
public sealed class QueryException(string title, string detail, string type = "invalid-query") : Exception(detail)
{
    public string Title { get; } = title;
    public string Type { get; } = type;

    public static QueryException PeriodNotStarted(PeriodKey period, DateWindow window) =>
        new("Kỳ báo cáo chưa bắt đầu", $"Kỳ {period} ({window.Display}) chưa bắt đầu.", "period-not-started");
}

/// <summary>
/// Indicators of an agency subtree for a period, from the aggregates. Scope is a parameter so that
/// callers restricted to a subtree (API keys, later user roles) use the same queries.
/// </summary>
public sealed class IndicatorService(
    IDbContextFactory<ReportingDbContext> dbFactory, ReferenceData referenceData, ActivityCache activityCache, TimeProvider clock)
{
    public async Task<IndicatorAnswer> GetAsync(IndicatorQuery query, CancellationToken ct = default)
    {
        var (answers, _) = await GetManyAsync(query, includeChildren: false, ct);
        return answers[0];
    }

    /// <summary>The agency and, when asked, each of its children in the view (for rankings).</summary>
    public async Task<(IReadOnlyList<IndicatorAnswer> Answers, AgencyTree Tree)> GetManyAsync(IndicatorQuery query, bool includeChildren, CancellationToken ct = default)
    {
        var (byPeriod, tree) = await GetPeriodsAsync(query, [query.Period], includeChildren, ct);
        if (byPeriod[0] is not { } answers)
        {
            throw QueryException.PeriodNotStarted(query.Period, query.Period.Window(query.WindowKind));
        }

        return (answers, tree);
    }

    /// <summary>
    /// The query's agency in several periods (the overview's period and the one before it, the points
    /// of a trend) from one read of the aggregates covering all their windows; null for a period not
    /// started yet. Children (for rankings) only in the first period when <paramref name="childrenOfFirst"/>.
    /// </summary>
    public async Task<(IReadOnlyList<IReadOnlyList<IndicatorAnswer>?> ByPeriod, AgencyTree Tree)> GetPeriodsAsync(
        IndicatorQuery query, IReadOnlyList<PeriodKey> periods, bool childrenOfFirst, CancellationToken ct = default)
    {
        var reference = await referenceData.GetAsync(ct);
        var tree = reference.Tree;
        var today = VietnamTime.Today(clock);
        var agency = ResolveAgency(tree, query.AgencyCode, query.View, today);
        var started = periods.Select(p => (Period: p, Window: p.Window(query.WindowKind))).Where(p => p.Window.From <= today).ToList();
        var scoringRead = LoadScoringAsync(started.Select(p => p.Period).ToList(), ct);
        var figures = started.Count == 0 ? [] : await AggregateReader.ReadByAgencyAsync(dbFactory, started.Select(p => p.Window).ToList(), activityCache, ct);
        var scoring = await scoringRead;
        var computedAt = clock.GetUtcNow().ToOffset(VietnamTime.Offset);
        var catalogues = new Dictionary<AgencyKind, IReadOnlyCollection<Procedure>>();

        var byPeriod = periods.Select(period =>
        {
            var i = started.FindIndex(p => p.Period == period);
            if (i < 0)
            {
                return null;
            }

            var window = started[i].Window;
            var targets = new List<Agency> { agency };
            if (childrenOfFirst && period == periods[0])
            {
                targets.AddRange(ChildrenInView(tree, agency, query.View, window));
            }

            return (IReadOnlyList<IndicatorAnswer>)targets.Select(a =>
            {
                var summed = Sum(figures[i], tree.Members(a.Id, query.View));
                if (!catalogues.TryGetValue(a.Kind, out var catalogue))
                {
                    catalogue = CatalogueFor(a, reference.Procedures.Values);
                    catalogues[a.Kind] = catalogue;
                }

                var card = IndicatorCalculator.Compute(summed, catalogue, scoring.For(period, a));
                return new IndicatorAnswer(a, period, query.WindowKind, window, query.View, computedAt, card, summed);
            }).ToList();
        }).ToList();
        return (byPeriod, tree);
    }

    public static Agency ResolveAgency(AgencyTree tree, string? code, HistoryView view, DateOnly today)
    {
        var agency = string.IsNullOrWhiteSpace(code) ? tree.Root : tree.FindByCode(code, today);
        if (agency is null)
        {
            throw new QueryException("Không tìm thấy đơn vị", string.IsNullOrWhiteSpace(code)
                ? "Chưa có cây đơn vị."
                : $"Không có đơn vị mã '{code}'.", "agency-not-found");
        }

        // An ended agency's figures live under its successor in today's structure.
        return view == HistoryView.Current ? tree.Find(tree.CurrentOf(agency.Id))! : agency;
    }

    /// <summary>Children shown in a ranking: in today's structure the current ones, otherwise those valid in the window.</summary>
    public static IEnumerable<Agency> ChildrenInView(AgencyTree tree, Agency parent, HistoryView view, DateWindow window) =>
        tree.Children(parent.Id).Where(c => view == HistoryView.Current
            ? tree.CurrentOf(c.Id) == c.Id
            : c.ValidFrom <= window.To && (c.ValidTo is null || c.ValidTo >= window.From));

    public static WindowFigures Sum(Dictionary<int, WindowFigures> byAgency, IEnumerable<int> members)
    {
        var total = new WindowFigures();
        foreach (var id in members)
        {
            if (byAgency.TryGetValue(id, out var f))
            {
                total.Add(f);
            }
        }

        return total;
    }

    /// <summary>Catalogue items count the procedures of the agency's level; the province counts them all.</summary>
    public static IReadOnlyCollection<Procedure> CatalogueFor(Agency agency, IEnumerable<Procedure> procedures) => agency.Kind switch
    {
        AgencyKind.Department or AgencyKind.ServiceCentre => procedures.Where(p => p.AtProvinceLevel).ToList(),
        AgencyKind.Commune or AgencyKind.District => procedures.Where(p => p.AtCommuneLevel).ToList(),
        _ => procedures.ToList(),
    };

    /// <summary>Targets of the periods' years, manual values of the periods, bands and margin: four queries for any number of periods.</summary>
    private async Task<ScoringData> LoadScoringAsync(IReadOnlyList<PeriodKey> periods, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var years = periods.Select(p => p.Year).Distinct().ToList();
        var keys = periods.Select(p => p.ToString()).Distinct().ToList();
        var targets = await db.Targets.AsNoTracking().Where(t => years.Contains(t.Year)).ToListAsync(ct);
        var manual = await db.ManualIndicatorValues.AsNoTracking().Where(m => keys.Contains(m.PeriodKey)).ToListAsync(ct);
        var bands = await db.RatingBands.AsNoTracking().ToListAsync(ct);
        var margin = await db.Settings.AsNoTracking().Where(s => s.Key == SettingKeys.NearTargetMargin).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return new ScoringData(targets, manual, bands,
            decimal.TryParse(margin, System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : 10m);
    }

    private sealed record ScoringData(List<Target> Targets, List<ManualIndicatorValue> Manual, List<RatingBand> Bands, decimal Margin)
    {
        public ScoringContext For(PeriodKey period, Agency agency)
        {
            var key = period.ToString();
            var targets = Targets.Where(t => t.Year == period.Year).ToList();
            var manual = Manual.Where(m => m.AgencyId == agency.Id && m.PeriodKey == key).ToDictionary(m => m.IndicatorCode, StringComparer.OrdinalIgnoreCase);
            return new ScoringContext(code =>
            {
                var target = targets.FirstOrDefault(t => t.IndicatorCode == code && t.AgencyId == agency.Id)
                    ?? targets.FirstOrDefault(t => t.IndicatorCode == code && t.AgencyId == null && t.AgencyKind == agency.Kind)
                    ?? targets.FirstOrDefault(t => t.IndicatorCode == code && t.AgencyId == null && t.AgencyKind == null);
                return target is null ? null : (target.Value, target.HigherIsBetter);
            }, manual, Bands, Margin);
        }
    }
}

public static class SettingKeys
{
    /// <summary>Points below a target still shown amber rather than red (default 10).</summary>
    public const string NearTargetMargin = "Targets.NearMargin";

    /// <summary>"first" or "last": where Biểu 06 puts its grand total row.</summary>
    public const string Bieu06TotalRow = "Bieu06.TotalRow";
}
