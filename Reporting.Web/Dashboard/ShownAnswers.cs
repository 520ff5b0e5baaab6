using Reporting.Core.Indicators;

namespace Reporting.Web.Dashboard;

/// <summary>
/// Whether two readings of a view show the same thing (ADR 028, issue 13): every figure, score, status, target, N/A
/// reason and name a dashboard shows from them. A new data version whose answers for a view compare equal keeps the
/// previous version's objects (<see cref="DashboardService"/>), so an open page compares references and skips its render:
/// a change to another agency's dossiers no longer re-renders a department's overview.
/// </summary>
public static class ShownAnswers
{
    public static bool Same(DashboardData a, DashboardData b) =>
        Same(a.Current, b.Current)
        && (a.Previous is null ? b.Previous is null : b.Previous is not null && Same(a.Previous, b.Previous))
        && a.Children.Count == b.Children.Count && a.Children.Zip(b.Children).All(p => Same(p.First, p.Second))
        && a.Path.Select(x => (x.Id, x.Code, x.Name)).SequenceEqual(b.Path.Select(x => (x.Id, x.Code, x.Name)));

    public static bool Same(IndicatorAnswer a, IndicatorAnswer b) =>
        a.Agency.Id == b.Agency.Id && a.Agency.Code == b.Agency.Code && a.Agency.Name == b.Agency.Name && a.Agency.Kind == b.Agency.Kind
        && a.Period == b.Period && a.WindowKind == b.WindowKind && a.Window == b.Window && a.View == b.View
        && Same(a.Scorecard, b.Scorecard)
        && a.Figures.New == b.Figures.New && a.Figures.NewOnline == b.Figures.NewOnline && a.Figures.CarriedOver == b.Figures.CarriedOver
        && a.Figures.Handled == b.Figures.Handled && a.Figures.InProgress == b.Figures.InProgress;

    // IndicatorResult is a record of the definition and values: its equality is the values'.
    private static bool Same(Scorecard a, Scorecard b) =>
        a.TotalScore == b.TotalScore && a.MaxScore == b.MaxScore && a.Rating == b.Rating
        && a.Groups.Count == b.Groups.Count
        && a.Groups.Zip(b.Groups).All(p => p.First.Group == p.Second.Group && p.First.Score == p.Second.Score && p.First.MissingItems.SequenceEqual(p.Second.MissingItems))
        && a.Indicators.SequenceEqual(b.Indicators);

    public static bool Same(IReadOnlyList<TrendPoint> a, IReadOnlyList<TrendPoint> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Period == p.Second.Period
            && Same(p.First.Values, p.Second.Values) && Same(p.First.Targets, p.Second.Targets));

    private static bool Same(IReadOnlyDictionary<string, decimal?> a, IReadOnlyDictionary<string, decimal?> b) =>
        a.Count == b.Count && a.All(x => b.TryGetValue(x.Key, out var y) && y == x.Value);
}
