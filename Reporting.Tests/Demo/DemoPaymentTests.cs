using Reporting.Core.Feeds;
using Reporting.Demo.Province;

namespace Reporting.Tests.Demo;

[Collection(DemoProvinceCollection.Name)]
public sealed class DemoPaymentTests(DemoProvinceFixture fixture)
{
    [Fact]
    public void Payments_match_online_paid_dossiers_except_a_few_unmatched_ones()
    {
        var payments = fixture.Province.Payments().ToList();
        var dossiers = fixture.Dossiers.ToDictionary(d => d.MaHoSo!);
        Assert.Equal(payments.Count, payments.Select(p => p.MaGiaoDich).Distinct().Count());
        Assert.All(payments, p =>
        {
            Assert.False(string.IsNullOrEmpty(p.MaGiaoDich));
            Assert.True(p.SoTien > 0);
            Assert.Contains(p.KenhThanhToan!.Value, new[] { 1, 2 });
            Assert.True(FeedDates.TryParse(p.ThoiGianThanhToan, out var paidAt));
            Assert.True(FeedDates.TryParse(p.NgayCapNhat, out var updatedAt));
            Assert.True(paidAt <= updatedAt && updatedAt <= fixture.Province.EndOfHistory);
        });

        var unmatched = payments.Where(p => !dossiers.ContainsKey(p.MaHoSo!)).ToList();
        Assert.Equal(fixture.Province.Options.UnmatchedPaymentCount, unmatched.Count);
        foreach (var payment in payments.Except(unmatched))
        {
            var dossier = dossiers[payment.MaHoSo!];
            Assert.Equal(dossier.DuocThanhToanTrucTuyen, payment.KenhThanhToan);
            Assert.Equal(dossier.DanhSachLePhi!.Sum(f => f.Gia), payment.SoTien);
        }

        var paidOnline = fixture.Dossiers.Count(d => d.DuocThanhToanTrucTuyen is 1 or 2);
        var withPayment = payments.Except(unmatched).Select(p => p.MaHoSo).Distinct().Count();
        Assert.InRange(withPayment / (double)paidOnline, 0.6, 0.95);
    }

    [Fact]
    public void Payments_are_mostly_successful_with_a_few_failures_and_refunds_in_feed_order()
    {
        var payments = fixture.Province.Payments().ToList();
        var success = payments.Count(p => p.TrangThai == "ThanhCong");
        var failed = payments.Count(p => p.TrangThai == "ThatBai");
        var refunded = payments.Count(p => p.TrangThai == "HoanTien");
        Assert.Equal(payments.Count, success + failed + refunded);
        Assert.True(success > payments.Count * 0.85);
        Assert.InRange(failed, 1, payments.Count / 10);
        Assert.InRange(refunded, 1, payments.Count / 10);
        Assert.True(payments.Zip(payments.Skip(1)).All(p =>
            string.CompareOrdinal(p.First.NgayCapNhat, p.Second.NgayCapNhat) is var c
            && (c < 0 || (c == 0 && string.CompareOrdinal(p.First.MaGiaoDich, p.Second.MaGiaoDich) < 0))));

        // A refund is a later version of a successful payment.
        var refund = payments.First(p => p.TrangThai == "HoanTien");
        FeedDates.TryParse(refund.NgayCapNhat, out var refundedAt);
        var before = fixture.Province.Payments(refundedAt.AddSeconds(-1)).Single(p => p.MaGiaoDich == refund.MaGiaoDich);
        Assert.Equal("ThanhCong", before.TrangThai);
        Assert.Equal(refund.ThoiGianThanhToan, before.ThoiGianThanhToan);
    }
}
