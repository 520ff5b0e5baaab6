using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Reporting.Tests.Integration;

/// <summary><c>GET /api/v1/quarantine?from=&amp;to=</c>: days in Vietnam time, both included.</summary>
public sealed class QuarantineDateFilterApiTests
{
    [Fact]
    public async Task From_and_to_select_the_days_the_records_were_quarantined_in_Vietnam_time()
    {
        // 23:30 on 19/11/2026 in Vietnam (16:30 UTC): late records must land on the Vietnamese day.
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 19, 16, 30, 0, TimeSpan.Zero));
        await using var app = new ClockAppFactory(clock);
        _ = app.Server;
        await TinyProvince.SeedAsync(app);
        using var ingest = app.ClientWithKey(ReportingAppFactory.IngestKey);
        async Task QuarantineAsync(string code) => (await ingest.PostAsJsonAsync("/api/v1/ingest/dossiers",
            new { data = new[] { TinyProvince.Dossier(code, "000.99.99.H99", "20261119080000") } })).EnsureSuccessStatusCode();

        await QuarantineAsync("HS-19");
        clock.Now = clock.Now.AddHours(1); // 20/11 00:30 in Vietnam, 19/11 17:30 UTC
        await QuarantineAsync("HS-20");
        clock.Now = clock.Now.AddDays(1);
        await QuarantineAsync("HS-21");

        using var reader = app.ClientWithKey(ReportingAppFactory.ReadKey);
        async Task<List<string?>> KeysAsync(string query) =>
            (await reader.GetFromJsonAsync<JsonElement>("/api/v1/quarantine?" + query)).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("key").GetString()).OrderBy(k => k).ToList();

        Assert.Equal(["HS-19", "HS-20", "HS-21"], await KeysAsync(""));
        Assert.Equal(["HS-20"], await KeysAsync("from=2026-11-20&to=2026-11-20"));
        Assert.Equal(["HS-20", "HS-21"], await KeysAsync("from=2026-11-20"));
        Assert.Equal(["HS-19"], await KeysAsync("to=2026-11-19"));
        Assert.Equal(["HS-21"], await KeysAsync("from=2026-11-21&source=tests-push&reason=unknown-agency"));

        var bad = await reader.GetAsync("/api/v1/quarantine?from=20/11/2026");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:reporting-system:problem:validation", problem.GetProperty("type").GetString());
        Assert.Contains("yyyy-MM-dd", problem.GetProperty("errors").GetProperty("from")[0].GetString());

        var inverted = await reader.GetAsync("/api/v1/quarantine?from=2026-11-21&to=2026-11-20");
        Assert.Equal(HttpStatusCode.BadRequest, inverted.StatusCode);
        Assert.Contains("sau ngày kết thúc", await inverted.Content.ReadAsStringAsync());
    }
}
