using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Persistence;

namespace Reporting.Tests.Integration;

/// <summary>
/// The real application over a fresh SQLite file, with test API keys. Subclasses add settings
/// (demo data, sizes). Nothing is faked: requests go through the whole HTTP pipeline.
/// </summary>
public class ReportingAppFactory : WebApplicationFactory<Program>
{
    public const string ReadKey = "test-read-key";
    public const string IngestKey = "test-ingest-key";
    public const string AdminKey = "test-admin-key";
    public const string ScopedReadKey = "test-scoped-read-key";
    public const string ScopedIngestKey = "test-scoped-ingest-key";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "reporting-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_directory, "reporting.db");

    /// <summary>Agency code the scoped keys are limited to; set by a subclass that knows its tree.</summary>
    protected virtual string? ScopedAgency => null;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>
    /// Collector sources on 127.0.0.1 (the tests' simulators and unreachable placeholders) are allowed: outside demo
    /// mode loopback is refused unless <c>Collectors:AllowedNetworks</c> lists it, as here.
    /// </summary>
    public bool AllowLoopbackSources { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Reporting", $"Data Source={DatabasePath}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:WriteTo:1:Name", "Console");
        Key(builder, 0, "tests-read", ReadKey, "read");
        Key(builder, 1, "tests-push", IngestKey, "ingest");
        Key(builder, 2, "tests-admin", AdminKey, "admin", "read", "ingest");
        if (ScopedAgency is { } agency)
        {
            Key(builder, 3, "tests-scoped-read", ScopedReadKey, "read");
            builder.UseSetting("Api:Keys:3:Agency", agency);
            Key(builder, 4, "tests-scoped-push", ScopedIngestKey, "ingest");
            builder.UseSetting("Api:Keys:4:Agency", agency);
        }

        if (AllowLoopbackSources)
        {
            builder.UseSetting("Collectors:AllowedNetworks:0", "127.0.0.0/8");
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    private static void Key(IWebHostBuilder builder, int index, string name, string key, params string[] scopes)
    {
        builder.UseSetting($"Api:Keys:{index}:Name", name);
        builder.UseSetting($"Api:Keys:{index}:Key", key);
        for (var i = 0; i < scopes.Length; i++)
        {
            builder.UseSetting($"Api:Keys:{index}:Scopes:{i}", scopes[i]);
        }
    }

    public HttpClient ClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public ReportingDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<ReportingDbContext>>().CreateDbContext();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
