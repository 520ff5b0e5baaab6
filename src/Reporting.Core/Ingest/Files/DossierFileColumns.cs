namespace Reporting.Core.Ingest.Files;

/// <summary>How a cell of an uploaded dossier file becomes a JSON value of the DossierFeed record.</summary>
public enum DossierColumnKind
{
    Text,
    Integer,
    Date,
    List,
}

/// <summary>The DossierFeed fields (spec feeds.md) an uploaded file may hold as columns, named exactly as the feed names them.</summary>
public static class DossierFileColumns
{
    public static IReadOnlyDictionary<string, DossierColumnKind> All { get; } = new Dictionary<string, DossierColumnKind>(StringComparer.Ordinal)
    {
        ["MaHoSo"] = DossierColumnKind.Text,
        ["MaTTHC"] = DossierColumnKind.Text,
        ["TenTTHC"] = DossierColumnKind.Text,
        ["MaLinhVuc"] = DossierColumnKind.Text,
        ["TenLinhVuc"] = DossierColumnKind.Text,
        ["MaDonVi"] = DossierColumnKind.Text,
        ["KenhThucHien"] = DossierColumnKind.Integer,
        ["TrangThaiHoSo"] = DossierColumnKind.Integer,
        ["NgayNopHoSo"] = DossierColumnKind.Date,
        ["NgayTiepNhan"] = DossierColumnKind.Date,
        ["NgayHenTra"] = DossierColumnKind.Date,
        ["NgayKetThucXuLy"] = DossierColumnKind.Date,
        ["NgayTra"] = DossierColumnKind.Date,
        ["NgayTuChoi"] = DossierColumnKind.Date,
        ["NgayCapNhat"] = DossierColumnKind.Date,
        ["DanhSachLePhi"] = DossierColumnKind.List,
        ["DuocThanhToanTrucTuyen"] = DossierColumnKind.Integer,
        ["TaiLieuNop"] = DossierColumnKind.List,
        ["DanhSachGiayToKetQua"] = DossierColumnKind.List,
        ["DanhSachHoSoBoSung"] = DossierColumnKind.List,
        ["TaiKhoanDuocXacThucVoiVNeID"] = DossierColumnKind.Integer,
        ["DongBoDVCQG"] = DossierColumnKind.Integer,
        ["DanhGiaHaiLong"] = DossierColumnKind.Integer,
        ["CoPhanAnhKienNghi"] = DossierColumnKind.Integer,
    };

    /// <summary>Required in every record whatever its status (NgayTiepNhan depends on the status, so a row may leave it empty).</summary>
    public static IReadOnlyList<string> Required { get; } = ["MaHoSo", "MaTTHC", "MaDonVi", "TrangThaiHoSo", "NgayCapNhat"];

    /// <summary>The property of the quarantined raw row that holds its row number in the file.</summary>
    public const string RowNumberProperty = "_Dong";
}
