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
}

/// <summary>
/// Indicators of an agency subtree for a period, from the aggregates. Scope is a parameter so that
/// callers restricted to a subtree (API keys, later user roles) use the same queries.
/// </summary>
public sealed class IndicatorService(IDbContextFactory<ReportingDbContext> dbFactory, ReferenceData referenceData, ActivityCache activityCache, TimeProvider clock)
{
    public async Task<IndicatorAnswer> GetAsync(IndicatorQuery query, CancellationToken ct = default)
    {
        var (answers, _) = await GetManyAsync(query, includeChildren: false, ct);
        return answers[0];
    }

    /// <summary>The agency and, when asked, each of its children in the view (for rankings).</summary>
    public async Task<(IReadOnlyList<IndicatorAnswer> Answers, AgencyTree Tree)> GetManyAsync(IndicatorQuery query, bool includeChildren, CancellationToken ct = default)
    {
        var reference = await referenceData.GetAsync(ct);
        var tree = reference.Tree;
        var today = VietnamTime.Today(clock);
        var agency = ResolveAgency(tree, query.AgencyCode, query.View, today);
        var window = query.Period.Window(query.WindowKind);
        if (window.From > today)
        {
            throw new QueryException("Kỳ báo cáo chưa bắt đầu", $"Kỳ {query.Period} ({window.Display}) chưa bắt đầu.", "period-not-started");
        }

        var byAgency = await AggregateReader.ReadByAgencyAsync(dbFactory, window, activityCache, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scoring = await LoadScoringAsync(db, query.Period, ct);
        var computedAt = clock.GetUtcNow().ToOffset(VietnamTime.Offset);

        var targets = new List<Agency> { agency };
        if (includeChildren)
        {
            targets.AddRange(ChildrenInView(tree, agency, query.View, window));
        }

        var answers = targets.Select(a =>
        {
            var figures = Sum(byAgency, tree.Members(a.Id, query.View));
            var catalogue = CatalogueFor(a, reference.Procedures.Values);
            var card = IndicatorCalculator.Compute(figures, catalogue, scoring.For(a));
            return new IndicatorAnswer(a, query.Period, query.WindowKind, window, query.View, computedAt, card, figures);
        }).ToList();
        return (answers, tree);
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

    private static async Task<ScoringData> LoadScoringAsync(ReportingDbContext db, PeriodKey period, CancellationToken ct)
    {
        var key = period.ToString();
        var targets = await db.Targets.AsNoTracking().Where(t => t.Year == period.Year).ToListAsync(ct);
        var manual = await db.ManualIndicatorValues.AsNoTracking().Where(m => m.PeriodKey == key).ToListAsync(ct);
        var bands = await db.RatingBands.AsNoTracking().ToListAsync(ct);
        var margin = await db.Settings.AsNoTracking().Where(s => s.Key == SettingKeys.NearTargetMargin).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return new ScoringData(targets, manual, bands,
            decimal.TryParse(margin, System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : 10m);
    }

    private sealed record ScoringData(List<Target> Targets, List<ManualIndicatorValue> Manual, List<RatingBand> Bands, decimal Margin)
    {
        public ScoringContext For(Agency agency)
        {
            var manual = Manual.Where(m => m.AgencyId == agency.Id).ToDictionary(m => m.IndicatorCode, StringComparer.OrdinalIgnoreCase);
            return new ScoringContext(code =>
            {
                var target = Targets.FirstOrDefault(t => t.IndicatorCode == code && t.AgencyId == agency.Id)
                    ?? Targets.FirstOrDefault(t => t.IndicatorCode == code && t.AgencyId == null && t.AgencyKind == agency.Kind)
                    ?? Targets.FirstOrDefault(t => t.IndicatorCode == code && t.AgencyId == null && t.AgencyKind == null);
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
