using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Reporting.Core.Dossiers;
using Reporting.Core.Ingest;
using Reporting.Tests.Integration;

namespace Reporting.Tests.Hardening;

/// <summary>The bounded-input rules of access.md "Hardening rules", each through the real HTTP pipeline.</summary>
public sealed class BoundedInputTests : IAsyncLifetime
{
    private readonly ReportingAppFactory _factory = new();

    public async Task InitializeAsync()
    {
        _ = _factory.Server;
        await TinyProvince.SeedAsync(_factory);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static object Envelope(params object[] data) => new { service = "DongBoHoSoMC", isUpdating = true, data };

    /// <summary>The width of a column as the EF model declares it: the one place the checks must agree with.</summary>
    private int Width<TEntity>(string property)
    {
        using var db = _factory.CreateDbContext();
        return db.Model.FindEntityType(typeof(TEntity))!.FindProperty(property)!.GetMaxLength()!.Value;
    }

    [Fact]
    public async Task A_million_character_MaHoSo_is_quarantined_too_long_and_nothing_is_stored()
    {
        using var client = _factory.ClientWithKey(ReportingAppFactory.IngestKey);
        var huge = TinyProvince.Dossier(new string('X', 1_000_000), TinyProvince.NewCommune, "20260302080000");
        var response = await client.PostAsJsonAsync("/api/v1/ingest/dossiers", Envelope(huge));

        response.EnsureSuccessStatusCode();
        var record = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("records")[0];
        Assert.Equal("quarantined", record.GetProperty("outcome").GetString());
        Assert.Equal(QuarantineReason.TooLong, record.GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.Equal("MaHoSo", record.GetProperty("reasons")[0].GetProperty("field").GetString());
        await using var db = _factory.CreateDbContext();
        Assert.Equal(0, await db.Dossiers.CountAsync());
        var kept = await db.Quarantine.SingleAsync();
        Assert.Contains(new string('X', 1_000_000), kept.RawJson);
        Assert.True(kept.RecordKey!.Length <= Width<QuarantinedRecord>(nameof(QuarantinedRecord.RecordKey)));
    }

    [Fact]
    public async Task Every_text_field_is_stored_at_its_column_width_and_quarantined_one_character_above()
    {
        using var client = _factory.ClientWithKey(ReportingAppFactory.IngestKey);
        var fields = new (string Json, int Width)[]
        {
            ("MaHoSo", Width<Dossier>(nameof(Dossier.Code))),
            ("MaTTHC", Width<Dossier>(nameof(Dossier.ProcedureCode))),
            ("TenTTHC", Width<Dossier>(nameof(Dossier.ProcedureName))),
            ("MaLinhVuc", Width<Dossier>(nameof(Dossier.FieldCode))),
            ("TenLinhVuc", Width<Dossier>(nameof(Dossier.FieldName))),
            ("MaDonVi", Width<Dossier>(nameof(Dossier.AgencyCode))),
        };
        var n = 0;
        foreach (var (field, width) in fields)
        {
            foreach (var length in new[] { width, width + 1 })
            {
                var record = JsonSerializer.SerializeToNode(TinyProvince.Dossier($"HS-{n++}", TinyProvince.NewCommune, "20260302080000"))!.AsObject();
                record[field] = new string('7', length);
                var response = await client.PostAsJsonAsync("/api/v1/ingest/dossiers", Envelope(record));
                response.EnsureSuccessStatusCode();
                var result = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("records")[0];
                var codes = result.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
                if (length > width)
                {
                    Assert.True(codes.SequenceEqual([QuarantineReason.TooLong]), $"{field} of {length} characters: [{string.Join(", ", codes)}]");
                }
                else
                {
                    Assert.DoesNotContain(QuarantineReason.TooLong, codes);
                }
            }
        }
    }

    [Fact]
    public async Task A_too_long_transaction_code_is_quarantined_too_long()
    {
        using var client = _factory.ClientWithKey(ReportingAppFactory.IngestKey);
        var payment = new Dictionary<string, object>
        {
            ["MaGiaoDich"] = new string('G', Width<Payment>(nameof(Payment.TransactionCode)) + 1),
            ["MaHoSo"] = "HS-1",
            ["SoTien"] = 1000,
            ["TrangThai"] = "ThanhCong",
            ["NgayCapNhat"] = "20260302080000",
        };
        var response = await client.PostAsJsonAsync("/api/v1/ingest/payments", Envelope(payment));

        response.EnsureSuccessStatusCode();
        var record = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("records")[0];
        Assert.Equal(QuarantineReason.TooLong, record.GetProperty("reasons")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task More_records_than_Ingest_MaxRecordsPerCall_is_413_and_stores_nothing()
    {
        using var client = _factory.ClientWithKey(ReportingAppFactory.IngestKey);
        var records = Enumerable.Range(0, 5001).Select(i => (object)TinyProvince.Dossier($"HS-{i}", TinyProvince.NewCommune, "20260302080000")).ToArray();

        var response = await client.PostAsJsonAsync("/api/v1/ingest/dossiers", Envelope(records));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:reporting-system:problem:too-many-records", problem.GetProperty("type").GetString());
        Assert.Contains("5.000", problem.GetProperty("detail").GetString());
        await using var db = _factory.CreateDbContext();
        Assert.Equal(0, await db.Dossiers.CountAsync());
        Assert.Equal(0, await db.Quarantine.CountAsync());

        var payments = await client.PostAsJsonAsync("/api/v1/ingest/payments", new { data = Enumerable.Range(0, 5001).Select(i => new { MaGiaoDich = $"G{i}" }) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, payments.StatusCode);

        var atTheLimit = await client.PostAsJsonAsync("/api/v1/ingest/dossiers", Envelope(records[..5000]));
        atTheLimit.EnsureSuccessStatusCode();
    }

    [Theory]
    [InlineData("/api/v1/quarantine?to=9999-12-31", "to")]
    [InlineData("/api/v1/quarantine?from=1999-12-31", "from")]
    [InlineData("/api/v1/quarantine?to=2101-01-01", "to")]
    [InlineData("/api/v1/quarantine?page=2147483647", "page")]
    [InlineData("/api/v1/quarantine?page=1001", "page")]
    [InlineData("/api/v1/quarantine?page=0", "page")]
    [InlineData("/api/v1/quarantine?pageSize=1001", "pageSize")]
    [InlineData("/api/v1/quarantine?pageSize=0", "pageSize")]
    [InlineData("/api/v1/payments/unmatched?page=2147483647", "page")]
    [InlineData("/api/v1/payments/unmatched?pageSize=1001", "pageSize")]
    [InlineData("/api/v1/indicators/1.1/dossiers?period=2026-03&page=2147483647", "page")]
    public async Task Pages_sizes_and_days_outside_their_bounds_are_400_with_the_field(string url, string field)
    {
        using var client = _factory.ClientWithKey(ReportingAppFactory.AdminKey);
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:reporting-system:problem:validation", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/v1/quarantine?from=2000-01-01&to=2100-12-31&page=1000&pageSize=1000")]
    [InlineData("/api/v1/payments/unmatched?page=1000&pageSize=1000")]
    public async Task The_bounds_themselves_are_accepted(string url)
    {
        using var client = _factory.ClientWithKey(ReportingAppFactory.AdminKey);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_page_number_that_does_not_fit_an_int_is_a_400_problem()
    {
        using var client = _factory.ClientWithKey(ReportingAppFactory.AdminKey);
        var response = await client.GetAsync("/api/v1/quarantine?page=99999999999");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_feed_date_outside_2000_to_2100_is_quarantined_as_a_bad_date()
    {
        using var client = _factory.ClientWithKey(ReportingAppFactory.IngestKey);
        var response = await client.PostAsJsonAsync("/api/v1/ingest/dossiers",
            Envelope(TinyProvince.Dossier("HS-9999", TinyProvince.NewCommune, "99991231235959")));

        response.EnsureSuccessStatusCode();
        var record = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("records")[0];
        Assert.Equal(QuarantineReason.BadDate, record.GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.Contains("2100", record.GetProperty("reasons")[0].GetProperty("message").GetString());
    }
}
