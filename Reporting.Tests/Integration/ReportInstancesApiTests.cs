using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reporting.Core.Reports.Excel;

namespace Reporting.Tests.Integration;

/// <summary>The regimes and report instances through the real HTTP pipeline on the demo province.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class ReportInstancesApiTests(DemoAppFixture demo)
{
    [Fact]
    public async Task Regimes_are_listed_unconfirmed()
    {
        using var client = demo.Factory.ClientWithKey(ReportingAppFactory.ReadKey);
        var regimes = await client.GetFromJsonAsync<JsonElement>("/api/v1/regimes");
        var items = regimes.GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(["tthc-6-thang", "tthc-9-thang", "tthc-nam", "tthc-quy"], items.Select(i => i.GetProperty("code").GetString()));
        Assert.All(items, i => Assert.False(i.GetProperty("confirmed").GetBoolean()));
        Assert.Equal("quarter", items[3].GetProperty("frequency").GetString());
        Assert.Equal("cutoff", items[3].GetProperty("window").GetString());
    }

    [Fact]
    public async Task A_report_goes_through_the_workflow_with_the_API_statuses()
    {
        using var client = demo.Factory.ClientWithKey(ReportingAppFactory.AdminKey);
        var (department, _) = demo.Samples();
        var body = new { regime = "tthc-quy", form = "bieu-06", agency = department.Code, period = "2026-Q3" };

        var created = await client.PostAsJsonAsync("/api/v1/report-instances", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var instance = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = instance.GetProperty("id").GetInt32();
        var again = await client.PostAsJsonAsync("/api/v1/report-instances", body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());

        var form = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/bieu-06?agency={department.Code}&period=2026-Q3");
        Assert.Equal(form.GetProperty("rows").ToString(), instance.GetProperty("rows").ToString());
        Assert.Equal("draft", instance.GetProperty("state").GetString());

        await Status(client.PostAsJsonAsync($"/api/v1/report-instances/{id}/approve", new { }), HttpStatusCode.Conflict, "report-wrong-state");
        var row = instance.GetProperty("rows").EnumerateArray().First(r => r.GetProperty("kind").GetString() == "item");
        var key = row.GetProperty("key").GetString();
        var noReason = await Status(client.PutAsJsonAsync($"/api/v1/report-instances/{id}/cells", new { cells = new[] { new { rowKey = key, column = 4, value = 0 } } }),
            (HttpStatusCode)422, "report-invalid");
        Assert.Equal(4, noReason.GetProperty("violations")[0].GetProperty("column").GetInt32());

        Assert.Equal("submitted", (await Ok(client.PostAsJsonAsync($"/api/v1/report-instances/{id}/submit", new { }))).GetProperty("state").GetString());
        Assert.Equal("approved", (await Ok(client.PostAsJsonAsync($"/api/v1/report-instances/{id}/approve", new { comment = "Đồng ý" }))).GetProperty("state").GetString());
        await Status(client.PostAsJsonAsync($"/api/v1/report-instances/{id}/return", new { comment = "" }), (HttpStatusCode)422, "report-invalid");
        var returned = await Ok(client.PostAsJsonAsync($"/api/v1/report-instances/{id}/return", new { comment = "Kiểm tra lại" }));
        Assert.Equal("draft", returned.GetProperty("state").GetString());
        Assert.True(returned.GetProperty("returned").GetBoolean());
        var second = await Ok(client.PostAsJsonAsync($"/api/v1/report-instances/{id}/submit", new { }));
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        await Ok(client.PostAsJsonAsync($"/api/v1/report-instances/{id}/approve", new { }));
        var accepted = await Ok(client.PostAsJsonAsync($"/api/v1/report-instances/{id}/accept", new { }));
        Assert.Equal("accepted", accepted.GetProperty("state").GetString());
        Assert.Equal(["create", "submit", "approve", "return", "submit", "approve", "accept"],
            accepted.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));

        var xlsx = await client.GetAsync($"/api/v1/report-instances/{id}/versions/1?format=xlsx");
        Assert.Equal(ReportExcelWriter.ContentType, xlsx.Content.Headers.ContentType?.MediaType);
        var v2 = await client.GetFromJsonAsync<JsonElement>($"/api/v1/report-instances/{id}/versions/2");
        Assert.Equal(form.GetProperty("rows").ToString(), v2.GetProperty("report").GetProperty("rows").ToString());
        await Status(client.GetAsync($"/api/v1/report-instances/{id}/versions/9"), HttpStatusCode.NotFound, "report-not-found");
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/report-instances?agency={department.Code}&state=accepted");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task A_key_without_the_report_scope_is_refused()
    {
        using var client = demo.Factory.ClientWithKey(ReportingAppFactory.ReadKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/report-instances")).StatusCode);
        using var anonymous = demo.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/report-instances")).StatusCode);
    }

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> Status(Task<HttpResponseMessage> request, HttpStatusCode status, string type)
    {
        using var response = await request;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        var json = JsonDocument.Parse(text).RootElement.Clone();
        Assert.EndsWith(type, json.GetProperty("type").GetString(), StringComparison.Ordinal);
        return json;
    }
}
