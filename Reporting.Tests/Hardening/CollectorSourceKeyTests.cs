using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reporting.Core;
using Reporting.Core.Collectors;
using Reporting.Tests.Integration;

namespace Reporting.Tests.Hardening;

/// <summary>
/// Collector sources through the admin API: addresses inside the server refused, a new server needs the key
/// again, keys encrypted at rest with a key ring that another start (or node) on the same database can use.
/// </summary>
public sealed class CollectorSourceKeyTests : IAsyncLifetime
{
    private const string Secret = "khoa-bi-mat-0123456789";
    private readonly ReportingAppFactory _factory = new();
    private HttpClient _admin = null!;

    public Task InitializeAsync()
    {
        _ = _factory.Server;
        _admin = _factory.ClientWithKey(ReportingAppFactory.AdminKey);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _factory.DisposeAsync();
    }

    private Task<HttpResponseMessage> PutAsync(string name, string baseUrl, string? apiKey = null) =>
        _admin.PutAsJsonAsync($"/api/v1/collectors/{name}", new { kind = "DossierFeed", baseUrl, apiKey, cron = "0 0 2 * * ?", pageSize = 100 });

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://127.0.0.1:22/")]
    [InlineData("http://localhost:5080/simulators/motcua")]
    [InlineData("http://192.168.1.1/admin")]
    [InlineData("http://[::ffff:169.254.169.254]/")]
    public async Task A_source_pointing_inside_the_server_or_its_network_is_refused(string url)
    {
        var response = await PutAsync("noi-bo", url, Secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("baseUrl", out _));
        await using var db = _factory.CreateDbContext();
        Assert.False(await db.CollectorSources.AnyAsync());
    }

    [Fact]
    public async Task Moving_a_source_to_another_server_requires_its_key_again()
    {
        (await PutAsync("motcua", "http://203.0.113.10/api", Secret)).EnsureSuccessStatusCode();

        // Same server, another path: the key stays.
        (await PutAsync("motcua", "http://203.0.113.10/api/v2")).EnsureSuccessStatusCode();

        var moved = await PutAsync("motcua", "http://203.0.113.99/api");
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        var problem = await moved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("nhập lại khóa", problem.GetProperty("errors").GetProperty("apiKey")[0].GetString());
        await using (var db = _factory.CreateDbContext())
        {
            Assert.Equal("http://203.0.113.10/api/v2", (await db.CollectorSources.SingleAsync()).BaseUrl);
        }

        (await PutAsync("motcua", "http://203.0.113.99/api", "khoa-moi")).EnsureSuccessStatusCode();
        var keys = _factory.Services.GetRequiredService<SourceKeyProtection>();
        await using (var db = _factory.CreateDbContext())
        {
            var source = await db.CollectorSources.SingleAsync();
            Assert.Equal(("http://203.0.113.99/api", "khoa-moi"), (source.BaseUrl, keys.Reveal(source.ApiKey)));
        }
    }

    [Fact]
    public async Task Keys_are_stored_encrypted_never_shown_and_readable_after_a_restart()
    {
        (await PutAsync("motcua", "http://203.0.113.10/api", Secret)).EnsureSuccessStatusCode();

        string stored;
        await using (var db = _factory.CreateDbContext())
        {
            stored = (await db.CollectorSources.SingleAsync()).ApiKey!;
        }

        Assert.StartsWith(SourceKeyProtection.Prefix, stored);
        Assert.DoesNotContain(Secret, stored);
        var listed = await _admin.GetStringAsync("/api/v1/collectors");
        Assert.DoesNotContain(Secret, listed);
        Assert.DoesNotContain(stored, listed);
        Assert.Contains("\"hasApiKey\":true", listed);

        // Another process on the same database (a restart, or a second node) reads the key ring from it.
        using var node = await NodeAsync(_factory.DatabasePath);
        Assert.Equal(Secret, node.Services.GetRequiredService<SourceKeyProtection>().Reveal(stored));
    }

    [Fact]
    public async Task Keys_stored_plain_before_this_version_are_encrypted_at_start()
    {
        await using (var db = _factory.CreateDbContext())
        {
            db.CollectorSources.Add(new CollectorSource { Name = "cu", BaseUrl = "http://203.0.113.10/api", Cron = "0 0 2 * * ?", ApiKey = Secret });
            await db.SaveChangesAsync();
        }

        using var node = await NodeAsync(_factory.DatabasePath);

        await using (var db = _factory.CreateDbContext())
        {
            var stored = (await db.CollectorSources.SingleAsync()).ApiKey!;
            Assert.StartsWith(SourceKeyProtection.Prefix, stored);
            Assert.Equal(Secret, _factory.Services.GetRequiredService<SourceKeyProtection>().Reveal(stored));
        }
    }

    /// <summary>A second start of Core on the same database file: its own Data Protection services, the shared key ring.</summary>
    private static async Task<IHost> NodeAsync(string databasePath)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reporting"] = $"Data Source={databasePath}",
            ["Database:Provider"] = "Sqlite",
        });
        builder.Logging.ClearProviders();
        builder.AddReportingCore();
        var host = builder.Build();
        await host.Services.InitializeDatabaseAsync();
        return host;
    }
}
