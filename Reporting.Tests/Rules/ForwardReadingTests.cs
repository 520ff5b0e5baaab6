using System.Text;
using System.Text.Json;
using Reporting.Core.Ingest;
using static Reporting.Tests.Rules.RuleFixtures;

namespace Reporting.Tests.Rules;

/// <summary>
/// The push body and its records are read forward from UTF-8 (ADR 017): the envelope rules of the API and the
/// record rules must come out as they did when a JSON document was read, including the odd inputs.
/// </summary>
public sealed class ForwardReadingTests
{
    private static List<string>? Records(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var envelope = IngestEnvelope.ReadAsync(new MemoryStream(bytes), bytes.Length, default).GetAwaiter().GetResult();
        return envelope.Records() is { } slices ? envelope.ToRecords(slices).Select(r => Encoding.UTF8.GetString(r.Utf8)).ToList() : null;
    }

    [Fact]
    public void Each_record_is_its_exact_text_in_the_body()
    {
        Assert.Equal(["{\"a\": [1, {\"b\": 2}]}", "5", "\"x\""], Records("{ \"service\": \"DongBoHoSoMC\", \"data\": [ {\"a\": [1, {\"b\": 2}]}, 5, \"x\" ] }"));
    }

    [Fact]
    public void Data_wins_over_items_and_must_be_an_array()
    {
        Assert.Equal(["1"], Records("{\"items\": [2, 3], \"data\": [1]}"));
        Assert.Equal(["2"], Records("{\"items\": [2]}"));
        Assert.Null(Records("{\"data\": {}, \"items\": [2]}"));
        Assert.Null(Records("{\"other\": []}"));
        Assert.Null(Records("[1, 2]"));
        Assert.Equal(["2"], Records("{\"data\": [1], \"data\": [2]}"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"data\": [1,]}")]
    [InlineData("{\"data\": [1]} x")]
    [InlineData("{\"data\": [{\"a\": }]}")]
    public void A_body_that_is_not_json_throws_before_any_record(string body)
    {
        Assert.ThrowsAny<JsonException>(() => Records(body));
    }

    [Fact]
    public void An_escaped_name_and_a_repeated_field_read_as_a_document_reads_them()
    {
        var json = "{\"M\\u0061HoSo\": \"HS-1\", \"MaTTHC\": \"1.001612\", \"MaDonVi\": \"000.00.01.H01\", \"TrangThaiHoSo\": 9, \"TrangThaiHoSo\": 4, " +
                   "\"NgayTiepNhan\": \"20260301083000\", \"NgayCapNhat\": \"20260301083000\", \"TenTTHC\": \"Khai sinh \\u0111\\u00e3\"}";
        var reasons = new List<QuarantineReason>();
        var parsed = DossierRecordReader.Read(Encoding.UTF8.GetBytes(json), "motcua", reasons);
        Assert.Empty(reasons);
        Assert.Equal(("HS-1", 4, "Khai sinh đã"), (parsed!.Dossier.Code, parsed.Dossier.Status, parsed.Dossier.ProcedureName));
    }

    [Fact]
    public void The_same_record_read_from_bytes_and_from_an_element_gives_the_same_reasons()
    {
        var record = ValidRecord();
        record["KenhThucHien"] = true;
        record["NgayHenTra"] = "2026-03-10";
        record["DanhSachLePhi"] = new System.Text.Json.Nodes.JsonArray(1, new System.Text.Json.Nodes.JsonObject { ["Gia"] = "x" });
        var (_, fromElement) = ReadDossier(record);
        var fromBytes = new List<QuarantineReason>();
        DossierRecordReader.Read(Encoding.UTF8.GetBytes(record.ToJsonString()), "motcua", fromBytes);
        Assert.Equal(4, fromElement.Count);
        Assert.Equal(fromElement, fromBytes);
        Assert.Equal("DanhSachLePhi[0]", fromElement[2].Field);
        Assert.Equal("DanhSachLePhi[1].Gia", fromElement[3].Field);
    }
}
