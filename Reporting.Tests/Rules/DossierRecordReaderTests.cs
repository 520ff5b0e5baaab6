using System.Text.Json.Nodes;
using Reporting.Core.Dossiers;
using Reporting.Core.Ingest;
using static Reporting.Tests.Rules.RuleFixtures;

namespace Reporting.Tests.Rules;

public class DossierRecordReaderTests
{
    private static List<QuarantineReason> Reasons(JsonObject record)
    {
        var (parsed, reasons) = ReadDossier(record);
        if (reasons.Count > 0)
        {
            Assert.Null(parsed);
        }

        return reasons;
    }

    private static QuarantineReason Single(JsonObject record) => Assert.Single(Reasons(record));

    [Fact]
    public void The_valid_base_record_parses()
    {
        var (parsed, reasons) = ReadDossier(ValidRecord());
        Assert.Empty(reasons);
        Assert.NotNull(parsed);
    }

    [Theory]
    [InlineData("MaHoSo")]
    [InlineData("MaTTHC")]
    [InlineData("MaDonVi")]
    [InlineData("TrangThaiHoSo")]
    [InlineData("NgayCapNhat")]
    [InlineData("NgayTiepNhan")]
    public void Missing_required_field_is_quarantined(string field)
    {
        var record = ValidRecord();
        record.Remove(field);
        var reason = Single(record);
        Assert.Equal(QuarantineReason.MissingField, reason.Code);
        Assert.Equal(field, reason.Field);
    }

    [Theory]
    [InlineData("MaHoSo", "   ")]
    [InlineData("MaDonVi", "")]
    [InlineData("TrangThaiHoSo", " ")]
    [InlineData("NgayCapNhat", "")]
    public void Blank_required_field_is_missing(string field, string value)
    {
        var record = ValidRecord();
        record[field] = value;
        var reason = Single(record);
        Assert.Equal(QuarantineReason.MissingField, reason.Code);
        Assert.Equal(field, reason.Field);
    }

    [Fact]
    public void Null_required_field_is_missing()
    {
        var record = ValidRecord();
        record["MaTTHC"] = null;
        Assert.Equal(QuarantineReason.MissingField, Single(record).Code);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    public void NgayTiepNhan_is_required_for_received_statuses(int status)
    {
        var record = ValidRecord();
        record["TrangThaiHoSo"] = status;
        record["NgayKetThucXuLy"] = "20260305100000";
        record.Remove("NgayTiepNhan");
        var reason = Single(record);
        Assert.Equal(QuarantineReason.MissingField, reason.Code);
        Assert.Equal("NgayTiepNhan", reason.Field);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void NgayTiepNhan_is_optional_for_submitted_and_refused(int status)
    {
        var record = ValidRecord();
        record["TrangThaiHoSo"] = status;
        record.Remove("NgayTiepNhan");
        record["NgayNopHoSo"] = "20260301080000";
        var (parsed, reasons) = ReadDossier(record);
        Assert.Empty(reasons);
        Assert.Equal(status, parsed!.Dossier.Status);
        Assert.Null(parsed.Dossier.ReceivedAt);
        Assert.Equal(Date("2026-03-01"), parsed.AgencyDate);
    }

    [Theory]
    [InlineData("TrangThaiHoSo", 11)]
    [InlineData("TrangThaiHoSo", 0)]
    [InlineData("KenhThucHien", 4)]
    [InlineData("KenhThucHien", 0)]
    [InlineData("DuocThanhToanTrucTuyen", 3)]
    [InlineData("DongBoDVCQG", 2)]
    [InlineData("DanhGiaHaiLong", 3)]
    [InlineData("TaiKhoanDuocXacThucVoiVNeID", 2)]
    [InlineData("CoPhanAnhKienNghi", -1)]
    public void Unknown_code_is_quarantined(string field, int value)
    {
        var record = ValidRecord();
        record[field] = value;
        var reason = Single(record);
        Assert.Equal(QuarantineReason.UnknownCode, reason.Code);
        Assert.Equal(field, reason.Field);
        Assert.Contains(value.ToString(System.Globalization.CultureInfo.InvariantCulture), reason.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("4.5")]
    public void Non_numeric_code_is_unknown(string value)
    {
        var record = ValidRecord();
        record["TrangThaiHoSo"] = value;
        Assert.Equal(QuarantineReason.UnknownCode, Single(record).Code);
    }

    [Fact]
    public void Unknown_status_does_not_also_require_NgayTiepNhan()
    {
        var record = ValidRecord();
        record["TrangThaiHoSo"] = 11;
        record.Remove("NgayTiepNhan");
        Assert.Equal(QuarantineReason.UnknownCode, Single(record).Code);
    }

    [Theory]
    [InlineData("NgayTiepNhan", "2026-03-01 08:30:00")]
    [InlineData("NgayTiepNhan", "20260230083000")]
    [InlineData("NgayCapNhat", "202603021000")]
    [InlineData("NgayHenTra", "20261310170000")]
    [InlineData("NgayKetThucXuLy", "hôm qua")]
    [InlineData("NgayTra", "20260301250000")]
    [InlineData("NgayNopHoSo", "2026030108300")]
    [InlineData("NgayTuChoi", "x")]
    public void Unparseable_date_is_quarantined(string field, string value)
    {
        var record = ValidRecord();
        record[field] = value;
        var reason = Single(record);
        Assert.Equal(QuarantineReason.BadDate, reason.Code);
        Assert.Equal(field, reason.Field);
    }

    [Fact]
    public void Bad_date_of_the_end_of_a_finished_dossier_is_one_reason_not_two()
    {
        var record = ValidRecord();
        record["TrangThaiHoSo"] = 9;
        record["NgayKetThucXuLy"] = "2026-03-05";
        var reason = Single(record);
        Assert.Equal(QuarantineReason.BadDate, reason.Code);
    }

    [Theory]
    [InlineData("NgayKetThucXuLy")]
    [InlineData("NgayTra")]
    public void End_before_NgayTiepNhan_is_quarantined(string field)
    {
        var record = ValidRecord();
        record["TrangThaiHoSo"] = 10;
        record[field] = "20260301082959";
        var reason = Single(record);
        Assert.Equal(QuarantineReason.EndBeforeReceived, reason.Code);
        Assert.Equal(field, reason.Field);
    }

    [Fact]
    public void End_at_the_second_of_reception_is_valid()
    {
        var record = ValidRecord();
        record["TrangThaiHoSo"] = 10;
        record["NgayKetThucXuLy"] = "20260301083000";
        Assert.Empty(Reasons(record));
    }

    [Fact]
    public void End_before_reception_of_an_unfinished_dossier_is_not_an_end()
    {
        var record = ValidRecord();
        record["NgayKetThucXuLy"] = "20260201083000";
        Assert.Empty(Reasons(record));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    public void Finished_without_end_is_quarantined(int status)
    {
        var record = ValidRecord();
        record["TrangThaiHoSo"] = status;
        var reason = Single(record);
        Assert.Equal(QuarantineReason.FinishedWithoutEnd, reason.Code);
    }

    [Fact]
    public void Finished_with_only_NgayTra_is_valid()
    {
        var record = ValidRecord();
        record["TrangThaiHoSo"] = 10;
        record["NgayTra"] = "20260309150000";
        var (parsed, reasons) = ReadDossier(record);
        Assert.Empty(reasons);
        Assert.Null(parsed!.Dossier.HandlingEndedAt);
        Assert.Equal(At(2026, 3, 9, 15), parsed.Dossier.ReturnedAt);
    }

    [Fact]
    public void Several_reasons_are_reported_at_once()
    {
        var record = ValidRecord();
        record.Remove("MaHoSo");
        record["KenhThucHien"] = 4;
        record["NgayHenTra"] = "20260399000000";
        record["DanhSachHoSoBoSung"] = new JsonArray(new JsonObject { ["NgayBoSung"] = "20260305000000" });
        var reasons = Reasons(record);
        Assert.Equal(
            new[]
            {
                (QuarantineReason.MissingField, "MaHoSo"),
                (QuarantineReason.UnknownCode, "KenhThucHien"),
                (QuarantineReason.BadDate, "NgayHenTra"),
                (QuarantineReason.MissingField, "DanhSachHoSoBoSung[0].NgayYeuCau"),
            },
            reasons.Select(r => (r.Code, r.Field!)).ToArray());
    }

    [Fact]
    public void Finished_without_end_is_reported_with_the_other_reasons()
    {
        var record = ValidRecord();
        record.Remove("MaDonVi");
        record["TrangThaiHoSo"] = 9;
        var reasons = Reasons(record);
        Assert.Equal(
            new[] { QuarantineReason.MissingField, QuarantineReason.FinishedWithoutEnd },
            reasons.Select(r => r.Code).ToArray());
    }

    [Fact]
    public void Bad_list_items_are_quarantined()
    {
        var record = ValidRecord();
        record["DanhSachLePhi"] = new JsonArray(new JsonObject { ["Gia"] = -1000 });
        record["TaiLieuNop"] = new JsonArray(JsonValue.Create("CCCD"));
        record["DanhSachGiayToKetQua"] = new JsonObject();
        var reasons = Reasons(record);
        Assert.All(reasons, r => Assert.Equal(QuarantineReason.BadValue, r.Code));
        Assert.Equal(new[] { "DanhSachLePhi.Gia", "TaiLieuNop[0]", "DanhSachGiayToKetQua" }, reasons.Select(r => r.Field!).ToArray());
    }

    [Fact]
    public void A_record_that_is_not_an_object_is_quarantined()
    {
        var (parsed, reasons) = ReadDossier(new JsonArray(1, 2));
        Assert.Null(parsed);
        Assert.Equal(QuarantineReason.NotAnObject, Assert.Single(reasons).Code);
    }

    [Fact]
    public void A_valid_record_parses_every_field_and_list()
    {
        var record = JsonNode.Parse("""
            {
              "MaHoSo": " H01.26-0042 ", "MaTTHC": "1.001612", "TenTTHC": "Cấp giấy phép xây dựng",
              "MaLinhVuc": "XD", "TenLinhVuc": "Xây dựng", "MaDonVi": "000.00.01.H01",
              "KenhThucHien": "3", "TrangThaiHoSo": "10",
              "NgayNopHoSo": "20260301080000", "NgayTiepNhan": "20260302083000", "NgayHenTra": "20260320170000",
              "NgayKetThucXuLy": "20260318160000", "NgayTra": "20260319090000", "NgayTuChoi": null,
              "NgayCapNhat": "20260319090500",
              "DuocThanhToanTrucTuyen": 2, "TaiKhoanDuocXacThucVoiVNeID": 1, "DongBoDVCQG": 0,
              "DanhGiaHaiLong": 2, "CoPhanAnhKienNghi": "1",
              "DanhSachLePhi": [ { "MaPhiLePhi": "LP01", "TenPhiLePhi": "Lệ phí cấp phép", "Gia": 75000, "HinhThucThu": 2 },
                                 { "MaPhiLePhi": "P02", "Gia": "1500.5" } ],
              "TaiLieuNop": [ { "TenTaiLieu": "Đơn", "DuocSoHoa": 1, "DuocTaiSuDung": 0, "DuocLayTuKhoDMQG": 1 } ],
              "DanhSachGiayToKetQua": [ { "TenGiayTo": "Giấy phép", "DuongDanTepTinKetQua": "https://kq/1.pdf" }, { "TenGiayTo": "Bản giấy" } ],
              "DanhSachHoSoBoSung": [ { "NgayYeuCau": "20260305100000", "NgayBoSung": "20260307110000",
                                        "NgayHenTraTruoc": "20260315170000", "NgayHenTraMoi": "20260320170000" } ]
            }
            """)!;
        var (parsed, reasons) = ReadDossier(record);
        Assert.Empty(reasons);
        var d = parsed!.Dossier;
        Assert.Equal("motcua", d.Source);
        Assert.Equal("H01.26-0042", d.Code);
        Assert.Equal("1.001612", d.ProcedureCode);
        Assert.Equal("Cấp giấy phép xây dựng", d.ProcedureName);
        Assert.Equal("XD", d.FieldCode);
        Assert.Equal("Xây dựng", d.FieldName);
        Assert.Equal("000.00.01.H01", d.AgencyCode);
        Assert.Equal(Channel.Postal, d.Channel);
        Assert.Equal(DossierStatus.Returned, d.Status);
        Assert.Equal(At(2026, 3, 1, 8), d.SubmittedAt);
        Assert.Equal(At(2026, 3, 2, 8, 30), d.ReceivedAt);
        Assert.Equal(At(2026, 3, 20, 17), d.PromisedAt);
        Assert.Equal(At(2026, 3, 18, 16), d.HandlingEndedAt);
        Assert.Equal(At(2026, 3, 19, 9), d.ReturnedAt);
        Assert.Null(d.RefusedAt);
        Assert.Equal(At(2026, 3, 19, 9, 5), d.UpdatedAt);
        Assert.Equal(2, d.OnlinePayment);
        Assert.True(d.VneIdVerified);
        Assert.Equal(0, d.SyncedToDvcqg);
        Assert.Equal(2, d.Satisfaction);
        Assert.True(d.Complaint);
        Assert.Equal(Date("2026-03-02"), parsed.AgencyDate);

        var l = parsed.Lists;
        Assert.Equal(new[] { new DossierFee("LP01", "Lệ phí cấp phép", 75000m, 2), new DossierFee("P02", null, 1500.5m, null) }, l.Fees);
        Assert.Equal(new[] { new DossierComponent("Đơn", true, false, true) }, l.Components);
        Assert.Equal(new[] { new DossierResult("Giấy phép", "https://kq/1.pdf"), new DossierResult("Bản giấy", null) }, l.Results);
        Assert.Equal(new[] { new DossierSupplement(At(2026, 3, 5, 10), At(2026, 3, 7, 11), At(2026, 3, 15, 17), At(2026, 3, 20, 17)) }, l.Supplements);

        DossierFacts.Apply(d, l, null, Calendar2026);
        Assert.True(d.Counted);
        Assert.Equal(Day(2026, 3, 18), d.EndDay);
        Assert.True(d.ElectronicResult);
        Assert.True(d.Digitised);
        Assert.True(d.FromNationalStore);
        Assert.True(d.FeeLine);
        Assert.True(d.PaidOnline);
        Assert.Equal(HandlingClass.Early, d.Handling);
        Assert.False(d.OnTime766); // 18/03 − 2 days waited = 16/03, after the original promise 15/03
    }

    [Fact]
    public void Optional_fields_default_when_absent()
    {
        var (parsed, reasons) = ReadDossier(ValidRecord());
        Assert.Empty(reasons);
        var d = parsed!.Dossier;
        Assert.Null(d.SyncedToDvcqg);
        Assert.Null(d.Satisfaction);
        Assert.Equal(0, d.OnlinePayment);
        Assert.False(d.VneIdVerified);
        Assert.False(d.Complaint);
        Assert.Null(d.ProcedureName);
        Assert.Empty(parsed.Lists.Fees);
        Assert.Empty(parsed.Lists.Supplements);
    }
}
