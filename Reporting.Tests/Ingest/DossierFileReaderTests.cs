using System.Text;
using System.Text.Json;
using Reporting.Core.Ingest;
using Reporting.Core.Ingest.Files;

namespace Reporting.Tests.Ingest;

public class DossierFileReaderTests
{
    private const string Header = "MaHoSo,MaTTHC,MaDonVi,TrangThaiHoSo,NgayTiepNhan,NgayCapNhat";

    private static List<DossierFileRow> ReadCsv(string text, bool bom = false) => DossierFileReader.Open(DossierFiles.Csv(text, bom), "ho-so.csv").ToList();

    private static JsonElement Json(DossierFileRow row) => row.Record.Json;

    private static string? Text(DossierFileRow row, string field) =>
        Json(row).TryGetProperty(field, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText() : null;

    [Fact]
    public void Csv_quoting_keeps_separators_quotes_and_line_breaks_inside_cells_and_numbers_rows_by_their_first_line()
    {
        var rows = ReadCsv(
            "MaHoSo,TenTTHC,MaTTHC,MaDonVi,TrangThaiHoSo,NgayCapNhat\r\n" +
            "HS-1,\"Cấp phiếu lý lịch, tư pháp\",1.000002,000.00.01.H99,4,20260301120000\r\n" +
            "HS-2,\"Tên có \"\"ngoặc kép\"\"\nvà xuống dòng\",1.000001,000.00.01.H99,2,20260301120000\n" +
            "HS-3,Đăng ký khai sinh,1.000001,000.00.01.H99,2,20260301120000");

        Assert.Equal(3, rows.Count);
        Assert.Equal([2, 3, 5], rows.Select(r => r.RowNumber));
        Assert.Equal("Cấp phiếu lý lịch, tư pháp", Text(rows[0], "TenTTHC"));
        Assert.Equal("Tên có \"ngoặc kép\"\nvà xuống dòng", Text(rows[1], "TenTTHC"));
        Assert.Equal("Đăng ký khai sinh", Text(rows[2], "TenTTHC"));
        Assert.Equal(JsonValueKind.Number, Json(rows[0]).GetProperty("TrangThaiHoSo").ValueKind);
        Assert.Equal(JsonValueKind.String, Json(rows[0]).GetProperty("NgayCapNhat").ValueKind);
        Assert.Empty(rows[0].Record.PriorReasons);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_not_part_of_the_first_column_name()
    {
        var rows = ReadCsv(Header + "\nHS-1,1.000001,000.00.01.H99,4,20260302080000,20260301120000\n", bom: true);

        Assert.Equal("HS-1", Text(Assert.Single(rows), "MaHoSo"));
    }

    [Theory]
    [InlineData("MaHoSo;MaTTHC;MaDonVi;TrangThaiHoSo;NgayTiepNhan;NgayCapNhat\nHS-1;1.000001;000.00.01.H99;4;20260302080000;20260301120000", 2)]
    [InlineData("sep=;\nMaHoSo;MaTTHC;MaDonVi;TrangThaiHoSo;NgayTiepNhan;NgayCapNhat\nHS-1;1.000001;000.00.01.H99;4;20260302080000;20260301120000", 3)]
    public void Semicolon_separated_files_are_read_when_the_header_row_uses_semicolons(string text, int rowNumber)
    {
        var row = Assert.Single(ReadCsv(text));

        Assert.Equal(rowNumber, row.RowNumber);
        Assert.Equal("HS-1", Text(row, "MaHoSo"));
        Assert.Equal("000.00.01.H99", Text(row, "MaDonVi"));
        Assert.Equal("4", Text(row, "TrangThaiHoSo"));
    }

    [Fact]
    public void Empty_cells_are_absent_fields_and_blank_lines_are_skipped()
    {
        var rows = ReadCsv(Header + ",KenhThucHien\nHS-1,1.000001,000.00.01.H99,1,,20260301120000,\n\n  ,,,,,,\n");

        var row = Assert.Single(rows);
        Assert.False(Json(row).TryGetProperty("NgayTiepNhan", out _));
        Assert.False(Json(row).TryGetProperty("KenhThucHien", out _));
    }

    [Fact]
    public void A_non_integer_in_an_integer_column_is_passed_on_so_the_record_reader_quarantines_it_with_its_reason()
    {
        var row = Assert.Single(ReadCsv(Header + "\nHS-1,1.000001,000.00.01.H99,4.5,20260302080000,20260301120000"));

        Assert.Equal("4.5", Json(row).GetProperty("TrangThaiHoSo").GetString());
        var reasons = new List<QuarantineReason>(row.Record.PriorReasons);
        Assert.Null(DossierRecordReader.Read(row.Record.Json, "tep", reasons));
        var reason = Assert.Single(reasons);
        Assert.Equal(QuarantineReason.UnknownCode, reason.Code);
        Assert.Contains("4.5", reason.Message);
    }

    [Fact]
    public void List_cells_are_parsed_as_json_and_a_broken_one_quarantines_only_its_row_keeping_the_cell_in_the_raw_row()
    {
        var rows = ReadCsv(Header + ",DanhSachLePhi,TaiLieuNop\n" +
            "HS-1,1.000002,000.00.01.H99,4,20260302080000,20260301120000,\"[{\"\"MaPhiLePhi\"\":\"\"LP1\"\",\"\"Gia\"\":200000}]\",\"[{\"\"TenTaiLieu\"\":\"\"Tờ khai\"\",\"\"DuocSoHoa\"\":1}]\"\n" +
            "HS-2,1.000002,000.00.01.H99,4,20260302080000,20260301120000,\"[{\"\"MaPhiLePhi\"\":\"\"LP1\"\",\"\"Gia\"\":200000\",\n");

        Assert.Equal(2, rows.Count);
        var fees = Json(rows[0]).GetProperty("DanhSachLePhi");
        Assert.Equal(JsonValueKind.Array, fees.ValueKind);
        Assert.Equal(200000, fees[0].GetProperty("Gia").GetInt32());
        Assert.Equal("Tờ khai", Json(rows[0]).GetProperty("TaiLieuNop")[0].GetProperty("TenTaiLieu").GetString());
        Assert.Empty(rows[0].Record.PriorReasons);

        var broken = rows[1];
        var reason = Assert.Single(broken.Record.PriorReasons);
        Assert.Equal(QuarantineReason.BadValue, reason.Code);
        Assert.Equal("DanhSachLePhi", reason.Field);
        Assert.Contains("không phải JSON hợp lệ", reason.Message);
        Assert.Contains("dòng 3", reason.Message);
        Assert.False(Json(broken).TryGetProperty("DanhSachLePhi", out _));
        using var raw = JsonDocument.Parse(broken.Record.RawText!());
        Assert.Equal(3, raw.RootElement.GetProperty(DossierFileColumns.RowNumberProperty).GetInt32());
        Assert.Equal("[{\"MaPhiLePhi\":\"LP1\",\"Gia\":200000", raw.RootElement.GetProperty("DanhSachLePhi").GetString());
        Assert.Equal("HS-2", raw.RootElement.GetProperty("MaHoSo").GetString());
    }

    [Fact]
    public void The_raw_row_keeps_the_row_number_and_vietnamese_text_unescaped()
    {
        var row = Assert.Single(ReadCsv("MaHoSo,TenTTHC,MaTTHC,MaDonVi,TrangThaiHoSo,NgayCapNhat\nHS-1,Đăng ký khai sinh,1.000001,X,2,20260301120000"));

        Assert.Equal("{\"_Dong\":2,\"MaHoSo\":\"HS-1\",\"TenTTHC\":\"Đăng ký khai sinh\",\"MaTTHC\":\"1.000001\",\"MaDonVi\":\"X\",\"TrangThaiHoSo\":2,\"NgayCapNhat\":\"20260301120000\"}",
            row.Record.RawText!());
    }

    [Fact]
    public void An_unclosed_quote_or_extra_cells_quarantine_the_row_with_a_reason()
    {
        var rows = ReadCsv(Header + "\nHS-1,1.000001,000.00.01.H99,4,20260302080000,20260301120000,thừa\nHS-2,\"1.000001,000.00.01.H99,4,20260302080000,20260301120000\n");

        Assert.Equal(2, rows.Count);
        Assert.Contains("nhiều hơn 6 cột", Assert.Single(rows[0].Record.PriorReasons).Message);
        Assert.Contains("không đóng", Assert.Single(rows[1].Record.PriorReasons).Message);
    }

    [Fact]
    public void Unknown_columns_are_listed_with_the_likely_name_and_nothing_is_read()
    {
        var e = Assert.Throws<DossierFileException>(() => ReadCsv(Header + ",mathu,GhiChu\nHS-1,1.000001,X,4,20260302080000,20260301120000,,"));

        Assert.Contains("'mathu'", e.Message);
        Assert.Contains("'GhiChu'", e.Message);
        Assert.DoesNotContain("Thiếu cột", e.Message);

        var cased = Assert.Throws<DossierFileException>(() => ReadCsv("mahoso,MaTTHC,MaDonVi,TrangThaiHoSo,NgayCapNhat\nHS-1,1,X,4,20260301120000"));
        Assert.Contains("'mahoso' (có phải 'MaHoSo'?)", cased.Message);
        Assert.Contains("Thiếu cột bắt buộc: MaHoSo.", cased.Message);
    }

    [Fact]
    public void Missing_required_columns_and_duplicated_columns_are_a_whole_file_error()
    {
        var e = Assert.Throws<DossierFileException>(() => ReadCsv("MaHoSo,MaHoSo,TenTTHC\nHS-1,HS-1,x"));

        Assert.Contains("Thiếu cột bắt buộc: MaTTHC, MaDonVi, TrangThaiHoSo, NgayCapNhat.", e.Message);
        Assert.Contains("Cột bị lặp lại: 'MaHoSo'.", e.Message);
        Assert.Contains("Không hồ sơ nào được lưu.", e.Message);
    }

    [Theory]
    [InlineData("ho-so.xls")]
    [InlineData("ho-so.txt")]
    public void Other_file_types_are_refused(string name)
    {
        var e = Assert.Throws<DossierFileException>(() => DossierFileReader.Open(DossierFiles.Csv(Header), name).ToList());

        Assert.Contains("Chỉ nhận tệp .csv hoặc .xlsx", e.Message);
    }

    [Fact]
    public void A_csv_not_in_utf8_is_refused_whole_before_any_row_is_read()
    {
        // "Hộ tịch" in Windows-1258 bytes (not valid UTF-8) on the second data row.
        var bytes = Encoding.ASCII.GetBytes(Header + "\nHS-1,1.000001,X,4,20260302080000,20260301120000\nHS-2,1.000001,X,4,20260302080000,H").Concat(new byte[] { 0xD2, 0xF2, 0x20, 0x74 }).ToArray();

        var e = Assert.Throws<DossierFileException>(() => DossierFileReader.Open(new MemoryStream(bytes), "ho-so.csv"));

        Assert.Contains("UTF-8", e.Message);
    }

    [Fact]
    public void An_excel_file_named_csv_and_a_text_file_named_xlsx_are_refused()
    {
        var xlsx = DossierFiles.Xlsx([new Dictionary<string, object?> { ["MaHoSo"] = "HS-1" }]);
        Assert.Contains("thực chất là tệp Excel", Assert.Throws<DossierFileException>(() => DossierFileReader.Open(xlsx, "a.csv")).Message);
        Assert.Contains("không phải tệp Excel hợp lệ", Assert.Throws<DossierFileException>(() => DossierFileReader.Open(DossierFiles.Csv(Header), "a.xlsx")).Message);
    }

    [Fact]
    public void Xlsx_date_cells_become_feed_dates_text_cells_pass_through_and_numbers_keep_their_type()
    {
        var file = DossierFiles.Xlsx(
        [
            XlsxRow("HS-1", 4, new DateTime(2026, 3, 2, 8, 0, 0), "20260301120000"),
            XlsxRow(null, null, null, null),
            XlsxRow("HS-3", 4.5, "02/03/2026", 20260301120000d),
        ]);

        var rows = DossierFileReader.Open(file, "ho-so.xlsx").ToList();

        Assert.Equal([2, 4], rows.Select(r => r.RowNumber));
        Assert.Equal("20260302080000", Text(rows[0], "NgayTiepNhan"));
        Assert.Equal(JsonValueKind.String, Json(rows[0]).GetProperty("NgayCapNhat").ValueKind);
        Assert.Equal("20260301120000", Text(rows[0], "NgayCapNhat"));
        Assert.Equal(4, Json(rows[0]).GetProperty("TrangThaiHoSo").GetInt32());
        Assert.Equal("Hộ tịch – khai sinh", Text(rows[0], "TenTTHC"));
        Assert.Equal("Tờ khai", Json(rows[0]).GetProperty("TaiLieuNop")[0].GetProperty("TenTaiLieu").GetString());

        Assert.Equal(4.5, Json(rows[1]).GetProperty("TrangThaiHoSo").GetDouble());
        Assert.Equal("02/03/2026", Text(rows[1], "NgayTiepNhan"));
        Assert.Equal("20260301120000", Json(rows[1]).GetProperty("NgayCapNhat").GetString());
        var reasons = new List<QuarantineReason>();
        Assert.Null(DossierRecordReader.Read(rows[1].Record.Json, "tep", reasons));
        Assert.Equal([QuarantineReason.BadDate, QuarantineReason.UnknownCode], reasons.Select(r => r.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Xlsx_unknown_columns_are_a_whole_file_error()
    {
        var file = DossierFiles.Xlsx([new Dictionary<string, object?> { ["MaHoSo"] = "HS-1", ["Ma_TTHC"] = "1.000001" }]);

        var e = Assert.Throws<DossierFileException>(() => DossierFileReader.Open(file, "ho-so.xlsx"));

        Assert.Contains("'Ma_TTHC'", e.Message);
        Assert.Contains("Thiếu cột bắt buộc: MaTTHC, MaDonVi, TrangThaiHoSo, NgayCapNhat.", e.Message);
    }

    [Fact]
    public void The_template_has_every_column_and_an_example_row_the_record_reader_accepts()
    {
        var row = Assert.Single(DossierFileReader.Open(new MemoryStream(DossierFileTemplate.Csv()), DossierFileTemplate.FileName));

        Assert.Equal(DossierFileColumns.All.Count - 1, row.Record.Json.EnumerateObject().Count());
        var reasons = new List<QuarantineReason>(row.Record.PriorReasons);
        var parsed = DossierRecordReader.Read(row.Record.Json, "tep", reasons);
        Assert.Empty(reasons);
        Assert.Equal("Thủ tục đăng ký khai sinh", parsed!.Dossier.ProcedureName);
        Assert.Equal(8000, Assert.Single(parsed.Lists.Fees).Amount);
    }

    private static Dictionary<string, object?> XlsxRow(string? code, object? status, object? received, object? updated) => new()
    {
        ["MaHoSo"] = code,
        ["TenTTHC"] = code is null ? null : "Hộ tịch – khai sinh",
        ["MaTTHC"] = code is null ? null : "1.000001",
        ["MaDonVi"] = code is null ? null : "000.00.01.H99",
        ["TrangThaiHoSo"] = status,
        ["NgayTiepNhan"] = received,
        ["NgayCapNhat"] = updated,
        ["TaiLieuNop"] = code == "HS-1" ? "[{\"TenTaiLieu\":\"Tờ khai\"}]" : null,
    };
}
