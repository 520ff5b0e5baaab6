using System.Text;

namespace Reporting.Core.Ingest.Files;

/// <summary>The template offered to administrators: every DossierFeed column and one example dossier, as CSV UTF-8 with BOM (so Excel shows the diacritics).</summary>
public static class DossierFileTemplate
{
    public const string FileName = "mau-tai-len-ho-so.csv";

    private static readonly Dictionary<string, string> Example = new(StringComparer.Ordinal)
    {
        ["MaHoSo"] = "H98.01-260302-0001",
        ["MaTTHC"] = "1.001193",
        ["TenTTHC"] = "Thủ tục đăng ký khai sinh",
        ["MaLinhVuc"] = "HT",
        ["TenLinhVuc"] = "Hộ tịch",
        ["MaDonVi"] = "000.00.01.H98",
        ["KenhThucHien"] = "2",
        ["TrangThaiHoSo"] = "10",
        ["NgayNopHoSo"] = "20260302073000",
        ["NgayTiepNhan"] = "20260302080000",
        ["NgayHenTra"] = "20260305170000",
        ["NgayKetThucXuLy"] = "20260304100000",
        ["NgayTra"] = "20260304150000",
        ["NgayCapNhat"] = "20260304150000",
        ["DanhSachLePhi"] = "[{\"MaPhiLePhi\":\"LP01\",\"TenPhiLePhi\":\"Lệ phí đăng ký khai sinh\",\"Gia\":8000,\"HinhThucThu\":1}]",
        ["DuocThanhToanTrucTuyen"] = "1",
        ["TaiLieuNop"] = "[{\"TenTaiLieu\":\"Tờ khai đăng ký khai sinh\",\"DuocSoHoa\":1,\"DuocTaiSuDung\":0,\"DuocLayTuKhoDMQG\":0}]",
        ["DanhSachGiayToKetQua"] = "[{\"TenGiayTo\":\"Giấy khai sinh\",\"DuongDanTepTinKetQua\":\"https://motcua.example/ketqua/0001.pdf\"}]",
        ["DanhSachHoSoBoSung"] = "[]",
        ["TaiKhoanDuocXacThucVoiVNeID"] = "1",
        ["DongBoDVCQG"] = "1",
        ["DanhGiaHaiLong"] = "1",
        ["CoPhanAnhKienNghi"] = "0",
    };

    public static byte[] Csv()
    {
        var columns = DossierFileColumns.All.Keys.ToList();
        var text = new StringBuilder();
        text.AppendJoin(',', columns).Append("\r\n");
        text.AppendJoin(',', columns.Select(c => CsvCell(Example.GetValueOrDefault(c, ""), ','))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>A CSV cell, quoted as RFC 4180 says when it holds the separator, a quote or a line break.</summary>
    public static string CsvCell(string cell, char separator) =>
        cell.IndexOfAny([separator, '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
