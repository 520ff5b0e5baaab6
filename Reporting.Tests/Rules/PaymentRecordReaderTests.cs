using System.Text.Json.Nodes;
using Reporting.Core.Ingest;
using static Reporting.Tests.Rules.RuleFixtures;

namespace Reporting.Tests.Rules;

public class PaymentRecordReaderTests
{
    private static JsonObject Valid() => new()
    {
        ["MaGiaoDich"] = "GD-0001",
        ["MaHoSo"] = "H01.26-0042",
        ["SoTien"] = 75000,
        ["KenhThanhToan"] = 1,
        ["TrangThai"] = "ThanhCong",
        ["ThoiGianThanhToan"] = "20260305101500",
        ["NgayCapNhat"] = "20260305101600",
    };

    [Fact]
    public void A_valid_payment_parses_every_field()
    {
        var (payment, reasons) = ReadPayment(Valid());
        Assert.Empty(reasons);
        Assert.NotNull(payment);
        Assert.Equal("GD-0001", payment.TransactionCode);
        Assert.Equal("thanhtoan", payment.Source);
        Assert.Equal("H01.26-0042", payment.DossierCode);
        Assert.Equal(75000m, payment.Amount);
        Assert.Equal(1, payment.Channel);
        Assert.Equal(Payment.Succeeded, payment.State);
        Assert.Equal(At(2026, 3, 5, 10, 15), payment.PaidAt);
        Assert.Equal(At(2026, 3, 5, 10, 16), payment.UpdatedAt);
    }

    [Theory]
    [InlineData("ThanhCong")]
    [InlineData("ThatBai")]
    [InlineData("HoanTien")]
    public void Known_states_are_accepted(string state)
    {
        var record = Valid();
        record["TrangThai"] = state;
        var (payment, reasons) = ReadPayment(record);
        Assert.Empty(reasons);
        Assert.Equal(state, payment!.State);
    }

    [Theory]
    [InlineData("Pending")]
    [InlineData("thanhcong")]
    public void Unknown_state_is_quarantined(string state)
    {
        var record = Valid();
        record["TrangThai"] = state;
        var (payment, reasons) = ReadPayment(record);
        Assert.Null(payment);
        var reason = Assert.Single(reasons);
        Assert.Equal(QuarantineReason.UnknownCode, reason.Code);
        Assert.Equal("TrangThai", reason.Field);
    }

    [Theory]
    [InlineData("MaGiaoDich")]
    [InlineData("MaHoSo")]
    [InlineData("SoTien")]
    [InlineData("NgayCapNhat")]
    public void Missing_required_field_is_quarantined(string field)
    {
        var record = Valid();
        record.Remove(field);
        var (payment, reasons) = ReadPayment(record);
        Assert.Null(payment);
        var reason = Assert.Single(reasons);
        Assert.Equal(QuarantineReason.MissingField, reason.Code);
        Assert.Equal(field, reason.Field);
    }

    [Fact]
    public void Optional_fields_may_be_absent()
    {
        var record = Valid();
        record.Remove("KenhThanhToan");
        record.Remove("TrangThai");
        record.Remove("ThoiGianThanhToan");
        var (payment, reasons) = ReadPayment(record);
        Assert.Empty(reasons);
        Assert.Null(payment!.Channel);
        Assert.Null(payment.PaidAt);
        Assert.Equal(string.Empty, payment.State);
    }

    [Theory]
    [InlineData("KenhThanhToan", 3, QuarantineReason.UnknownCode)]
    [InlineData("SoTien", -1, QuarantineReason.BadValue)]
    [InlineData("SoTien", "nhiều", QuarantineReason.BadValue)]
    [InlineData("ThoiGianThanhToan", "2026-03-05", QuarantineReason.BadDate)]
    [InlineData("NgayCapNhat", "20260305", QuarantineReason.BadDate)]
    public void Bad_values_are_quarantined(string field, object value, string code)
    {
        var record = Valid();
        record[field] = value switch
        {
            int i => i,
            string s => s,
            _ => throw new ArgumentOutOfRangeException(nameof(value)),
        };
        var (payment, reasons) = ReadPayment(record);
        Assert.Null(payment);
        var reason = Assert.Single(reasons);
        Assert.Equal(code, reason.Code);
        Assert.Equal(field, reason.Field);
    }

    [Fact]
    public void Several_reasons_at_once_and_non_objects()
    {
        var record = Valid();
        record.Remove("MaGiaoDich");
        record["TrangThai"] = "X";
        var (_, reasons) = ReadPayment(record);
        Assert.Equal(new[] { QuarantineReason.MissingField, QuarantineReason.UnknownCode }, reasons.Select(r => r.Code).ToArray());

        var (payment, notObject) = ReadPayment(new JsonArray("GD-1"));
        Assert.Null(payment);
        Assert.Equal(QuarantineReason.NotAnObject, Assert.Single(notObject).Code);
    }
}
