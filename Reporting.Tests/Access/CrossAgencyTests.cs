using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Reporting.Core.Access;
using Reporting.Core.Feeds;
using Reporting.Core.Ingest;
using Reporting.Core.Persistence;
using Reporting.Tests.Integration;

namespace Reporting.Tests.Access;

/// <summary>
/// access.md: nobody reads or writes outside their scope, whatever address they type. A commune head (cookie)
/// and a key limited to the commune against the department's figures, dossiers, quarantine, payments and exports.
/// </summary>
[Collection(AccessAppCollection.Name)]
public sealed class CrossAgencyTests(AccessApp app)
{
    [Fact]
    public async Task A_commune_head_reads_the_commune_and_nothing_else()
    {
        using var head = await app.Factory.SignedInClientAsync(AccessApp.CommuneHead, AccessApp.Password);

        var own = await head.GetFromJsonAsync<JsonElement>("/api/v1/indicators?period=2026-03");
        Assert.Equal(TinyProvince.NewCommune, own.GetProperty("agency").GetString());
        // The ended commune merged into it stays visible (its successor chain leads into the scope).
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync($"/api/v1/indicators?period=2025-03&agency={TinyProvince.OldCommune}&structure=historical")).StatusCode);

        foreach (var address in new[]
        {
            $"/api/v1/indicators?period=2026-03&agency={TinyProvince.Department}",
            $"/api/v1/indicators?period=2026-03&agency={TinyProvince.Root}",
            $"/api/v1/indicators/2.1/dossiers?period=2026-03&agency={TinyProvince.Department}",
            $"/api/v1/reports/bieu-06?period=2026-Q1&agency={TinyProvince.Department}",
            $"/api/v1/reports/bieu-06?period=2026-Q1&agency={TinyProvince.Root}&format=xlsx",
            $"/exports/indicators/2.1/dossiers.xlsx?period=2026-03&agency={TinyProvince.Department}",
            $"/exports/indicators/2.1/dossiers.xlsx?period=2026-03&agency={TinyProvince.Root}",
        })
        {
            var response = await head.GetAsync(address);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{address}: {(int)response.StatusCode}");
            Assert.Contains("Không có quyền", await response.Content.ReadAsStringAsync());
        }

        // Writes and administration are not a head's: ingest, payments, quarantine re-processing, users.
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsJsonAsync("/api/v1/ingest/dossiers", new { data = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsJsonAsync("/api/v1/ingest/payments", new { data = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsync("/api/v1/quarantine/reprocess", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/api/v1/payments/unmatched")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/api/v1/users")).StatusCode);
        var adminPage = await head.GetAsync("/thu-thap");
        Assert.Equal(HttpStatusCode.Redirect, adminPage.StatusCode);
        Assert.StartsWith("/khong-co-quyen", adminPage.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_quarantine_shows_a_scoped_caller_only_its_own_records()
    {
        using var push = app.Factory.ClientWithKey(ReportingAppFactory.IngestKey);
        var otherBad = TinyProvince.Dossier("HS-Q-SO", TinyProvince.Department, "2026-03-02");
        var ownBad = TinyProvince.Dossier("HS-Q-XA", TinyProvince.NewCommune, "2026-03-02");
        (await push.PostAsJsonAsync("/api/v1/ingest/dossiers", new { data = new[] { otherBad, ownBad } })).EnsureSuccessStatusCode();

        using var head = await app.Factory.SignedInClientAsync(AccessApp.CommuneHead, AccessApp.Password);
        var keys = Keys(await head.GetFromJsonAsync<JsonElement>("/api/v1/quarantine?state=all&pageSize=1000"));
        Assert.Contains("HS-Q-XA", keys);
        Assert.DoesNotContain("HS-Q-SO", keys);

        using var scoped = app.Factory.ClientWithKey(ReportingAppFactory.ScopedReadKey);
        Assert.DoesNotContain("HS-Q-SO", Keys(await scoped.GetFromJsonAsync<JsonElement>("/api/v1/quarantine?state=all&pageSize=1000")));

        using var leader = await app.Factory.SignedInClientAsync(AccessApp.Leader, AccessApp.Password);
        Assert.Contains("HS-Q-SO", Keys(await leader.GetFromJsonAsync<JsonElement>("/api/v1/quarantine?state=all&pageSize=1000")));
    }

    [Fact]
    public async Task A_key_limited_to_the_commune_cannot_write_the_departments_payments_even_by_reprocessing()
    {
        using var push = app.Factory.ClientWithKey(ReportingAppFactory.IngestKey);
        (await push.PostAsJsonAsync("/api/v1/ingest/dossiers", new { data = new[]
        {
            TinyProvince.Dossier("HS-TT-SO", TinyProvince.Department, "20260302080000"),
            TinyProvince.Dossier("HS-TT-XA", TinyProvince.NewCommune, "20260302080000"),
        } })).EnsureSuccessStatusCode();

        using var scoped = app.Factory.ClientWithKey(ReportingAppFactory.ScopedIngestKey);
        var report = await (await scoped.PostAsJsonAsync("/api/v1/ingest/payments", new { data = new[]
        {
            Payment("GD-SO", "HS-TT-SO"),
            Payment("GD-XA", "HS-TT-XA"),
        } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, report.GetProperty("stored").GetInt32());
        Assert.Equal(1, report.GetProperty("quarantined").GetInt32());

        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.False(await db.Payments.AnyAsync(p => p.TransactionCode == "GD-SO"));
            Assert.False((await db.Dossiers.SingleAsync(d => d.Code == "HS-TT-SO")).PaidOnline);
            var held = await db.Quarantine.SingleAsync(q => q.RecordKey == "GD-SO");
            Assert.Equal(TinyProvince.NewCommune, held.ScopeAgency);
        }

        // An administrator presses "Xử lý lại": the record keeps the scope it was pushed with and stays out.
        using var admin = app.Factory.ClientWithKey(ReportingAppFactory.AdminKey);
        (await admin.PostAsync("/api/v1/quarantine/reprocess", null)).EnsureSuccessStatusCode();
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.False(await db.Payments.AnyAsync(p => p.TransactionCode == "GD-SO"));
            Assert.Equal(QuarantineState.Pending, (await db.Quarantine.SingleAsync(q => q.RecordKey == "GD-SO")).State);
        }

        // Nor can the commune key take over the department's transaction by re-keying it to its own dossier.
        (await push.PostAsJsonAsync("/api/v1/ingest/payments", new { data = new[] { Payment("GD-SO-2", "HS-TT-SO") } })).EnsureSuccessStatusCode();
        var takeover = Payment("GD-SO-2", "HS-TT-XA");
        takeover.NgayCapNhat = "20260303090000";
        var answer = await (await scoped.PostAsJsonAsync("/api/v1/ingest/payments", new { data = new[] { takeover } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, answer.GetProperty("quarantined").GetInt32());
    }

    [Fact]
    public async Task The_scope_of_a_user_is_the_subtree_plus_the_ended_agencies_merged_into_it()
    {
        var tree = (await app.Factory.Services.GetRequiredService<ReferenceData>().GetAsync()).Tree;
        var today = new DateOnly(2026, 3, 1);
        var commune = AgencyScope.Of(tree, TinyProvince.NewCommune, today);
        Assert.True(commune.ContainsCode(tree, TinyProvince.OldCommune, today));
        Assert.False(commune.ContainsCode(tree, TinyProvince.Department, today));
        Assert.False(commune.ContainsCode(tree, TinyProvince.Root, today));
        Assert.Equal(4, AgencyScope.Of(tree, TinyProvince.Root, today).AgencyIds!.Count);
        Assert.Empty(AgencyScope.Of(tree, "000.99.99.H99", today).AgencyIds!);
        Assert.False(AgencyScope.Of(tree, "000.99.99.H99", today).TryResolve(tree, null, today, out _));
    }

    private static PaymentFeedItem Payment(string transaction, string dossier) => new()
    {
        MaGiaoDich = transaction, MaHoSo = dossier, SoTien = 200000, KenhThanhToan = 2, TrangThai = "ThanhCong",
        ThoiGianThanhToan = "20260302090000", NgayCapNhat = "20260302090000",
    };

    private static List<string?> Keys(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()).ToList();
}
