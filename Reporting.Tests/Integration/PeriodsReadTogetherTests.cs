using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Agencies;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;

namespace Reporting.Tests.Integration;

/// <summary>
/// Several periods read together (the overview's period and the one before it, the 12 points of a
/// trend: one read of the aggregates split per window) give each period exactly the engine's figures
/// on the stored dossiers, whether the windows are consecutive, far apart or overlapping.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed class PeriodsReadTogetherTests(DemoAppFixture demo)
{
    public static IEnumerable<object[]> Cases()
    {
        string[][] sets =
        [
            ["2026-11", "2026-10", "2026-09", "2026-08", "2026-07", "2026-06", "2026-05", "2026-04", "2026-03", "2026-02", "2026-01", "2025-12"],
            ["2026-9M", "2025-9M"],
            ["2026", "2025"],
            ["2026", "2026-Q3", "2026-10", "2025-H2", "2099-01"],
        ];
        foreach (var set in sets)
        {
            foreach (var window in new[] { WindowKind.Calendar, WindowKind.Cutoff })
            {
                foreach (var view in new[] { HistoryView.Current, HistoryView.Historical })
                {
                    yield return [string.Join(",", set), window, view];
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryPeriodEqualsTheEngineOnDossiers(string periods, WindowKind window, HistoryView view)
    {
        var keys = periods.Split(',').Select(PeriodKey.Parse).ToList();
        var service = demo.Factory.Services.GetRequiredService<IndicatorService>();
        var today = VietnamTime.Today(TimeProvider.System);
        var (_, merged) = demo.Samples();

        foreach (var agency in new[] { demo.Reference.Tree.Root!, merged })
        {
            var (byPeriod, tree) = await service.GetPeriodsAsync(new IndicatorQuery(agency.Code, keys[0], window, view), keys, childrenOfFirst: true);
            Assert.Equal(keys.Count, byPeriod.Count);
            for (var i = 0; i < keys.Count; i++)
            {
                if (keys[i].Window(window).From > today)
                {
                    Assert.Null(byPeriod[i]);
                    continue;
                }

                var answers = byPeriod[i]!;
                var expectedAgencies = i == 0
                    ? [answers[0].Agency, .. IndicatorService.ChildrenInView(tree, answers[0].Agency, view, keys[0].Window(window))]
                    : new List<Agency> { answers[0].Agency };
                Assert.Equal(expectedAgencies.Select(a => a.Id), answers.Select(a => a.Agency.Id));
                foreach (var answer in answers)
                {
                    AssertEqualsEngine(answer, $"{answer.Agency.Code} {keys[i]} {window} {view}");
                }
            }
        }
    }

    private void AssertEqualsEngine(IndicatorAnswer answer, string where)
    {
        var members = demo.Reference.Tree.Members(answer.Agency.Id, answer.View);
        var figures = FiguresFromDossiers.Compute(demo.Dossiers.Where(d => members.Contains(d.AgencyId)), answer.Window);
        var catalogue = IndicatorService.CatalogueFor(answer.Agency, demo.Reference.Procedures.Values);
        var expected = IndicatorCalculator.Compute(figures, catalogue, ScoringContext.None);
        foreach (var item in expected.Indicators.Where(r => !r.Manual))
        {
            var actual = answer.Scorecard[item.Code]!;
            Assert.True(item.Numerator == actual.Numerator && item.Denominator == actual.Denominator && item.Value == actual.Value,
                $"{where} {item.Code}: {actual.Numerator}/{actual.Denominator} = {actual.Value}, engine {item.Numerator}/{item.Denominator} = {item.Value}");
        }
    }
}
