using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Tests.Integration;

namespace Reporting.Tests.Hardening;

/// <summary>
/// A body over Kestrel's limit is a 413 problem, not a 500. Through real Kestrel on 127.0.0.1 (the in-memory test
/// server has no body limit), with the limit lowered by configuration so the test sends megabytes, not 68 MB.
/// </summary>
public sealed class RequestBodyLimitTests : IAsyncLifetime
{
    private const long Limit = 1024 * 1024;

    private sealed class SmallBodyFactory : ReportingAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Kestrel:Limits:MaxRequestBodySize"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private readonly SmallBodyFactory _factory = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address) };
        _client.DefaultRequestHeaders.Add("X-Api-Key", ReportingAppFactory.IngestKey);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        // A valid envelope, only too big: one record with a 2 MB field.
        var body = JsonSerializer.Serialize(new { data = new[] { new { MaHoSo = new string('X', (int)(2 * Limit)) } } });
        using var content = new StringContent(body, MediaTypeHeaderValue.Parse("application/json"));

        var response = await _client.PostAsync("/api/v1/ingest/dossiers", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:reporting-system:problem:body-too-large", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_body_under_the_limit_is_read()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/ingest/dossiers", new { data = new[] { new { MaHoSo = "HS-1" } } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
