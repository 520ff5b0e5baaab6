using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Reporting.Core.Feeds;
using Reporting.Core.Ingest;

namespace Reporting.Tests.Integration;

public sealed class IngestApiTests : IAsyncLifetime
{
    private readonly ScopedFactory _factory = new();

    private sealed class ScopedFactory : ReportingAppFactory
    {
        protected override string? ScopedAgency => TinyProvince.NewCommune;
    }

    public async Task InitializeAsync()
    {
        _ = _factory.Server;
        await TinyProvince.SeedAsync(_factory);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static object Envelope(params object[] data) => new { service = "DongBoHoSoMC", isUpdating = true, data };

    [Fact]
    public async Task EveryRecordGetsItsOutcomeAndBadOnesAreQuarantinedWithReasons()
    {
        using var client = _factory.ClientWithKey(ReportingAppFactory.IngestKey);
        var good = TinyProvince.Dossier("HS-1", TinyProvince.NewCommune, "20260302080000", promised: "20260305170000");
        var badDate = TinyProvince.Dossier("HS-2", TinyProvince.NewCommune, "2026-03-02");
        var unknownAgency = TinyProvince.Dossier("HS-3", "000.99.99.H99", "20260302080000");
        var oldCodeAfterMerger = TinyProvince.Dossier("HS-4", TinyProvince.OldCommune, "20260302080000");
        var response = await client.PostAsJsonAsync("/api/v1/ingest/dossiers", Envelope(good, badDate, unknownAgency, oldCodeAfterMerger, "not an object"));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(5, body.GetProperty("received").GetInt32());
        Assert.Equal(1, body.GetProperty("stored").GetInt32());
        Assert.Equal(4, body.GetProperty("quarantined").GetInt32());
        var records = body.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal("stored", records[0].GetProperty("outcome").GetString());
        Assert.Equal(QuarantineReason.BadDate, records[1].GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.Equal(QuarantineReason.UnknownAgency, records[2].GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.Equal(QuarantineReason.UnknownAgency, records[3].GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.Equal(QuarantineReason.NotAnObject, records[4].GetProperty("reasons")[0].GetProperty("code").GetString());

        using var reader = _factory.ClientWithKey(ReportingAppFactory.ReadKey);
        var quarantine = await reader.GetFromJsonAsync<JsonElement>("/api/v1/quarantine?source=tests-push");
        Assert.Equal(4, quarantine.GetProperty("total").GetInt32());
        var hs2 = quarantine.GetProperty("items").EnumerateArray().Single(q => q.GetProperty("key").GetString() == "HS-2");
        Assert.Equal("2026-03-02", hs2.GetProperty("raw").GetProperty("NgayTiepNhan").GetString());
        Assert.Contains("yyyyMMddHHmmss", hs2.GetProperty("reasons")[0].GetString());
    }

    [Fact]
    public async Task VersionsFollowNgayCapNhat()
    {
        using var client = _factory.ClientWithKey(ReportingAppFactory.IngestKey);
        var v1 = TinyProvince.Dossier("HS-V", TinyProvince.NewCommune, "20260302080000", updated: "20260302080000");
        var v2 = TinyProvince.Dossier("HS-V", TinyProvince.NewCommune, "20260302080000", status: 10, ended: "20260303090000", updated: "20260303090000");
        await client.PostAsJsonAsync("/api/v1/ingest/dossiers", Envelope(v1));
        var second = await (await client.PostAsJsonAsync("/api/v1/ingest/dossiers", Envelope(v2, v1, v2))).Content.ReadFromJsonAsync<JsonElement>();
        var outcomes = second.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()).ToList();
        Assert.Equal(["stored", "stale", "unchanged"], outcomes);

        await using var db = _factory.CreateDbContext();
        var stored = await db.Dossiers.SingleAsync(d => d.Code == "HS-V");
        Assert.Equal(10, stored.Status);
        var open = await db.AgencyBucketStats.SumAsync(s => s.Open);
        Assert.Equal(0, open - await OpenOfOtherDossiers(db));
    }

    private static async Task<int> OpenOfOtherDossiers(Reporting.Core.Persistence.ReportingDbContext db)
    {
        // Open counts of dossiers other than HS-V: only what other tests of this class stored.
        var others = await db.Dossiers.Where(d => d.Code != "HS-V" && d.Counted).ToListAsync();
        var delta = new Reporting.Core.Aggregates.AggregateDelta();
        var horizon = (await db.AggregateStates.SingleAsync()).HorizonBucket;
        foreach (var d in others)
        {
            Reporting.Core.Aggregates.DossierContribution.Apply(d, 1, horizon, delta);
        }

        return delta.Cells.Values.Sum(c => c.Open);
    }

    [Fact]
    public async Task APaymentBeforeItsDossierIsAppliedWhenTheDossierArrives()
    {
        using var client = _factory.ClientWithKey(ReportingAppFactory.IngestKey);
        var payment = new PaymentFeedItem
        {
            MaGiaoDich = "GD-1", MaHoSo = "HS-P", SoTien = 200000, KenhThanhToan = 2, TrangThai = "ThanhCong",
            ThoiGianThanhToan = "20260302090000", NgayCapNhat = "20260302090000",
        };
        var paid = await client.PostAsJsonAsync("/api/v1/ingest/payments", new { data = new[] { payment } });
        paid.EnsureSuccessStatusCode();

        var dossier = TinyProvince.Dossier("HS-P", TinyProvince.NewCommune, "20260302080000");
        await client.PostAsJsonAsync("/api/v1/ingest/dossiers", Envelope(dossier));
        await using (var db = _factory.CreateDbContext())
        {
            var stored = await db.Dossiers.SingleAsync(d => d.Code == "HS-P");
            Assert.True(stored.PaidByPaymentFeed);
            Assert.True(stored.PaidOnline);
        }

        // A refund (newer version of the same transaction) withdraws "paid online".
        payment.TrangThai = "HoanTien";
        payment.NgayCapNhat = "20260303090000";
        await client.PostAsJsonAsync("/api/v1/ingest/payments", new { data = new[] { payment } });
        await using (var db = _factory.CreateDbContext())
        {
            Assert.False((await db.Dossiers.SingleAsync(d => d.Code == "HS-P")).PaidOnline);
        }
    }

    [Fact]
    public async Task AKeyLimitedToAnAgencyQuarantinesRecordsOutsideIt()
    {
        using var client = _factory.ClientWithKey(ReportingAppFactory.ScopedIngestKey);
        var inside = TinyProvince.Dossier("HS-S1", TinyProvince.NewCommune, "20260302080000");
        var outside = TinyProvince.Dossier("HS-S2", TinyProvince.Department, "20260302080000");
        var body = await (await client.PostAsJsonAsync("/api/v1/ingest/dossiers", Envelope(inside, outside))).Content.ReadFromJsonAsync<JsonElement>();
        var records = body.GetProperty("records");
        Assert.Equal("stored", records[0].GetProperty("outcome").GetString());
        Assert.Equal(QuarantineReason.OutsideKeyScope, records[1].GetProperty("reasons")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task KeysAndScopesAreEnforcedWithProblemDetails()
    {
        using var anonymous = _factory.CreateClient();
        var none = await anonymous.GetAsync("/api/v1/indicators?period=2026-03");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);

        using var reader = _factory.ClientWithKey(ReportingAppFactory.ReadKey);
        var forbidden = await reader.PostAsJsonAsync("/api/v1/ingest/dossiers", Envelope());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var scoped = _factory.ClientWithKey(ReportingAppFactory.ScopedReadKey);
        var outside = await scoped.GetAsync($"/api/v1/indicators?period=2026-03&agency={TinyProvince.Department}");
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        var inside = await scoped.GetFromJsonAsync<JsonElement>("/api/v1/indicators?period=2026-03");
        Assert.Equal(TinyProvince.NewCommune, inside.GetProperty("agency").GetString());

        var invalid = await reader.GetAsync("/api/v1/indicators?period=2026-13&window=weekly");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("period", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("window", out _));
        Assert.DoesNotContain("   at ", await invalid.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ABrokenEnvelopeIsRefusedWithAClearError()
    {
        using var client = _factory.ClientWithKey(ReportingAppFactory.IngestKey);
        var response = await client.PostAsync("/api/v1/ingest/dossiers", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.EndsWith("invalid-json", problem.GetProperty("type").GetString());
        Assert.Contains("JSON", problem.GetProperty("title").GetString());
    }
}
