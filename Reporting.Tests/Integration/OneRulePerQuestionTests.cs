using Reporting.Core.Access;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Agencies;
using Reporting.Core.Dossiers;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;
using Reporting.Web.Dashboard;

namespace Reporting.Tests.Integration;

/// <summary>
/// Issue 11, "one rule per question": the agency page's overdue list is the overdue rule of dossiers.md
/// (Biểu 06 column 13) on today, and its worst procedures are indicator 2.1 per procedure, both
/// checked against the engine on the stored dossiers.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed class OneRulePerQuestionTests(DemoAppFixture demo)
{
    [Fact]
    public async Task Overdue_list_is_the_dossiers_md_rule_on_today()
    {
        var service = demo.Factory.Services.GetRequiredService<DashboardService>();
        var today = service.Today.DayNumber;
        var (department, _) = demo.Samples();
        foreach (var agency in new[] { demo.Reference.Tree.Root!, department })
        {
            var members = demo.Reference.Tree.Members(agency.Id, HistoryView.Current);
            var expected = demo.Dossiers.Where(d => members.Contains(d.AgencyId) && DossierClock.OverdueAt(d, today)).ToList();
            var (total, items) = await service.GetOverdueAsync(AgencyScope.Everything, agency.Code, take: 500);

            Assert.True(expected.Count > 0, "the demo has overdue dossiers");
            Assert.Equal(expected.Count, total);
            Assert.Equal(Math.Min(500, expected.Count), items.Count);
            if (expected.Count <= 500)
            {
                Assert.Equal(expected.Select(d => d.Code).Order(StringComparer.Ordinal), items.Select(i => i.Code).Order(StringComparer.Ordinal));
            }

            Assert.Equal(items.Select(i => i.DaysLate).OrderDescending(), items.Select(i => i.DaysLate));
            foreach (var item in items)
            {
                var d = expected.Single(x => x.Code == item.Code && x.Source == item.Source);
                Assert.Equal(today - d.PromisedDay!.Value, item.DaysLate);
                Assert.Equal(d.PromisedEstimated, item.PromisedEstimated);
            }
        }
    }

    [Fact]
    public async Task Overdue_rule_and_its_sql_filter_agree_and_due_today_is_within()
    {
        var today = demo.Factory.Services.GetRequiredService<DashboardService>().Today.DayNumber;
        var filter = DossierClock.OverdueAtFilter(today).Compile();
        Assert.All(demo.Dossiers, d => Assert.Equal(DossierClock.OverdueAt(d, today), filter(d)));

        var due = new Dossier { Source = "s", Code = "c", ProcedureCode = "p", AgencyCode = "a", Counted = true, ReceivedDay = today - 3, PromisedDay = today };
        Assert.False(DossierClock.OverdueAt(due, today));
        Assert.False(filter(due));
        due.PromisedDay = today - 1;
        Assert.True(DossierClock.OverdueAt(due, today));
        Assert.True(filter(due));
        due.EndDay = today;
        Assert.False(DossierClock.OverdueAt(due, today));

        // No NgayHenTra: the promised date estimated from the statutory time decides, as in Biểu 06.
        var estimated = new Dossier
        {
            Source = "s", Code = "e", ProcedureCode = "p", AgencyCode = "a", Counted = true, ReceivedDay = today - 10,
            PromisedAt = null, PromisedDay = today - 2, PromisedEstimated = true,
        };
        Assert.True(DossierClock.OverdueAt(estimated, today));
        Assert.True(filter(estimated));
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData("2026-Q3")]
    [InlineData("2026-10")]
    public async Task Worst_procedures_are_indicator_2_1_per_procedure(string period)
    {
        var service = demo.Factory.Services.GetRequiredService<DashboardService>();
        var key = PeriodKey.Parse(period);
        var query = new DashboardQuery(key, WindowKind.Calendar, HistoryView.Current, null);
        var worst = await service.GetWorstProceduresAsync(AgencyScope.Everything, query, take: 1000);
        var window = key.Window(WindowKind.Calendar);

        var expected = demo.Dossiers.GroupBy(d => d.ProcedureCode)
            .Select(g => (Code: g.Key, Item: IndicatorCalculator.ComputeItem("2.1", FiguresFromDossiers.Compute(g, window))))
            .Where(x => x.Item.Denominator >= 5)
            .ToDictionary(x => x.Code, x => x.Item);
        Assert.NotEmpty(worst);
        Assert.Equal(expected.Count, worst.Count);
        foreach (var p in worst)
        {
            var item = expected[p.Code];
            Assert.Equal(item.Numerator, p.OnTime);
            Assert.Equal(item.Denominator, p.InScope);
            Assert.Equal(item.Value, p.Rate);
        }

        Assert.Equal(worst.OrderBy(p => p.Rate).Select(p => p.Rate), worst.Select(p => p.Rate));
    }

    [Fact]
    public void Each_indicator_has_its_own_formula_text()
    {
        var plain = IndicatorCatalog.Find("1.4")!.Formula;
        Assert.Contains("× tỷ lệ 1.4", IndicatorCatalog.Find("3.3")!.Formula);
        Assert.StartsWith("Giá trị = 100% − (tỷ lệ hồ sơ quá hạn", IndicatorCatalog.Find("5.4")!.Formula);
        Assert.Contains("(ngày)", IndicatorCatalog.Find("2.2")!.Formula);
        Assert.NotEqual(plain, IndicatorCatalog.Find("3.3")!.Formula);
        Assert.NotEqual(plain, IndicatorCatalog.Find("5.4")!.Formula);
        Assert.All(IndicatorCatalog.All, d => Assert.False(string.IsNullOrWhiteSpace(d.Formula)));
    }
}
