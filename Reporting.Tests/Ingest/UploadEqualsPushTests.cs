using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Ingest;
using Reporting.Core.Ingest.Files;
using Reporting.Tests.Integration;

namespace Reporting.Tests.Ingest;

/// <summary>
/// A file uploaded through <see cref="DossierFileImporter"/> ends exactly as the same records pushed as
/// JSON to <c>POST /api/v1/ingest/dossiers</c>: same outcomes, same figures in the API, same quarantine.
/// </summary>
public sealed class UploadEqualsPushTests
{
    private const string Source = "tests-push";

    [Theory]
    [InlineData("csv", 5_100)]
    [InlineData("xlsx", 300)]
    public async Task Figures_outcomes_and_quarantine_after_an_upload_equal_those_after_pushing_the_same_records(string format, int count)
    {
        var records = Records(count);
        // One push call for the whole file, as one upload: above the default Ingest:MaxRecordsPerCall on purpose.
        await using var pushed = new LargePushFactory();
        await using var uploaded = new ReportingAppFactory();
        _ = pushed.Server;
        _ = uploaded.Server;
        await TinyProvince.SeedAsync(pushed);
        await TinyProvince.SeedAsync(uploaded);

        using var push = pushed.ClientWithKey(ReportingAppFactory.IngestKey);
        var response = await push.PostAsJsonAsync("/api/v1/ingest/dossiers", new { service = "DongBoHoSoMC", isUpdating = true, data = records });
        response.EnsureSuccessStatusCode();
        var pushReport = await response.Content.ReadFromJsonAsync<JsonElement>();

        using var file = format == "csv" ? DossierFiles.CsvOf(records) : DossierFiles.XlsxOf(records, dateCells: true);
        var importer = uploaded.Services.GetRequiredService<DossierFileImporter>();
        var progress = new List<DossierFileProgress>();
        var result = await importer.ImportAsync(Source, file, "ho-so." + format, new Recorder(progress));

        Assert.Null(result.Error);
        Assert.Equal(count + 7, result.Rows);
        Assert.Equal(pushReport.GetProperty("stored").GetInt32(), result.Stored);
        Assert.Equal(pushReport.GetProperty("unchanged").GetInt32(), result.Unchanged);
        Assert.Equal(pushReport.GetProperty("stale").GetInt32(), result.Stale);
        Assert.Equal(pushReport.GetProperty("quarantined").GetInt32(), result.Quarantined);
        Assert.Equal(1, result.Stale);
        Assert.Equal(1, result.Unchanged);
        Assert.Equal(4, result.Quarantined);
        Assert.Equal(count / DossierFileImporter.BatchSize + 1, progress.Count);
        Assert.Equal(1, progress[^1].Fraction, 2);

        // Rows are numbered as the file shows them: header on row 1, the record at index k on row k + 2.
        var quarantinedRows = result.FirstQuarantined.Select(q => q.RowNumber).ToList();
        Assert.Equal([count + 5, count + 6, count + 7, count + 8], quarantinedRows);

        foreach (var query in new[] { "period=2026-03", "period=2026-Q1&window=cutoff", $"period=2026-03&agency={TinyProvince.Department}" })
        {
            var expected = await Figures(pushed, query);
            Assert.Contains(expected["indicators"]!.AsArray(), i => i!["denominator"]?.GetValue<decimal>() > 0);
            Assert.Equal(expected.ToJsonString(), (await Figures(uploaded, query)).ToJsonString());
        }

        var pushedQuarantine = await Quarantine(pushed);
        Assert.Equal(4, pushedQuarantine.Count);
        Assert.Equal(pushedQuarantine, await Quarantine(uploaded));
    }

    [Fact]
    public async Task A_broken_json_cell_quarantines_its_row_with_the_reason_and_the_uploaded_row_and_stores_the_others()
    {
        await using var app = new ReportingAppFactory();
        _ = app.Server;
        await TinyProvince.SeedAsync(app);
        var good = Record(1);
        var broken = Record(2);
        using var file = DossierFiles.CsvOf([good, broken]);
        var text = new StreamReader(file).ReadToEnd().Replace("\"[{\"\"TenTaiLieu\"\":\"\"Tờ khai 2\"\",\"\"DuocSoHoa\"\":0}]\"", "\"[{\"\"TenTaiLieu\"\":\"\"Tờ khai 2\"\"\"", StringComparison.Ordinal);
        Assert.Contains("Tờ khai 2\"\"\"", text);

        var result = await app.Services.GetRequiredService<DossierFileImporter>().ImportAsync(Source, DossierFiles.Csv(text), "ho-so.csv");

        Assert.Equal((2, 1, 1), (result.Rows, result.Stored, result.Quarantined));
        var row = Assert.Single(result.FirstQuarantined);
        Assert.Equal((3, "HS-00002"), (row.RowNumber, row.Key));
        Assert.Contains("TaiLieuNop", Assert.Single(row.Reasons).Message);

        using var reader = app.ClientWithKey(ReportingAppFactory.ReadKey);
        var quarantine = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/quarantine?source={Source}");
        var item = Assert.Single(quarantine.GetProperty("items").EnumerateArray());
        Assert.Equal(QuarantineReason.BadValue, item.GetProperty("reasonCodes")[0].GetString());
        Assert.Equal(3, item.GetProperty("raw").GetProperty("_Dong").GetInt32());
        Assert.Equal("[{\"TenTaiLieu\":\"Tờ khai 2\"", item.GetProperty("raw").GetProperty("TaiLieuNop").GetString());
    }

    [Fact]
    public async Task A_file_with_wrong_columns_or_over_the_size_limit_stores_nothing()
    {
        await using var app = new SmallUploads();
        _ = app.Server;
        await TinyProvince.SeedAsync(app);
        var importer = app.Services.GetRequiredService<DossierFileImporter>();

        var wrong = await importer.ImportAsync(Source, DossierFiles.Csv("MaHoSo,Ma_TTHC\nHS-1,1.000001\n"), "ho-so.csv");
        Assert.Contains("'Ma_TTHC'", wrong.Error);
        var big = await importer.ImportAsync(Source, DossierFiles.Csv(new string('x', 1024 * 1024 + 1)), "ho-so.csv");
        Assert.Contains("vượt giới hạn 1 MB", big.Error);
        var badSource = await importer.ImportAsync("tệp của tôi", DossierFiles.CsvOf([Record(1)]), "ho-so.csv");
        Assert.Contains("Tên nguồn chỉ gồm", badSource.Error);

        await using var db = app.CreateDbContext();
        Assert.Equal(0, db.Dossiers.Count());
        Assert.Equal(0, db.Quarantine.Count());
    }

    [Fact]
    public async Task A_quarantined_uploaded_row_is_stored_by_reprocessing_once_its_agency_exists()
    {
        await using var app = new ReportingAppFactory();
        _ = app.Server;
        await TinyProvince.SeedAsync(app);
        var record = Record(4);
        record["MaDonVi"] = "000.00.02.H99";

        var result = await app.Services.GetRequiredService<DossierFileImporter>().ImportAsync(Source, DossierFiles.CsvOf([record]), "ho-so.csv");
        Assert.Equal(1, result.Quarantined);

        await using (var db = app.CreateDbContext())
        {
            var root = await db.Agencies.SingleAsync(a => a.Code == TinyProvince.Root);
            db.Agencies.Add(new Reporting.Core.Agencies.Agency
            {
                Code = "000.00.02.H99", Name = "Sở Nội vụ", Kind = Reporting.Core.Agencies.AgencyKind.Department, ParentId = root.Id, ValidFrom = new DateOnly(2020, 1, 1),
            });
            await db.SaveChangesAsync();
        }

        await Reporting.Tests.Integration.ReferenceChanges.CommittedAsync(app.Services);
        var (tried, stored) = await app.Services.GetRequiredService<QuarantineReprocessor>().ReprocessAsync(source: Source);

        Assert.Equal((1, 1), (tried, stored));
        await using var check = app.CreateDbContext();
        var dossier = await check.Dossiers.SingleAsync();
        Assert.Equal(("HS-00004", "000.00.02.H99"), (dossier.Code, dossier.AgencyCode));
        Assert.Equal(QuarantineState.Reprocessed, (await check.Quarantine.SingleAsync()).State);
    }

    [Fact]
    public async Task The_template_is_served_over_http_and_reads_as_one_dossier()
    {
        await using var app = new ReportingAppFactory();
        using var client = await app.SignedInClientAsync();

        var response = await client.GetAsync("/exports/templates/dossiers.csv");

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(DossierFileTemplate.FileName, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        _ = app.Server;
        var result = await app.Services.GetRequiredService<DossierFileImporter>().ImportAsync(Source, new MemoryStream(bytes), DossierFileTemplate.FileName);
        Assert.Null(result.Error);
        Assert.Equal(1, result.Rows);
        Assert.Equal(QuarantineReason.UnknownAgency, Assert.Single(Assert.Single(result.FirstQuarantined).Reasons).Code);
    }

    private sealed class SmallUploads : ReportingAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Ingest:UploadMaxMegabytes"] = "1" };
    }

    private sealed class Recorder(List<DossierFileProgress> seen) : IProgress<DossierFileProgress>
    {
        public void Report(DossierFileProgress value) => seen.Add(value);
    }

    /// <summary>
    /// <paramref name="count"/> varied valid dossiers, then a newer version of the first, an older one
    /// (stale), the same again (unchanged) and four bad records.
    /// </summary>
    private static List<JsonObject> Records(int count)
    {
        var records = Enumerable.Range(1, count).Select(Record).ToList();
        var newer = Record(1);
        newer["TrangThaiHoSo"] = 10;
        newer["NgayKetThucXuLy"] = "20260310100000";
        newer["NgayTra"] = "20260310150000";
        newer["NgayCapNhat"] = "20260310150000";
        records.Add(newer);
        records.Add(Record(1));
        records.Add(newer.DeepClone().AsObject());

        var badDate = Record(count + 1);
        badDate["NgayTiepNhan"] = "02/03/2026";
        var unknownAgency = Record(count + 2);
        unknownAgency["MaDonVi"] = "000.99.99.H99";
        var fractionalStatus = Record(count + 3);
        fractionalStatus["TrangThaiHoSo"] = "4.5";
        var noProcedure = Record(count + 4);
        noProcedure.Remove("MaTTHC");
        records.AddRange([badDate, unknownAgency, fractionalStatus, noProcedure]);
        return records;
    }

    private static JsonObject Record(int i)
    {
        var day = 2 + (i % 25);
        var finished = i % 3 == 0;
        var record = new JsonObject
        {
            ["MaHoSo"] = $"HS-{i:00000}",
            ["MaTTHC"] = i % 2 == 0 ? TinyProvince.Procedure : TinyProvince.FeeProcedure,
            ["TenTTHC"] = i % 2 == 0 ? "Đăng ký khai sinh" : "Cấp phiếu lý lịch tư pháp, bản số 2",
            ["MaDonVi"] = i % 2 == 0 ? TinyProvince.NewCommune : TinyProvince.Department,
            ["KenhThucHien"] = 1 + (i % 3),
            ["TrangThaiHoSo"] = finished ? 10 : 4,
            ["NgayNopHoSo"] = $"202603{day:00}073000",
            ["NgayTiepNhan"] = $"202603{day:00}080000",
            ["NgayHenTra"] = $"202603{Math.Min(day + 3, 31):00}170000",
            ["NgayCapNhat"] = $"202603{day:00}120000",
            ["DongBoDVCQG"] = 1,
            ["TaiLieuNop"] = new JsonArray(new JsonObject { ["TenTaiLieu"] = $"Tờ khai {i}", ["DuocSoHoa"] = i % 2 }),
        };
        if (finished)
        {
            var end = Math.Min(day + (i % 5), 31);
            record["NgayKetThucXuLy"] = $"202603{end:00}090000";
            record["NgayTra"] = $"202603{end:00}100000";
            record["NgayCapNhat"] = $"202603{end:00}100000";
            record["DanhSachGiayToKetQua"] = new JsonArray(new JsonObject { ["TenGiayTo"] = "Giấy khai sinh", ["DuongDanTepTinKetQua"] = i % 2 == 0 ? "https://kq/1" : "" });
            record["DanhGiaHaiLong"] = 1 + (i % 2);
        }

        if (i % 2 == 1)
        {
            record["DanhSachLePhi"] = new JsonArray(new JsonObject { ["MaPhiLePhi"] = "LP", ["TenPhiLePhi"] = "Lệ phí", ["Gia"] = 200000, ["HinhThucThu"] = 1 });
            record["DuocThanhToanTrucTuyen"] = i % 4 == 1 ? 1 : 0;
        }

        if (i % 7 == 0)
        {
            record["DanhSachHoSoBoSung"] = new JsonArray(new JsonObject { ["NgayYeuCau"] = $"202603{day:00}150000", ["NgayBoSung"] = $"202603{Math.Min(day + 1, 31):00}090000" });
        }

        return record;
    }

    private static async Task<JsonObject> Figures(ReportingAppFactory app, string query)
    {
        using var client = app.ClientWithKey(ReportingAppFactory.ReadKey);
        var answer = (await client.GetFromJsonAsync<JsonObject>("/api/v1/indicators?" + query))!;
        answer.Remove("computedAt");
        return answer;
    }

    private static async Task<List<string>> Quarantine(ReportingAppFactory app)
    {
        using var client = app.ClientWithKey(ReportingAppFactory.ReadKey);
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/quarantine?source={Source}");
        return page.GetProperty("items").EnumerateArray()
            .Select(q => $"{q.GetProperty("key")}|{q.GetProperty("reasonCodes")}|{q.GetProperty("reasons")}")
            .Order(StringComparer.Ordinal).ToList();
    }

    private sealed class LargePushFactory : ReportingAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Ingest:MaxRecordsPerCall"] = "10000" };
    }
}
