using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;

namespace Reporting.Web.Dashboard;

/// <summary>
/// A figure, its status and a whole KPI card as plain markup (ADR 018, issue 13): no component, tooltip or chip per
/// figure. The explanation (numerator, denominator, window, N/A reason) is the figure's <c>title</c>, the numerator and
/// denominator are also written on the card, and a figure with dossiers behind it links to them. A card is built once per
/// shared cached result (held weakly by it, so it lives as long as the answer) and the same string is sent by every circuit.
/// </summary>
public static class FigureMarkup
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly ConditionalWeakTable<IndicatorResult, ConcurrentDictionary<string, MarkupString>> Cards = new();

    /// <summary>A KPI card: name, figure (linked to <paramref name="href"/>), fraction, status, target and change against <paramref name="previous"/>.</summary>
    public static MarkupString Card(IndicatorResult result, IndicatorResult? previous, DateWindow window, string? href)
    {
        var key = $"{href}|{previous?.Value}|{window.From.DayNumber}-{window.To.DayNumber}";
        return Cards.GetOrCreateValue(result).GetOrAdd(key, _ => new MarkupString(BuildCard(result, previous, window, href)));
    }

    /// <summary>The figure alone (N/A with its reason when <paramref name="showReason"/>), its explanation as its title.</summary>
    public static MarkupString Figure(IndicatorResult result, DateWindow window, string? href, string? cssClass = null, bool showReason = true)
    {
        var html = new StringBuilder(256);
        AppendFigure(html, result, window, href, cssClass, showReason);
        return new MarkupString(html.ToString());
    }

    /// <summary>A target status by colour, icon and text (never colour alone).</summary>
    public static MarkupString Status(TargetStatus status)
    {
        var html = new StringBuilder(512);
        AppendStatus(html, status);
        return new MarkupString(html.ToString());
    }

    private static string BuildCard(IndicatorResult r, IndicatorResult? previous, DateWindow window, string? href)
    {
        var html = new StringBuilder(1024);
        html.Append("<div data-testid=\"kpi-card\" data-code=\"").Append(E(r.Code)).Append("\" class=\"mud-paper mud-elevation-1 pa-3 kpi-card\">");
        html.Append("<p class=\"mud-typography mud-typography-subtitle2\" style=\"min-height: 2.6em\">").Append(E(r.Definition.Name)).Append("</p>");
        html.Append("<div class=\"kpi-value\">");
        AppendFigure(html, r, window, href, null, showReason: true);
        html.Append("</div>");
        if (!r.Manual)
        {
            html.Append("<span data-testid=\"fraction\" class=\"mud-typography mud-typography-caption\">")
                .Append(E(DashboardFormat.Count(r.Numerator))).Append(" / ").Append(E(DashboardFormat.Count(r.Denominator))).Append("</span>");
        }

        html.Append("<div class=\"d-flex align-center flex-wrap gap-1 mt-1\">");
        AppendStatus(html, r.Status);
        if (r.Target is { } target)
        {
            html.Append("<span class=\"mud-typography mud-typography-caption\">Chỉ tiêu ").Append(E(DashboardFormat.Number(target, r.Definition.Unit))).Append("</span>");
        }

        html.Append("</div>");
        html.Append("<span data-testid=\"change\" class=\"mud-typography mud-typography-caption\">So với kỳ trước: ")
            .Append(E(DashboardFormat.Change(r, previous) ?? "—")).Append("</span>");
        html.Append("</div>");
        return html.ToString();
    }

    private static void AppendFigure(StringBuilder html, IndicatorResult r, DateWindow window, string? href, string? cssClass, bool showReason)
    {
        var title = E(DashboardFormat.Explain(r, window));
        var extra = string.IsNullOrEmpty(cssClass) ? "" : " " + E(cssClass);
        if (r.Value is null)
        {
            html.Append("<span class=\"na").Append(extra).Append("\" data-testid=\"na\" data-code=\"").Append(E(r.Code)).Append("\" title=\"").Append(title).Append("\">N/A</span>");
            if (showReason && r.NotApplicableReason is { } reason)
            {
                html.Append("<div class=\"na-reason\">").Append(E(reason)).Append("</div>");
            }
        }
        else if (href is not null)
        {
            html.Append("<a class=\"figure-link").Append(extra).Append("\" href=\"").Append(E(href)).Append("\" data-testid=\"figure\" data-code=\"").Append(E(r.Code))
                .Append("\" title=\"").Append(title).Append("\">").Append(E(DashboardFormat.Value(r))).Append("</a>");
        }
        else
        {
            html.Append("<span class=\"").Append(extra.TrimStart()).Append("\" data-testid=\"figure\" data-code=\"").Append(E(r.Code))
                .Append("\" title=\"").Append(title).Append("\">").Append(E(DashboardFormat.Value(r))).Append("</span>");
        }
    }

    private static void AppendStatus(StringBuilder html, TargetStatus status)
    {
        var s = DashboardFormat.Status(status);
        html.Append("<div class=\"mud-chip-container\"><div class=\"mud-chip mud-chip-text mud-chip-size-small mud-chip-color-")
            .Append(s.Color.ToString().ToLowerInvariant()).Append(" status-").Append(s.Css)
            .Append("\" data-testid=\"status\" data-status=\"").Append(s.Css).Append("\">")
            .Append("<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-small mud-chip-icon\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">")
            .Append(s.Icon).Append("</svg><span class=\"mud-chip-content\">").Append(E(s.Text)).Append("</span></div></div>");
    }

    private static string E(string text) => Encoder.Encode(text);
}
