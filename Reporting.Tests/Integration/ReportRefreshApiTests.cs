using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Reporting.Core.Audit;

namespace Reporting.Tests.Integration;

/// <summary>
/// "Cập nhật số liệu" through the real HTTP pipeline: a draft's computed cells stay as taken until the refresh,
/// which takes them again from live data, lists each moved cell (old, new) and is audited like every transition.
/// </summary>
public sealed class ReportRefreshApiTests : IAsyncLifetime
{
    private const string Period = "2026-Q1";
    private readonly ReportingAppFactory _factory = new();

    public async Task InitializeAsync()
    {
        _ = _factory.Server;
        await TinyProvince.SeedAsync(_factory);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Refresh_takes_the_new_data_and_lists_the_cells_that_moved()
    {
        using var client = _factory.ClientWithKey(ReportingAppFactory.AdminKey);
        var form = $"/api/v1/reports/bieu-06?agency={TinyProvince.NewCommune}&period={Period}";
        await Push(client, TinyProvince.Dossier("HS-R1", TinyProvince.NewCommune, "20260302080000", promised: "20260305170000"));
        var created = await Ok(client.PostAsJsonAsync("/api/v1/report-instances",
            new { regime = "tthc-quy", form = "bieu-06", agency = TinyProvince.NewCommune, period = Period }));
        var id = created.GetProperty("id").GetInt32();
        var before = (await client.GetFromJsonAsync<JsonElement>(form)).GetProperty("rows").ToString();
        Assert.Equal(before, created.GetProperty("rows").ToString());

        // New data arrives: the live form moves, the draft keeps what the preparer is working on.
        await Push(client, TinyProvince.Dossier("HS-R2", TinyProvince.NewCommune, "20260303080000", channel: 1, promised: "20260306170000"));
        var live = await client.GetFromJsonAsync<JsonElement>(form);
        Assert.NotEqual(before, live.GetProperty("rows").ToString());
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/report-instances/{id}")).GetProperty("rows").ToString());

        var refreshed = await Ok(client.PostAsJsonAsync($"/api/v1/report-instances/{id}/refresh", new { }));
        Assert.Equal(live.GetProperty("rows").ToString(), refreshed.GetProperty("rows").ToString());
        Assert.Equal("draft", refreshed.GetProperty("state").GetString());
        var changes = refreshed.GetProperty("changes").EnumerateArray().ToList();
        var total = changes.Where(c => c.GetProperty("rowKey").GetString() == "total").ToDictionary(c => c.GetProperty("column").GetInt32());
        // One more dossier received in person (column 5), so one more in the total received (column 3).
        Assert.Equal(1, total[5].GetProperty("after").GetInt32() - total[5].GetProperty("before").GetInt32());
        Assert.Equal(1, total[3].GetProperty("after").GetInt32() - total[3].GetProperty("before").GetInt32());
        Assert.False(total.ContainsKey(4)); // nothing new online
        Assert.All(changes, c => Assert.NotEqual(c.GetProperty("before").ToString(), c.GetProperty("after").ToString()));
        Assert.Equal("refresh", refreshed.GetProperty("history").EnumerateArray().Last().GetProperty("action").GetString());

        var again = await Ok(client.PostAsJsonAsync($"/api/v1/report-instances/{id}/refresh", new { }));
        Assert.Empty(again.GetProperty("changes").EnumerateArray());

        await using (var db = _factory.CreateDbContext())
        {
            var audited = await db.AuditEntries.AsNoTracking()
                .Where(a => a.Action == AuditActions.ReportTransition && a.Target!.StartsWith($"báo cáo {id} "))
                .Select(a => a.After!).ToListAsync();
            Assert.Equal(2, audited.Count(a => a.StartsWith("refresh", StringComparison.Ordinal)));
        }

        await Ok(client.PostAsJsonAsync($"/api/v1/report-instances/{id}/submit", new { }));
        var refused = await client.PostAsJsonAsync($"/api/v1/report-instances/{id}/refresh", new { });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.EndsWith("report-wrong-state", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_reader_of_the_scope_cannot_refresh()
    {
        using var admin = _factory.ClientWithKey(ReportingAppFactory.AdminKey);
        var created = await Ok(admin.PostAsJsonAsync("/api/v1/report-instances",
            new { regime = "tthc-quy", form = "bieu-06", agency = TinyProvince.NewCommune, period = Period }));
        await _factory.CreateUserAsync("lanhdao.lammoi", "mat-khau-thu-2026", Core.Access.Roles.Leader, TinyProvince.Root);
        using var leader = await _factory.SignedInClientAsync("lanhdao.lammoi", "mat-khau-thu-2026");
        var refused = await leader.PostAsJsonAsync($"/api/v1/report-instances/{created.GetProperty("id").GetInt32()}/refresh", new { });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static async Task Push(HttpClient client, object dossier)
    {
        var response = await client.PostAsJsonAsync("/api/v1/ingest/dossiers", new { service = "DongBoHoSoMC", isUpdating = true, data = new[] { dossier } });
        response.EnsureSuccessStatusCode();
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stored").GetInt32());
    }

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
