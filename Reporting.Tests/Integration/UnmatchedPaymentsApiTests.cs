using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reporting.Core.Feeds;

namespace Reporting.Tests.Integration;

/// <summary><c>GET /api/v1/payments/unmatched</c> through the real pipeline: payments still without their dossier after the configured days.</summary>
public sealed class UnmatchedPaymentsApiTests
{
    // 03/11/2026 09:00 in Vietnam.
    private static readonly DateTimeOffset Start = new(2026, 11, 3, 2, 0, 0, TimeSpan.Zero);

    private static PaymentFeedItem Payment(string transaction, string dossier, decimal amount, string state = "ThanhCong") => new()
    {
        MaGiaoDich = transaction, MaHoSo = dossier, SoTien = amount, KenhThanhToan = 1, TrangThai = state,
        ThoiGianThanhToan = "20261102101500", NgayCapNhat = "20261102101500",
    };

    private static async Task IngestAsync(HttpClient client, string path, params object[] data) =>
        (await client.PostAsJsonAsync(path, new { data })).EnsureSuccessStatusCode();

    [Fact]
    public async Task Payments_without_their_dossier_after_the_set_days_are_listed_oldest_first_until_the_dossier_arrives()
    {
        var clock = new ManualClock(Start);
        await using var app = new ClockAppFactory(clock);
        _ = app.Server;
        await TinyProvince.SeedAsync(app);
        using var ingest = app.ClientWithKey(ReportingAppFactory.IngestKey);
        using var admin = app.ClientWithKey(ReportingAppFactory.AdminKey);

        await IngestAsync(ingest, "/api/v1/ingest/dossiers", TinyProvince.Dossier("HS-CO", TinyProvince.NewCommune, "20261102080000"));
        await IngestAsync(ingest, "/api/v1/ingest/payments", Payment("GD-1", "HS-CHUA-1", 1_250_000m), Payment("GD-MATCHED", "HS-CO", 50_000m));
        clock.Now = Start.AddDays(2);
        await IngestAsync(ingest, "/api/v1/ingest/payments", Payment("GD-2", "HS-CHUA-2", 300_000m, "ThatBai"));

        // Nothing is old enough yet: the first payment waited 6 days.
        clock.Now = Start.AddDays(6);
        var early = await admin.GetFromJsonAsync<JsonElement>("/api/v1/payments/unmatched");
        Assert.Equal(0, early.GetProperty("total").GetInt32());
        Assert.Equal(7, early.GetProperty("olderThanDays").GetInt32());

        // A newer version of the first payment (refunded) does not restart its wait.
        clock.Now = Start.AddDays(8);
        var newer = Payment("GD-1", "HS-CHUA-1", 1_250_000m, "HoanTien");
        newer.NgayCapNhat = "20261110090000";
        await IngestAsync(ingest, "/api/v1/ingest/payments", newer);

        clock.Now = Start.AddDays(9).AddHours(1);
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/payments/unmatched");
        Assert.Equal(2, listed.GetProperty("total").GetInt32());
        Assert.Equal("2026-11-05T10:00:00+07:00", listed.GetProperty("storedBefore").GetString());
        var items = listed.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["GD-1", "GD-2"], items.Select(i => i.GetProperty("transactionCode").GetString()));
        var first = items[0];
        Assert.Equal("HS-CHUA-1", first.GetProperty("dossierCode").GetString());
        Assert.Equal("tests-push", first.GetProperty("source").GetString());
        Assert.Equal(1_250_000m, first.GetProperty("amount").GetDecimal());
        Assert.Equal("HoanTien", first.GetProperty("state").GetString());
        Assert.Equal("2026-11-02T10:15:00+07:00", first.GetProperty("paidAt").GetString());
        Assert.Equal("2026-11-03T09:00:00+07:00", first.GetProperty("storedAt").GetString());
        Assert.Equal(9, first.GetProperty("ageDays").GetInt32());
        Assert.Equal(7, items[1].GetProperty("ageDays").GetInt32());

        var paged = await admin.GetFromJsonAsync<JsonElement>("/api/v1/payments/unmatched?page=2&pageSize=1");
        Assert.Equal("GD-2", paged.GetProperty("items")[0].GetProperty("transactionCode").GetString());
        Assert.Equal(2, paged.GetProperty("total").GetInt32());

        // The dossier arrives (from another source: matching is by dossier code alone) and its payment leaves the list.
        using var otherSource = app.ClientWithKey(ReportingAppFactory.AdminKey);
        await IngestAsync(otherSource, "/api/v1/ingest/dossiers", TinyProvince.Dossier("HS-CHUA-1", TinyProvince.NewCommune, "20261102080000"));
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/v1/payments/unmatched");
        Assert.Equal(["GD-2"], after.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("transactionCode").GetString()));

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/payments/unmatched")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientWithKey(ReportingAppFactory.ReadKey).GetAsync("/api/v1/payments/unmatched")).StatusCode);
    }

    [Fact]
    public async Task The_number_of_days_comes_from_Collectors_UnmatchedPaymentDays()
    {
        var clock = new ManualClock(Start);
        await using var app = new ClockAppFactory(clock, new Dictionary<string, string?> { ["Collectors:UnmatchedPaymentDays"] = "30" });
        _ = app.Server;
        using var ingest = app.ClientWithKey(ReportingAppFactory.IngestKey);
        await IngestAsync(ingest, "/api/v1/ingest/payments", Payment("GD-1", "HS-CHUA-1", 1_000m));
        using var admin = app.ClientWithKey(ReportingAppFactory.AdminKey);

        clock.Now = Start.AddDays(29);
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/payments/unmatched")).GetProperty("total").GetInt32());
        clock.Now = Start.AddDays(30).AddMinutes(1);
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/payments/unmatched");
        Assert.Equal(30, listed.GetProperty("olderThanDays").GetInt32());
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
    }
}
