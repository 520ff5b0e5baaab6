using System.Text.Json;
using Reporting.Demo.Province;

namespace Reporting.Tests.Demo;

public sealed class DemoDeterminismTests
{
    private static string Snapshot(DemoProvince province) => JsonSerializer.Serialize(new
    {
        province.Tree,
        province.Procedures,
        Dossiers = province.Dossiers().ToList(),
        Earlier = province.Dossiers(province.EndOfHistory.AddDays(-20)).Take(500).ToList(),
        Payments = province.Payments().ToList(),
        Bad = province.BadDossiers(),
    });

    [Fact]
    public void The_same_options_give_identical_output()
    {
        var options = new DemoOptions { DossierCount = 5_000, Seed = 42, EndDate = new DateOnly(2026, 3, 31) };
        var first = Snapshot(DemoProvince.Build(options));
        var second = Snapshot(DemoProvince.Build(new DemoOptions { DossierCount = 5_000, Seed = 42, EndDate = new DateOnly(2026, 3, 31) }));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Another_seed_gives_other_dossiers_in_the_same_province()
    {
        var a = DemoProvince.Build(new DemoOptions { DossierCount = 2_000, Seed = 1 });
        var b = DemoProvince.Build(new DemoOptions { DossierCount = 2_000, Seed = 2 });
        Assert.Equal(JsonSerializer.Serialize(a.Tree), JsonSerializer.Serialize(b.Tree));
        Assert.Equal(a.Procedures.Select(p => p.MaTTHC), b.Procedures.Select(p => p.MaTTHC));
        Assert.NotEqual(
            JsonSerializer.Serialize(a.Dossiers().Take(100).ToList()),
            JsonSerializer.Serialize(b.Dossiers().Take(100).ToList()));
    }

    [Fact]
    public void History_covers_the_months_before_the_end_date()
    {
        var province = DemoProvince.Build(new DemoOptions { DossierCount = 3_000, EndDate = new DateOnly(2026, 6, 30), HistoryMonths = 12 });
        Assert.Equal(new DateOnly(2025, 7, 1), province.StartDate);
        Assert.All(province.Lifecycles, l => Assert.InRange(DateOnly.FromDateTime(l.SubmittedAt), province.StartDate, province.Options.EndDate));
        Assert.Equal(3_000, province.Dossiers().Count());
    }
}
