using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Reporting.Core.Access;
using Reporting.Core.Audit;
using Reporting.Core.Reports.Workflow;
using Reporting.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace Reporting.Tests.Reports;

/// <summary><c>PUT /api/v1/regimes</c> and the admin page's service: all or nothing, audited, administrators only.</summary>
public sealed class RegimeImportTests
{
    [Fact]
    public async Task An_administrator_confirms_a_regime_and_the_change_is_audited()
    {
        await using var app = new ReportingAppFactory();
        using var admin = app.ClientWithKey(ReportingAppFactory.AdminKey);
        var items = await Items(admin);
        var quarterly = items.Single(i => i.Code == "tthc-quy");
        quarterly.Confirmed = true;
        quarterly.DeadlineWorkingDays = 3;
        quarterly.LegalBasis = "Quyết định 12/2025/QĐ-UBND";

        var response = await admin.PutAsJsonAsync("/api/v1/regimes", new { items });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var counts = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("counts");
        Assert.Equal(1, counts.GetProperty("updated").GetInt32());
        Assert.Equal(items.Count - 1, counts.GetProperty("unchanged").GetInt32());
        var after = (await Items(admin)).Single(i => i.Code == "tthc-quy");
        Assert.True(after.Confirmed);
        Assert.Equal(3, after.DeadlineWorkingDays);
        await using var db = app.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.RegimeChanged);
        Assert.Equal("tthc-quy", audit.Target);
        Assert.Contains("hạn=2 ngày", audit.Before);
        Assert.Contains("hạn=3 ngày", audit.After);
        Assert.Contains("đã xác nhận=có", audit.After);
    }

    [Fact]
    public async Task A_list_with_any_error_is_refused_whole_with_every_reason()
    {
        await using var app = new ReportingAppFactory();
        using var admin = app.ClientWithKey(ReportingAppFactory.AdminKey);
        var before = await Items(admin);
        var items = await Items(admin);
        items[0].Name = "Đổi tên";                      // valid on its own: must not be applied either
        items[1].Forms = ["bieu-99"];
        items[2].Frequency = "weekly";
        items[3].Code = items[0].Code;

        var response = await admin.PutAsJsonAsync("/api/v1/regimes", new { items });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var reasons = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reasons").EnumerateArray()
            .Select(r => (r.GetProperty("index").GetInt32(), r.GetProperty("field").GetString())).ToList();
        Assert.Contains((1, "forms"), reasons);
        Assert.Contains((2, "frequency"), reasons);
        Assert.Contains((3, "code"), reasons);
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(await Items(admin)));
    }

    [Fact]
    public async Task Only_an_administrator_may_change_the_regimes_even_past_the_page()
    {
        await using var app = new ReportingAppFactory();
        var import = app.Services.GetRequiredService<RegimeImport>();
        var leader = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "lanhdao"), new Claim(AccessClaims.ActorKind, AccessClaims.UserKind), new Claim(ClaimTypes.Role, Roles.Leader)], "test"));

        await Assert.ThrowsAsync<AccessDeniedException>(() => import.ReplaceAsync(leader, null, RegimeSeeds.All().Select(RegimeItem.From).ToList()));
    }

    private static async Task<List<RegimeItem>> Items(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/regimes")).GetProperty("items").Deserialize<List<RegimeItem>>()!;
}
