using System.Text.Json.Serialization;

namespace Reporting.Core.Feeds;

/// <summary>
/// One dossier as one-stop systems send it (DVCQG service DongBoHoSoMC, spec feeds.md).
/// Dates are local Asia/Ho_Chi_Minh strings <c>yyyyMMddHHmmss</c>. This is the wire shape used to
/// produce feed JSON (simulators, demo data); ingest reads raw JSON itself so that one malformed
/// field quarantines one record instead of failing a batch.
/// </summary>
public sealed class DossierFeedItem
{
    [JsonPropertyName("MaHoSo")] public string? MaHoSo { get; set; }
    [JsonPropertyName("MaTTHC")] public string? MaTTHC { get; set; }
    [JsonPropertyName("TenTTHC")] public string? TenTTHC { get; set; }
    [JsonPropertyName("MaLinhVuc")] public string? MaLinhVuc { get; set; }
    [JsonPropertyName("TenLinhVuc")] public string? TenLinhVuc { get; set; }
    [JsonPropertyName("MaDonVi")] public string? MaDonVi { get; set; }
    [JsonPropertyName("KenhThucHien")] public int? KenhThucHien { get; set; }
    [JsonPropertyName("TrangThaiHoSo")] public int? TrangThaiHoSo { get; set; }
    [JsonPropertyName("NgayNopHoSo")] public string? NgayNopHoSo { get; set; }
    [JsonPropertyName("NgayTiepNhan")] public string? NgayTiepNhan { get; set; }
    [JsonPropertyName("NgayHenTra")] public string? NgayHenTra { get; set; }
    [JsonPropertyName("NgayKetThucXuLy")] public string? NgayKetThucXuLy { get; set; }
    [JsonPropertyName("NgayTra")] public string? NgayTra { get; set; }
    [JsonPropertyName("NgayTuChoi")] public string? NgayTuChoi { get; set; }
    [JsonPropertyName("NgayCapNhat")] public string? NgayCapNhat { get; set; }
    [JsonPropertyName("DanhSachLePhi")] public List<FeeFeedItem>? DanhSachLePhi { get; set; }
    [JsonPropertyName("DuocThanhToanTrucTuyen")] public int? DuocThanhToanTrucTuyen { get; set; }
    [JsonPropertyName("TaiLieuNop")] public List<ComponentFeedItem>? TaiLieuNop { get; set; }
    [JsonPropertyName("DanhSachGiayToKetQua")] public List<ResultFeedItem>? DanhSachGiayToKetQua { get; set; }
    [JsonPropertyName("DanhSachHoSoBoSung")] public List<SupplementFeedItem>? DanhSachHoSoBoSung { get; set; }
    [JsonPropertyName("TaiKhoanDuocXacThucVoiVNeID")] public int? TaiKhoanDuocXacThucVoiVNeID { get; set; }
    [JsonPropertyName("DongBoDVCQG")] public int? DongBoDVCQG { get; set; }
    [JsonPropertyName("DanhGiaHaiLong")] public int? DanhGiaHaiLong { get; set; }
    [JsonPropertyName("CoPhanAnhKienNghi")] public int? CoPhanAnhKienNghi { get; set; }
}

public sealed class FeeFeedItem
{
    [JsonPropertyName("MaPhiLePhi")] public string? MaPhiLePhi { get; set; }
    [JsonPropertyName("TenPhiLePhi")] public string? TenPhiLePhi { get; set; }
    [JsonPropertyName("Gia")] public decimal? Gia { get; set; }
    [JsonPropertyName("HinhThucThu")] public int? HinhThucThu { get; set; }
}

public sealed class ComponentFeedItem
{
    [JsonPropertyName("TenTaiLieu")] public string? TenTaiLieu { get; set; }
    [JsonPropertyName("DuocSoHoa")] public int? DuocSoHoa { get; set; }
    [JsonPropertyName("DuocTaiSuDung")] public int? DuocTaiSuDung { get; set; }
    [JsonPropertyName("DuocLayTuKhoDMQG")] public int? DuocLayTuKhoDMQG { get; set; }
}

public sealed class ResultFeedItem
{
    [JsonPropertyName("TenGiayTo")] public string? TenGiayTo { get; set; }
    [JsonPropertyName("DuongDanTepTinKetQua")] public string? DuongDanTepTinKetQua { get; set; }
}

public sealed class SupplementFeedItem
{
    [JsonPropertyName("NgayYeuCau")] public string? NgayYeuCau { get; set; }
    [JsonPropertyName("NgayBoSung")] public string? NgayBoSung { get; set; }
    [JsonPropertyName("NgayHenTraTruoc")] public string? NgayHenTraTruoc { get; set; }
    [JsonPropertyName("NgayHenTraMoi")] public string? NgayHenTraMoi { get; set; }
}
