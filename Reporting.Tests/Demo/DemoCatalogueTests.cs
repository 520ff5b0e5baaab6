using Reporting.Core.Feeds;
using Reporting.Demo.Province;

namespace Reporting.Tests.Demo;

[Collection(DemoProvinceCollection.Name)]
public sealed class DemoCatalogueTests(DemoProvinceFixture fixture)
{
    private IReadOnlyList<ProcedureFeedItem> Procedures => fixture.Province.Procedures;

    [Fact]
    public void Has_about_150_procedures_in_about_20_fields_with_unique_national_codes()
    {
        Assert.InRange(Procedures.Count, 130, 180);
        Assert.InRange(Procedures.Select(p => p.MaLinhVuc).Distinct().Count(), 18, 30);
        Assert.Equal(Procedures.Count, Procedures.Select(p => p.MaTTHC).Distinct().Count());
        Assert.All(Procedures, p => Assert.Matches(@"^[123]\.\d{6}$", p.MaTTHC!));
        // One name per field code.
        Assert.All(Procedures.GroupBy(p => p.MaLinhVuc), g => Assert.Single(g.Select(p => p.TenLinhVuc).Distinct()));
    }

    [Fact]
    public void Uses_real_procedure_names_with_diacritics()
    {
        string[] expected =
        [
            "Đăng ký khai sinh", "Đăng ký kết hôn", "Đăng ký khai tử", "Cấp đổi giấy phép lái xe",
            "Đăng ký thành lập hộ kinh doanh", "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ",
        ];
        Assert.All(expected, name => Assert.Contains(Procedures, p => p.TenTTHC == name));
        Assert.Contains(Procedures, p => p.TenTTHC!.StartsWith("Cấp Phiếu lý lịch tư pháp", StringComparison.Ordinal));
        Assert.Contains(Procedures, p => p.TenTTHC!.StartsWith("Chứng thực bản sao từ bản chính", StringComparison.Ordinal));
        Assert.Contains(Procedures, p => p.TenLinhVuc == "Hộ tịch");
        Assert.Contains(Procedures, p => p.TenLinhVuc == "Đất đai");
    }

    [Fact]
    public void Attributes_have_realistic_shares_and_ranges()
    {
        double Share(Func<ProcedureFeedItem, bool> predicate) => Procedures.Count(predicate) / (double)Procedures.Count;
        Assert.InRange(Share(p => p.CoPhiLePhi == true), 0.30, 0.50);
        Assert.InRange(Share(p => p.MucDoDVC >= 1), 0.80, 0.92);
        Assert.InRange(Share(p => p.CoKetQua == true), 0.90, 0.99);
        Assert.All(Procedures, p =>
        {
            Assert.InRange(p.ThoiHanGiaiQuyet!.Value, 1, 30);
            Assert.InRange(p.MucDoDVC!.Value, 0, 2);
            Assert.NotNull(p.DuDieuKienToanTrinh);
            Assert.NotEmpty(p.CapThucHien!);
            Assert.All(p.CapThucHien!, level => Assert.Contains(level, new[] { "Tinh", "Xa" }));
            Assert.True(FeedDates.TryParse(p.NgayCapNhat, out _), p.NgayCapNhat);
        });
        Assert.Contains(Procedures, p => p.CapThucHien!.SequenceEqual(["Tinh"]));
        Assert.Contains(Procedures, p => p.CapThucHien!.SequenceEqual(["Xa"]));
        Assert.Contains(Procedures, p => p.CapThucHien!.Count == 2);
    }

    [Fact]
    public void Every_department_owns_procedures()
    {
        var catalogue = DemoCatalogue.Build();
        var owners = catalogue.Procedures.Where(p => p.AtProvince).Select(p => p.EffectiveOwnerKey).ToHashSet();
        Assert.All(DemoAgencyNames.Departments, d => Assert.Contains(d.Key, owners));
        Assert.All(catalogue.Retired, r => Assert.DoesNotContain(catalogue.Procedures, p => p.Code == r.Code));
    }
}
