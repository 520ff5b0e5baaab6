using Reporting.Core.Agencies;
using Reporting.Core.Periods;
using Reporting.Core.Indicators;
using Reporting.Web.Api;

namespace Reporting.Web.Dashboard;

/// <summary>
/// What a dashboard shows: period, window, history view and agency. Lives in the URL query
/// (<c>?period=2026-Q3&amp;window=calendar&amp;structure=current&amp;agency=…</c>) so views can be bookmarked.
/// </summary>
public sealed record DashboardQuery(PeriodKey Period, WindowKind Window, HistoryView View, string? Agency)
{
    public static DashboardQuery Default(DateOnly today) =>
        new(PeriodKey.Containing(PeriodKind.Quarter, today), WindowKind.Calendar, HistoryView.Current, null);

    /// <summary>Reads the query values; anything missing or invalid falls back to the default.</summary>
    public static DashboardQuery From(string? period, string? window, string? structure, string? agency, DateOnly today)
    {
        var fallback = Default(today);
        var key = PeriodKey.TryParse(period, out var parsed) ? parsed : fallback.Period;
        var windowKind = string.Equals(window, "cutoff", StringComparison.OrdinalIgnoreCase) ? WindowKind.Cutoff : WindowKind.Calendar;
        var view = string.Equals(structure, "historical", StringComparison.OrdinalIgnoreCase) ? HistoryView.Historical : HistoryView.Current;
        return new DashboardQuery(key, windowKind, view, string.IsNullOrWhiteSpace(agency) ? null : agency.Trim());
    }

    public DateWindow DateWindow => Period.Window(Window);

    public IndicatorQuery ToIndicatorQuery() => new(Agency, Period, Window, View);

    /// <summary>The query string, agency included when set.</summary>
    public string QueryString(bool withAgency = true)
    {
        var q = $"period={Uri.EscapeDataString(Period.ToString())}&window={Window.Name()}&structure={View.Name()}";
        return withAgency && Agency is { } a ? q + "&agency=" + Uri.EscapeDataString(a) : q;
    }

    public string OverviewUrl(string? path = null) => (path ?? "/") + "?" + QueryString();

    public string AgencyUrl(string code) => $"/don-vi/{Uri.EscapeDataString(code)}?{QueryString(withAgency: false)}";

    /// <summary>An indicator's page; <paramref name="page"/> (from 1) and <paramref name="size"/> of its dossier list, left out at their defaults.</summary>
    public string IndicatorUrl(string code, string? agency = null, DossierPart? part = null, int page = 1, int size = DossierPageSizes.Default)
    {
        var url = $"/chi-so/{Uri.EscapeDataString(code)}?{QueryString(withAgency: false)}";
        if ((agency ?? Agency) is { } a) url += "&agency=" + Uri.EscapeDataString(a);
        if (part is { } p) url += "&part=" + p.ToString().ToLowerInvariant();
        if (page > 1) url += "&page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (size != DossierPageSizes.Default) url += "&size=" + size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return url;
    }

    public string ExportUrl(string code, DossierPart part)
    {
        var url = $"/exports/indicators/{Uri.EscapeDataString(code)}/dossiers.xlsx?{QueryString(withAgency: false)}&part={part.ToString().ToLowerInvariant()}";
        return Agency is { } a ? url + "&agency=" + Uri.EscapeDataString(a) : url;
    }
}

/// <summary>The page sizes of an indicator's dossier list (<c>?size=</c>); anything else falls back to the default.</summary>
public static class DossierPageSizes
{
    public const int Default = 20;

    public static IReadOnlyList<int> Options { get; } = [20, 50, 100];

    public static int From(int? size) => size is { } s && Options.Contains(s) ? s : Default;
}
