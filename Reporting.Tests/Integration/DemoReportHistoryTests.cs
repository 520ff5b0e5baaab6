using System.Net.Http.Json;
using System.Text.Json;

namespace Reporting.Tests.Integration;

/// <summary>The demo province comes with filed reports of past quarters, through the real workflow, so every report page shows something.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class DemoReportHistoryTests(DemoAppFixture demo)
{
    [Fact]
    public async Task Two_past_quarters_are_filed_and_accepted_some_late_some_returned_once_none_in_the_future()
    {
        using var client = demo.Factory.ClientWithKey(ReportingAppFactory.AdminKey);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

        // The fixture's history ends 20/11/2026: the last ended quarter (Q3) is left to file, Q1 and Q2 are filed.
        var filed = (await Items(client, "2026-Q1")).Concat(await Items(client, "2026-Q2")).ToList();

        Assert.True(filed.Count >= 20, $"{filed.Count} demo reports filed");
        Assert.All(filed, i => Assert.Equal("accepted", i.GetProperty("state").GetString()));
        Assert.Contains(filed, i => i.GetProperty("lateWorkingDays").GetInt32() > 0);
        Assert.Contains(filed, i => i.GetProperty("lateWorkingDays").GetInt32() == 0);
        var twice = filed.Where(i => i.GetProperty("version").GetInt32() == 2).ToList();
        Assert.NotEmpty(twice);
        var one = await client.GetFromJsonAsync<JsonElement>($"/api/v1/report-instances/{twice[0].GetProperty("id").GetInt32()}");
        var history = one.GetProperty("history").EnumerateArray().ToList();
        Assert.Single(history, h => h.GetProperty("action").GetString() == "return");
        Assert.All(history, h => Assert.True(DateOnly.FromDateTime(h.GetProperty("at").GetDateTimeOffset().UtcDateTime.AddHours(7)) <= today));
    }

    private static async Task<List<JsonElement>> Items(HttpClient client, string period) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/report-instances?period={period}")).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("form").GetString() == "bieu-06")];
}
