using Reporting.Demo.Province;

namespace Reporting.Tests.Demo;

[Collection(DemoProvinceCollection.Name)]
public sealed class DemoBadRecordTests(DemoProvinceFixture fixture)
{
    [Fact]
    public void Bad_records_cover_every_kind()
    {
        var bad = fixture.Province.BadDossiers();
        Assert.InRange(bad.Count, 25, 35);
        Assert.Equal(DemoBadRecordKinds.All.Order(), bad.Select(b => b.Kind).Distinct().Order());
    }

    [Fact]
    public void Each_bad_record_breaks_exactly_the_rule_of_its_kind()
    {
        Assert.All(fixture.Province.BadDossiers(), bad =>
            Assert.Equal([bad.Kind], DossierChecks.Problems(bad.Item, fixture).ToArray()));
    }

    [Fact]
    public void Bad_records_never_reuse_a_real_dossier_code()
    {
        var codes = fixture.Dossiers.Select(d => d.MaHoSo).ToHashSet();
        var bad = fixture.Province.BadDossiers().Where(b => !string.IsNullOrEmpty(b.Item.MaHoSo)).ToList();
        Assert.All(bad, b => Assert.DoesNotContain(b.Item.MaHoSo, codes));
        Assert.Equal(bad.Count, bad.Select(b => b.Item.MaHoSo).Distinct().Count());
    }
}
