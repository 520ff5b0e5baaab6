using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Reporting.Core.Indicators;

namespace Reporting.Web.Dashboard;

/// <summary>
/// A ranking row as one piece of markup, built once per answer, rank, period and columns and
/// shared by every circuit showing it (ADR 018): the answers are the cache's immutable objects, so the
/// row's text lives as long as the answer and costs each open overview one frame instead of ≈ 150.
/// </summary>
public static class RankingRowMarkup
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly ConditionalWeakTable<IndicatorAnswer, ConcurrentDictionary<string, MarkupString>> Rows = new();

    public const string NameKey = "name";
    public const string TotalKey = "total";

    private static readonly ConditionalWeakTable<IReadOnlyList<IndicatorAnswer>, ConcurrentDictionary<string, IReadOnlyList<MarkupString>>> Pages = new();

    /// <summary>
    /// One page of a ranking's rows, sorted by <paramref name="sortKey"/> (the name, the total or an indicator code), ranks
    /// among every row: sorted once per list of answers (the cache's, shared by every circuit showing the view), sort, page,
    /// period and columns. Each row is its own shared string (<see cref="Row"/>), not the page as one string: after a data
    /// change Blazor compares each row's markup by value and sends only the rows whose text changed, where one string for
    /// the page re-sent the whole page to every open overview (issue 13: p95 2.6 s against 1.4 s at 1,000 circuits).
    /// Each row's link to its agency is stretched over the row (CSS <c>.ranking-row</c>): no click handler per row.
    /// </summary>
    public static IReadOnlyList<MarkupString> Page(IReadOnlyList<IndicatorAnswer> rows, string sortKey, bool descending, int page, int pageSize,
        DashboardQuery query, IReadOnlyList<string> columns)
    {
        var key = $"{sortKey}|{descending}|{page}|{pageSize}|{query.QueryString(withAgency: false)}|{string.Join(',', columns)}";
        return Pages.GetOrCreateValue(rows).GetOrAdd(key, _ =>
        {
            var sorted = sortKey switch
            {
                NameKey => descending ? rows.OrderByDescending(a => a.Agency.Name, Reporting.Core.VietnameseText.Order) : rows.OrderBy(a => a.Agency.Name, Reporting.Core.VietnameseText.Order),
                TotalKey => descending ? rows.OrderByDescending(a => a.Scorecard.TotalScore) : rows.OrderBy(a => a.Scorecard.TotalScore),
                var code => descending ? rows.OrderByDescending(a => a.Scorecard[code]?.Value ?? -1m) : rows.OrderBy(a => a.Scorecard[code]?.Value ?? -1m),
            };
            return sorted.Skip(page * pageSize).Take(pageSize)
                .Select(a => Row(a, 1 + rows.Count(r => r.Scorecard.TotalScore > a.Scorecard.TotalScore), query, columns))
                .ToArray();
        });
    }

    /// <summary>A ranking row, <c>tr</c> included, shared per answer, rank, period and columns.</summary>
    public static MarkupString Row(IndicatorAnswer answer, int rank, DashboardQuery query, IReadOnlyList<string> columns)
    {
        var key = $"{rank}|{query.QueryString(withAgency: false)}|{string.Join(',', columns)}";
        return Rows.GetOrCreateValue(answer).GetOrAdd(key, _ => Build(answer, rank, query, columns));
    }

    private static readonly ConcurrentDictionary<string, MarkupString> Options = new(StringComparer.Ordinal);

    /// <summary>
    /// The "extra column" choices: every catalogue indicator not already shown, after "(không thêm)". One string per set of
    /// shown columns (a handful of sets: the overview's and the agency pages'), shared by every open ranking.
    /// </summary>
    public static MarkupString ExtraOptions(IReadOnlyList<string> shown) =>
        Options.GetOrAdd(string.Join(',', shown), _ =>
        {
            var html = new StringBuilder("<option value=\"\">(không thêm)</option>", 8192);
            foreach (var d in IndicatorCatalog.All)
            {
                if (shown.Contains(d.Code))
                {
                    continue;
                }

                html.Append("<option value=\"").Append(E(d.Code)).Append("\">").Append(E(d.Code)).Append(" — ").Append(E(d.Name)).Append("</option>");
            }

            return new MarkupString(html.ToString());
        });

    private static MarkupString Build(IndicatorAnswer a, int rank, DashboardQuery query, IReadOnlyList<string> columns)
    {
        var html = new StringBuilder(256 + 400 * columns.Count);
        html.Append("<tr class=\"mud-table-row ranking-row\"><td class=\"mud-table-cell\">").Append(rank).Append("</td>");
        html.Append("<td class=\"mud-table-cell\"><a href=\"").Append(E(query.AgencyUrl(a.Agency.Code)))
            .Append("\" data-testid=\"agency-link\" data-agency=\"").Append(E(a.Agency.Code)).Append("\">")
            .Append(E(a.Agency.Name)).Append("</a></td>");
        html.Append("<td class=\"mud-table-cell num\" data-testid=\"row-total\">").Append(E(DashboardFormat.Score(a.Scorecard.TotalScore))).Append("</td>");
        foreach (var code in columns)
        {
            html.Append("<td class=\"mud-table-cell num\">");
            if (a.Scorecard[code] is { } r)
            {
                var s = DashboardFormat.Status(r.Status);
                var title = E(DashboardFormat.Explain(r, a.Window));
                html.Append("<span class=\"status-").Append(s.Css).Append("\">")
                    .Append("<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-small\" style=\"vertical-align: middle\" focusable=\"false\" viewBox=\"0 0 24 24\" role=\"img\" aria-label=\"")
                    .Append(E(s.Text)).Append("\"><title>").Append(E(s.Text)).Append("</title>").Append(s.Icon).Append("</svg> ");
                if (r.Value is null)
                {
                    html.Append("<span class=\"na\" data-testid=\"na\" data-code=\"").Append(E(r.Code)).Append("\" title=\"").Append(title).Append("\">N/A</span>");
                }
                else if (DashboardService.HasDossiers(code))
                {
                    html.Append("<a class=\"figure-link\" href=\"").Append(E(query.IndicatorUrl(code, a.Agency.Code, DossierPart.Numerator)))
                        .Append("\" data-testid=\"figure\" data-code=\"").Append(E(r.Code)).Append("\" title=\"").Append(title).Append("\">")
                        .Append(E(DashboardFormat.Value(r))).Append("</a>");
                }
                else
                {
                    html.Append("<span data-testid=\"figure\" data-code=\"").Append(E(r.Code)).Append("\" title=\"").Append(title).Append("\">")
                        .Append(E(DashboardFormat.Value(r))).Append("</span>");
                }

                html.Append("</span>");
            }

            html.Append("</td>");
        }

        html.Append("</tr>");
        return new MarkupString(html.ToString());
    }

    private static string E(string text) => Encoder.Encode(text);
}
