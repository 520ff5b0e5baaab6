using Bunit;
using Reporting.Core.Agencies;
using Reporting.Core.Indicators;
using Reporting.Web.Dashboard;

namespace Reporting.Tests.Components;

public sealed class WallRankingTests : DashboardComponentContext
{
    // 14 departments; two share a total (the same on-time count), so they share a rank.
    private static readonly IndicatorAnswer[] Rows = Enumerable.Range(0, 14)
        .Select(i => Answer($"D{i:00}", $"Sở {i:00}", AgencyKind.Department, OnTime(i == 13 ? 62 : 50 + 3 * i)))
        .ToArray();

    private static int RankOf(IndicatorAnswer a) => 1 + Rows.Count(r => r.Scorecard.TotalScore > a.Scorecard.TotalScore);

    [Fact]
    public void Shows_the_first_and_the_last_five_with_their_rank_among_all_and_how_many_are_between()
    {
        var cut = Render<WallRanking>(p => p.Add(c => c.Title, "Xếp hạng sở, ban, ngành").Add(c => c.Rows, Rows).Add(c => c.Query, Q3));

        var ordered = Rows.OrderByDescending(r => r.Scorecard.TotalScore).ThenBy(r => r.Agency.Name, StringComparer.Ordinal).ToList();
        var expected = ordered.Take(5).Concat(ordered.Skip(9)).ToList();
        Assert.Equal(expected.Select(a => a.Agency.Code), cut.FindAll("[data-testid=agency-link]").Select(a => a.GetAttribute("data-agency")));
        Assert.Equal(expected.Select(a => RankOf(a).ToString()), cut.FindAll("[data-testid=wall-rank]").Select(c => c.TextContent.Trim()));
        Assert.Contains("… 4 đơn vị ở giữa bảng xếp hạng …", cut.Find("[data-testid=wall-ranking-gap]").TextContent);
        // Every figure keeps its link to the dossiers behind it.
        Assert.Contains(cut.FindAll("a[data-testid=figure]"), a => a.GetAttribute("href")!.StartsWith("/chi-so/2.1?", StringComparison.Ordinal));
    }

    [Fact]
    public void Shows_every_agency_when_there_are_no_more_than_ten()
    {
        var cut = Render<WallRanking>(p => p.Add(c => c.Title, "Xếp hạng xã, phường").Add(c => c.Rows, Rows.Take(10).ToList()).Add(c => c.Query, Q3));

        Assert.Equal(10, cut.FindAll("[data-testid=wall-rank]").Count);
        Assert.Empty(cut.FindAll("[data-testid=wall-ranking-gap]"));
    }
}
