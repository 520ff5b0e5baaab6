using System.Text;
using Reporting.Core.Ingest;

namespace Reporting.Tests.Rules;

/// <summary>Repeated field values are shared between records (ADR 021, issue 13) without changing any value read.</summary>
public sealed class RepeatedStringsTests
{
    private static ParsedDossier Read(string procedureNameJson)
    {
        var json = $$"""
            {"MaHoSo":"H-1","MaTTHC":"1.000001","TenTTHC":{{procedureNameJson}},"MaLinhVuc":"HT","TenLinhVuc":"Hộ tịch","MaDonVi":"000.01.00.H01",
             "KenhThucHien":1,"TrangThaiHoSo":4,"NgayTiepNhan":"20260302080000","NgayCapNhat":"20260302080000",
             "TaiLieuNop":[{"TenTaiLieu":"Tờ khai","DuocSoHoa":1,"DuocTaiSuDung":0,"DuocLayTuKhoDMQG":0}]}
            """;
        var reasons = new List<QuarantineReason>();
        var parsed = DossierRecordReader.Read(Encoding.UTF8.GetBytes(json), "test", reasons);
        Assert.Empty(reasons);
        return parsed!;
    }

    [Fact]
    public void The_same_text_escaped_or_not_reads_as_one_shared_value()
    {
        var plain = Read("\"Đăng ký khai sinh\"");
        var escaped = Read("\"\\u0110\\u0103ng k\\u00fd khai sinh\"");
        Assert.Equal("Đăng ký khai sinh", plain.Dossier.ProcedureName);
        Assert.Equal("Đăng ký khai sinh", escaped.Dossier.ProcedureName);
        Assert.Same(plain.Dossier.ProcedureName, escaped.Dossier.ProcedureName);
        Assert.Same(plain.Dossier.FieldName, escaped.Dossier.FieldName);
        Assert.Same(plain.Lists.Components[0].Name, escaped.Lists.Components[0].Name);
        Assert.Equal("H-1", plain.Dossier.Code);
    }

    [Fact]
    public void Surrounding_spaces_are_trimmed_as_before_and_long_texts_read_whole()
    {
        Assert.Equal("Đăng ký khai sinh", Read("\"  Đăng ký khai sinh \"").Dossier.ProcedureName);
        var longName = new string('x', RepeatedStrings.MaxLength + 10);
        Assert.Equal(longName, Read($"\"{longName}\"").Dossier.ProcedureName);
    }

    [Fact]
    public void More_distinct_texts_than_the_pool_holds_still_read_right()
    {
        for (var i = 0; i < RepeatedStrings.MaxEntries * 2 + 5; i++)
        {
            var text = "thủ tục " + i;
            Assert.Equal(text, RepeatedStrings.Get(text.AsSpan()));
        }

        Assert.Same(RepeatedStrings.Get("Hộ tịch".AsSpan()), RepeatedStrings.Get("Hộ tịch".AsSpan()));
    }
}
