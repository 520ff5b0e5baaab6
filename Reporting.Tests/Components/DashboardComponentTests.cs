using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components;
using Reporting.Core.Agencies;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;
using Reporting.Web.Dashboard;

namespace Reporting.Tests.Components;

public sealed class KpiCardTests : DashboardComponentContext
{
    [Fact]
    public void Shows_value_fraction_status_by_icon_and_text_and_change_in_vi_VN()
    {
        var cut = Render<KpiCard>(p => p
            .Add(c => c.Result, Result("2.1", 12345, 14452, 85.42m, TargetStatus.Met, target: 80m))
            .Add(c => c.Previous, Result("2.1", 100, 120, 83.33m, TargetStatus.Met, target: 80m))
            .Add(c => c.Window, Q3.DateWindow)
            .Add(c => c.Href, "/chi-so/2.1?period=2026-Q3"));

        Assert.Equal("85,42 %", cut.Find("[data-testid=figure]").TextContent.Trim());
        Assert.Equal("/chi-so/2.1?period=2026-Q3", cut.Find("a[data-testid=figure]").GetAttribute("href"));
        Assert.Equal("12.345 / 14.452", cut.Find("[data-testid=fraction]").TextContent.Trim());
        var status = cut.Find("[data-testid=status]");
        Assert.Equal("met", status.GetAttribute("data-status"));
        Assert.Contains("Đạt chỉ tiêu", status.TextContent);
        Assert.NotNull(status.QuerySelector("svg"));
        Assert.Contains("+2,09 điểm %", cut.Find("[data-testid=change]").TextContent);
        Assert.Contains("Chỉ tiêu 80,00 %", cut.Markup);
    }

    [Theory]
    [InlineData(TargetStatus.Near, "near", "Gần đạt")]
    [InlineData(TargetStatus.Below, "below", "Chưa đạt")]
    [InlineData(TargetStatus.NoTarget, "none", "Không có chỉ tiêu")]
    public void Every_status_has_its_own_text_besides_its_colour(TargetStatus status, string css, string text)
    {
        var cut = Render<KpiCard>(p => p
            .Add(c => c.Result, Result("3.6", 1, 2, 50m, status))
            .Add(c => c.Window, Q3.DateWindow));

        var chip = cut.Find("[data-testid=status]");
        Assert.Equal(css, chip.GetAttribute("data-status"));
        Assert.Contains(text, chip.TextContent);
    }
}

public sealed class NotApplicableTests : DashboardComponentContext
{
    [Fact]
    public void A_figure_without_value_shows_NA_with_its_reason_and_no_link()
    {
        var cut = Render<FigureLink>(p => p
            .Add(c => c.Result, Result("1.4", 0, 120, null, TargetStatus.NotApplicable, reason: IndicatorCalculator.NoSyncData))
            .Add(c => c.Window, Q3.DateWindow)
            .Add(c => c.Href, "/chi-so/1.4"));

        Assert.Equal("N/A", cut.Find("[data-testid=na]").TextContent.Trim());
        Assert.Contains(IndicatorCalculator.NoSyncData, cut.Find(".na-reason").TextContent);
        Assert.Empty(cut.FindAll("a"));
    }

    [Fact]
    public void Tooltip_text_gives_numerator_denominator_and_window()
    {
        var text = DashboardFormat.Explain(Result("2.1", 12345, 14452, 85.42m, TargetStatus.Met), Q3.DateWindow);
        Assert.Equal("Tử số 12.345 / mẫu số 14.452; kỳ 01/07/2026 – 30/09/2026", text);
    }
}

public sealed class ScorecardPanelTests : DashboardComponentContext
{
    [Fact]
    public void Shows_total_rating_six_groups_and_marks_manual_and_NA_items()
    {
        var answer = Answer("000.00.00.H98", "Ủy ban nhân dân tỉnh Sơn Hà", AgencyKind.Province, OnTime(90));
        var cut = Render<ScorecardPanel>(p => p.Add(c => c.Answer, answer).Add(c => c.Query, Q3));

        var card = answer.Scorecard;
        Assert.Equal(DashboardFormat.Score(card.TotalScore), cut.Find("[data-testid=total-score] b").TextContent);
        Assert.Contains("/100 điểm", cut.Find("[data-testid=total-score]").TextContent);
        Assert.Equal("Tốt", cut.Find("[data-testid=rating]").TextContent.Trim());
        Assert.Equal(6, cut.FindAll("[data-testid=group]").Count);
        Assert.Equal($"{DashboardFormat.Score(card.Groups[1].Score)}/20", cut.FindAll("[data-testid=group-score]")[1].TextContent);

        // Every item is listed once the native <details> is opened (folded, the list is not rendered at all: ADR 018, 028),
        // and no MudBlazor component is left in the panel (each was two frame buffers in every open overview).
        Assert.Empty(cut.FindComponents<MudBlazor.MudComponentBase>());
        Assert.Equal("details", cut.Find("[data-testid=all-items]").TagName.ToLowerInvariant());
        Assert.Empty(cut.FindAll("[data-testid=indicator-row]"));
        cut.Find("[data-testid=all-items] > summary").Click();
        cut.WaitForAssertion(() => Assert.Equal(card.Indicators.Count, cut.FindAll("[data-testid=indicator-row]").Count));
        Assert.Empty(cut.FindComponents<MudBlazor.MudComponentBase>());

        // Manual items are marked, and items without data show N/A with their reason.
        Assert.Equal(IndicatorCatalog.All.Count(d => d.Kind == IndicatorKind.Manual), cut.FindAll("[data-testid=manual]").Count);
        Assert.Contains(cut.FindAll("[data-testid=na-reason]"), e => e.TextContent.Contains(IndicatorCalculator.NotEntered));
        var onTime = cut.Find("[data-testid=indicator-row][data-code='2.1'] [data-testid=figure]");
        Assert.Equal(DashboardFormat.Value(card["2.1"]!), onTime.TextContent.Trim());
    }
}

public sealed class RankingTableTests : DashboardComponentContext
{
    private static readonly IndicatorAnswer[] Rows =
    [
        Answer("A", "Sở Alpha", AgencyKind.Department, OnTime(70)),
        Answer("B", "Sở Beta", AgencyKind.Department, OnTime(95)),
        Answer("C", "Sở Gamma", AgencyKind.Department, OnTime(80)),
    ];

    private IRenderedComponent<RankingTable> RenderRanking() => Render<RankingTable>(p => p
        .Add(c => c.Title, "Xếp hạng sở, ban, ngành")
        .Add(c => c.Rows, Rows)
        .Add(c => c.Query, Q3));

    private static List<string> Names(IRenderedComponent<RankingTable> cut) =>
        cut.FindAll("[data-testid=agency-link]").Select(a => a.TextContent).ToList();

    [Fact]
    public void Sorts_by_an_indicator_both_ways()
    {
        var cut = RenderRanking();
        cut.Find("[data-testid='sort-2.1']").Click();
        cut.WaitForAssertion(() => Assert.Equal(["Sở Alpha", "Sở Gamma", "Sở Beta"], Names(cut)));
        cut.Find("[data-testid='sort-2.1']").Click();
        cut.WaitForAssertion(() => Assert.Equal(["Sở Beta", "Sở Gamma", "Sở Alpha"], Names(cut)));
    }

    [Fact]
    public void Links_open_the_agency_with_the_same_period_and_show_status_icons()
    {
        var cut = RenderRanking();
        var link = cut.FindAll("[data-testid=agency-link]").First(a => a.TextContent == "Sở Beta");
        Assert.Equal("/don-vi/B?period=2026-Q3&window=calendar&structure=current", link.GetAttribute("href"));
        Assert.NotEmpty(cut.FindAll("td .status-met svg, td .status-below svg"));

        // A click anywhere on a row opens the agency: the row's agency link is stretched over it (CSS .ranking-row), no handler per row.
        var row = cut.FindAll("tbody tr")[0];
        Assert.Contains("ranking-row", row.ClassList);
        Assert.StartsWith("/don-vi/", row.QuerySelector("[data-testid=agency-link]")!.GetAttribute("href"));
    }

    [Fact]
    public void Viewers_of_the_same_rows_share_one_page_of_markup_and_sort_on_their_own()
    {
        var rows = new[]
        {
            Answer("A", "Sở Alpha", AgencyKind.Department, OnTime(90)),
            Answer("B", "Sở Beta", AgencyKind.Department, OnTime(40)),
        };
        var columns = DashboardService.KpiCodes;
        var first = RankingRowMarkup.Page(rows, RankingRowMarkup.TotalKey, true, 0, RankingTable.PageSize, Q3, columns);
        var again = RankingRowMarkup.Page(rows, RankingRowMarkup.TotalKey, true, 0, RankingTable.PageSize, Q3, columns);
        Assert.Same(first, again);
        // Each row's text is shared whatever the sort: the same string for an agency's row sorted by name or by total.
        var byName = RankingRowMarkup.Page(rows, RankingRowMarkup.NameKey, false, 0, RankingTable.PageSize, Q3, columns);
        Assert.Same(first[0].Value, byName[0].Value);
        Assert.Same(first[1].Value, byName[1].Value);

        var one = Render<RankingTable>(p => p.Add(c => c.Title, "Xếp hạng").Add(c => c.Rows, rows).Add(c => c.Query, Q3));
        var two = Render<RankingTable>(p => p.Add(c => c.Title, "Xếp hạng").Add(c => c.Rows, rows).Add(c => c.Query, Q3));
        one.Find("[data-testid=sort-name]").Click();
        one.WaitForAssertion(() => Assert.Equal(["Sở Alpha", "Sở Beta"], Names(one)));
        two.Find("[data-testid=sort-name]").Click();
        two.Find("[data-testid=sort-name]").Click();
        two.WaitForAssertion(() => Assert.Equal(["Sở Beta", "Sở Alpha"], Names(two)));
        Assert.Equal(["Sở Alpha", "Sở Beta"], Names(one));
    }
}

public sealed class RankingPagesTests : DashboardComponentContext
{
    [Fact]
    public void Renders_one_page_of_rows_ranked_among_all_and_pages_through_the_rest()
    {
        // 25 communes, the on-time rate rising with the number: the best total is the last one.
        var rows = Enumerable.Range(1, 25)
            .Select(i => Answer($"X{i:D2}", $"Xã {i:D2}", AgencyKind.Commune, OnTime(50 + i)))
            .ToList();
        var cut = Render<RankingTable>(p => p.Add(c => c.Title, "Xếp hạng xã, phường").Add(c => c.Rows, rows).Add(c => c.Query, Q3));

        List<string> Names() => cut.FindAll("[data-testid=agency-link]").Select(a => a.TextContent).ToList();
        var best = rows.OrderByDescending(r => r.Scorecard.TotalScore).ToList();
        Assert.Equal(best.Take(RankingTable.PageSize).Select(r => r.Agency.Name), Names());
        Assert.Contains("Trang 1/2 · 25 đơn vị", cut.Find("[data-testid=page-of]").TextContent);
        Assert.True(cut.Find("[data-testid=page-previous]").HasAttribute("disabled"));

        cut.Find("[data-testid=page-next]").Click();
        cut.WaitForAssertion(() => Assert.Equal(best.Skip(RankingTable.PageSize).Select(r => r.Agency.Name), Names()));
        // Ranks are among every row, not the page's.
        var first = best[RankingTable.PageSize];
        var rank = cut.FindAll("tbody tr td:first-child")[0].TextContent.Trim();
        Assert.Equal(1 + rows.Count(r => r.Scorecard.TotalScore > first.Scorecard.TotalScore), int.Parse(rank, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(int.Parse(rank, System.Globalization.CultureInfo.InvariantCulture) > 1);

        // A new sort starts again from the first page.
        cut.Find("[data-testid=sort-name]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Xã 01", Names()[0]));
        Assert.Contains("Trang 1/2", cut.Find("[data-testid=page-of]").TextContent);
    }
}

public sealed class RankingRowsAfterDataChangeTests : DashboardComponentContext
{
    [Fact]
    public void Rows_shared_between_viewers_show_each_answer_s_own_figures_when_new_answers_arrive()
    {
        // Two viewers of the same view share the row markup of the same answers; a data change brings new answers.
        IndicatorAnswer[] Version(int onTime) =>
            [Answer("A", "Sở Alpha", AgencyKind.Department, OnTime(onTime)), Answer("B", "Sở Beta", AgencyKind.Department, OnTime(onTime + 10))];
        string Figure(IRenderedComponent<RankingTable> cut, string agency) =>
            cut.FindAll("tbody tr").Single(tr => tr.QuerySelector($"[data-agency='{agency}']") is not null)
                .QuerySelector("[data-code='2.1'][data-testid=figure]")!.TextContent;

        var first = Version(60);
        var viewerOne = Render<RankingTable>(p => p.Add(c => c.Title, "Xếp hạng").Add(c => c.Rows, first).Add(c => c.Query, Q3));
        var viewerTwo = Render<RankingTable>(p => p.Add(c => c.Title, "Xếp hạng").Add(c => c.Rows, first).Add(c => c.Query, Q3));
        Assert.Equal(DashboardFormat.Value(first[0].Scorecard["2.1"]!), Figure(viewerOne, "A"));
        Assert.Equal(Figure(viewerOne, "B"), Figure(viewerTwo, "B"));

        var second = Version(80);
        viewerOne.Render(p => p.Add(c => c.Rows, second));
        Assert.Equal(DashboardFormat.Value(second[0].Scorecard["2.1"]!), Figure(viewerOne, "A"));
        Assert.NotEqual(Figure(viewerOne, "A"), Figure(viewerTwo, "A"));
        Assert.Equal(DashboardFormat.Value(first[0].Scorecard["2.1"]!), Figure(viewerTwo, "A"));
    }
}

public sealed class PeriodPickerTests : DashboardComponentContext
{
    [Fact]
    public void Shows_the_window_dates_and_asks_for_the_cutoff_window()
    {
        DashboardQuery? asked = null;
        var cut = Render<PeriodPicker>(p => p
            .Add(c => c.Query, Q3)
            .Add(c => c.Today, new DateOnly(2026, 11, 20))
            .Add(c => c.QueryChanged, EventCallback.Factory.Create<DashboardQuery>(this, q => asked = q)));

        Assert.Contains("từ ngày 01/07/2026 đến ngày 30/09/2026", cut.Find("[data-testid=window-dates]").TextContent);
        cut.Find("[data-testid=window-cutoff]").Click();
        Assert.Equal(Q3 with { Window = WindowKind.Cutoff }, asked);
        cut.Find("[data-testid=structure-historical]").Click();
        Assert.Equal(Q3 with { View = HistoryView.Historical }, asked);
    }

    [Fact]
    public void The_native_selects_ask_for_the_chosen_period_and_the_latest_period_of_a_chosen_kind()
    {
        DashboardQuery? asked = null;
        var cut = Render<PeriodPicker>(p => p
            .Add(c => c.Query, Q3)
            .Add(c => c.Today, new DateOnly(2026, 11, 20))
            .Add(c => c.QueryChanged, EventCallback.Factory.Create<DashboardQuery>(this, q => asked = q)));

        Assert.Equal(["2026-Q4", "2026-Q3"], cut.FindAll("[data-testid=period-key] option").Take(2).Select(o => o.GetAttribute("value")));
        cut.Find("[data-testid=period-key]").Change("2026-Q2");
        Assert.Equal(Q3 with { Period = PeriodKey.Quarter(2026, 2) }, asked);
        cut.Find("[data-testid=period-kind]").Change(nameof(PeriodKind.Month));
        Assert.Equal(Q3 with { Period = PeriodKey.Month(2026, 11) }, asked);
        Assert.Equal("true", cut.Find("[data-testid=window-calendar]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void A_live_refresh_with_the_same_query_does_not_render_the_picker_again()
    {
        // Every open overview re-renders on a data change; the picker's options only change with the query or the day (ADR 028).
        var cut = Render<PeriodPicker>(p => p.Add(c => c.Query, Q3).Add(c => c.Today, new DateOnly(2026, 11, 20)));
        var renders = cut.RenderCount;
        cut.Render(p => p.Add(c => c.Query, Q3 with { }).Add(c => c.Today, new DateOnly(2026, 11, 20)));
        Assert.Equal(renders, cut.RenderCount);

        cut.Render(p => p.Add(c => c.Query, Q3 with { Period = PeriodKey.Quarter(2026, 2) }));
        Assert.Equal(renders + 1, cut.RenderCount);
        Assert.Contains("từ ngày 01/04/2026 đến ngày 30/06/2026", cut.Find("[data-testid=window-dates]").TextContent);
    }

    [Fact]
    public void Offers_started_periods_of_each_kind_latest_first()
    {
        var cut = Render<PeriodPicker>(p => p.Add(c => c.Query, Q3).Add(c => c.Today, new DateOnly(2026, 11, 20)));
        Assert.Equal(PeriodKey.Quarter(2026, 4), cut.Instance.Options(PeriodKind.Quarter)[0]);
        Assert.Equal(PeriodKey.Month(2026, 11), cut.Instance.Options(PeriodKind.Month)[0]);
        Assert.Equal(PeriodKey.NineMonths(2026), cut.Instance.Options(PeriodKind.NineMonths)[0]);
        Assert.Equal(8, cut.Instance.Options(PeriodKind.Quarter).Count);
    }

    [Fact]
    public void Query_round_trips_through_the_URL()
    {
        var q = DashboardQuery.From("2026-H1", "cutoff", "historical", "000.00.12.H98", new DateOnly(2026, 11, 20));
        Assert.Equal("period=2026-H1&window=cutoff&structure=historical&agency=000.00.12.H98", q.QueryString());
        var fallback = DashboardQuery.From("nonsense", null, null, null, new DateOnly(2026, 11, 20));
        Assert.Equal(PeriodKey.Quarter(2026, 4), fallback.Period);
    }
}
