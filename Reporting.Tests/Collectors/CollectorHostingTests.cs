using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using Reporting.Collectors;
using Reporting.Core;
using Reporting.Core.Collectors;
using Reporting.Core.Persistence;
using Reporting.Demo.Seeding;
using Reporting.Tests.Integration;

namespace Reporting.Tests.Collectors;

/// <summary>The collectors inside hosts: configuration, Quartz, the ready check, the admin API and demo mode.</summary>
public sealed class CollectorHostingTests
{
    [Fact]
    public async Task A_bad_cron_expression_stops_start_up_with_a_clear_message()
    {
        using var host = BuildHost(new Dictionary<string, string?>
        {
            ["Collectors:Sources:0:Name"] = "motcua",
            ["Collectors:Sources:0:Kind"] = "DossierFeed",
            ["Collectors:Sources:0:BaseUrl"] = "http://127.0.0.1:9/x",
            ["Collectors:Sources:0:Cron"] = "every five minutes",
        }, out _);

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Collectors:Sources:0:Cron", e.Message);
    }

    [Fact]
    public void SQL_Server_uses_the_ADO_NET_job_store_clustered_by_setting()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddQuartz(q => CollectorsExtensions.ConfigureQuartz(q,
            new CollectorQuartzOptions { Clustered = true, TablePrefix = "QRTZ_" }, DatabaseProvider.SqlServer, "Server=db;Database=Reporting;Trusted_Connection=true"));
        using var provider = services.BuildServiceProvider();

        Assert.True(provider.GetRequiredService<IOptions<ClusteringOptions>>().Value.Enabled);
        Assert.Equal("QRTZ_", provider.GetRequiredService<IOptions<AdoJobStoreOptions>>().Value.TablePrefix);
    }

    [Fact]
    public async Task Configured_sources_are_seeded_scheduled_by_cron_and_run_by_Quartz()
    {
        var province = CollectorProvince.Province;
        await using var sim = await SimulatorHost.StartAsync(province);
        using var host = BuildHost(new Dictionary<string, string?>
        {
            ["Collectors:Sources:0:Name"] = "thanhtoan",
            ["Collectors:Sources:0:Kind"] = "PaymentFeed",
            ["Collectors:Sources:0:BaseUrl"] = sim.BaseUrl + "/simulators/thanhtoan",
            ["Collectors:Sources:0:ApiKey"] = "secret-key",
            ["Collectors:Sources:0:Cron"] = "* * * * * ?",
            ["Collectors:Sources:0:PageSize"] = "200",
        }, out _);
        await host.Services.InitializeDatabaseAsync();
        await host.StartAsync();
        try
        {
            var factory = host.Services.GetRequiredService<IDbContextFactory<ReportingDbContext>>();
            var run = await Eventually.Found(async () =>
            {
                await using var db = await factory.CreateDbContextAsync();
                return await db.CollectorRuns.AsNoTracking().Where(r => r.Status == CollectorRunStatus.Succeeded).FirstOrDefaultAsync();
            }, "a run of the payment source by its cron succeeds");

            Assert.Equal(province.Payments().Count(), run.Read);
            await using (var db = await factory.CreateDbContextAsync())
            {
                var source = await db.CollectorSources.SingleAsync();
                Assert.Equal("secret-key", host.Services.GetRequiredService<SourceKeyProtection>().Reveal(source.ApiKey));
                Assert.Equal(200, source.PageSize);
            }

            var health = await host.Services.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>().CheckHealthAsync();
            Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, health.Entries[CollectorsExtensions.HealthCheckName].Status);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Stopping_the_server_mid_run_stops_at_a_page_boundary_and_a_restart_loses_and_doubles_nothing()
    {
        var province = CollectorProvince.Province;
        var feed = province.Dossiers().ToList();
        await using var sim = await SimulatorHost.StartAsync(province);
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sim.State.Requested = async r =>
        {
            if (r is { Feed: "dossiers", Page: 3 })
            {
                reached.TrySetResult();
                await gate.Task.WaitAsync(TimeSpan.FromSeconds(20));
            }
        };
        var settings = new Dictionary<string, string?>
        {
            ["Collectors:Sources:0:Name"] = "motcua",
            ["Collectors:Sources:0:Kind"] = "DossierFeed",
            ["Collectors:Sources:0:BaseUrl"] = sim.BaseUrl + "/simulators/motcua",
            ["Collectors:Sources:0:Cron"] = "* * * * * ?",
            ["Collectors:Http:AttemptTimeoutSeconds"] = "30",
            ["Collectors:Http:TotalTimeoutSeconds"] = "60",
        };
        string path;
        try
        {
            using var host = BuildHost(settings, out path);
            await host.Services.InitializeDatabaseAsync();
            await using (var scope = host.Services.CreateAsyncScope())
            {
                Assert.True((await scope.ServiceProvider.GetRequiredService<Reporting.Core.Agencies.AgencyTreeImport>().ReplaceAsync(province.Tree.Items)).Succeeded);
            }

            await host.StartAsync();
            await reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await host.StopAsync();
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"stop took {watch.Elapsed}");

            var factory = host.Services.GetRequiredService<IDbContextFactory<ReportingDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            var run = await db.CollectorRuns.AsNoTracking().SingleAsync();
            Assert.Equal(CollectorRunStatus.Cancelled, run.Status);
            Assert.Equal(run.Pages * 500, await db.Dossiers.CountAsync());
            var mark = await db.CollectorWatermarks.AsNoTracking().SingleOrDefaultAsync();
            Assert.Equal(run.Pages == 0 ? null : CollectorProvince.MaxUpdated(feed.Take(run.Pages * 500)), mark?.UpdatedSince);
        }
        finally
        {
            gate.TrySetResult();
            sim.State.Requested = null;
        }

        // Started again on the same database: the next run reads on from the watermark.
        settings["ConnectionStrings:Reporting"] = $"Data Source={path}";
        using var again = BuildHost(settings, out _);
        await again.StartAsync();
        try
        {
            var factory = again.Services.GetRequiredService<IDbContextFactory<ReportingDbContext>>();
            await Eventually.True(async () =>
            {
                await using var db = await factory.CreateDbContextAsync();
                return await db.CollectorRuns.AnyAsync(r => r.Status == CollectorRunStatus.Succeeded);
            }, "a run after the restart succeeds");

            await using var check = await factory.CreateDbContextAsync();
            Assert.Equal(feed.Count, await check.Dossiers.CountAsync());
            Assert.Equal(feed.Count, await check.Dossiers.Select(d => d.Code).Distinct().CountAsync());
        }
        finally
        {
            await again.StopAsync();
        }
    }

    [Fact]
    public async Task The_admin_API_lists_sources_without_their_keys_and_runs_pauses_and_resumes_them()
    {
        var province = CollectorProvince.Province;
        await using var sim = await SimulatorHost.StartAsync(province);
        await using var app = new CollectorsAppFactory(sim.BaseUrl);
        var admin = app.ClientWithKey(ReportingAppFactory.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/agencies", province.Tree)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/collectors")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientWithKey(ReportingAppFactory.ReadKey).GetAsync("/api/v1/collectors")).StatusCode);
        var listing = await admin.GetStringAsync("/api/v1/collectors");
        Assert.DoesNotContain(CollectorsAppFactory.SourceKey, listing);
        Assert.Contains("\"hasApiKey\":true", listing);

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/v1/collectors/motcua/run", null)).StatusCode);
        var source = await Eventually.Value(async () =>
        {
            var item = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/collectors")).GetProperty("items")[0];
            return item.GetProperty("lastRuns").EnumerateArray().Any(r => r.GetProperty("status").GetString() == "Succeeded") ? item : (JsonElement?)null;
        }, "the run asked for through the admin API is listed as succeeded", seen: () => admin.GetStringAsync("/api/v1/collectors"));

        var last = source.GetProperty("lastRuns")[0];
        Assert.Equal("Succeeded", last.GetProperty("status").GetString());
        Assert.Equal(province.Dossiers().Count(), last.GetProperty("stored").GetInt32());
        Assert.Equal(JsonValueKind.String, source.GetProperty("watermark").ValueKind);
        Assert.False(source.GetProperty("stale").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/collectors/motcua/pause", null)).StatusCode);
        source = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/collectors")).GetProperty("items")[0];
        Assert.True(source.GetProperty("paused").GetBoolean());
        Assert.Equal(JsonValueKind.Null, source.GetProperty("nextRunAt").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/collectors/motcua/resume", null)).StatusCode);
        source = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/collectors")).GetProperty("items")[0];
        Assert.False(source.GetProperty("paused").GetBoolean());
        Assert.Equal(JsonValueKind.String, source.GetProperty("nextRunAt").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/v1/collectors/nope/run", null)).StatusCode);

        // Added from the admin API: the key is saved, never returned; a bad cron is refused with the field.
        var bad = await admin.PutAsJsonAsync("/api/v1/collectors/thanhtoan", new { kind = "PaymentFeed", baseUrl = sim.BaseUrl + "/simulators/thanhtoan", cron = "hourly" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("cron", await bad.Content.ReadAsStringAsync());
        var saved = await admin.PutAsJsonAsync("/api/v1/collectors/thanhtoan",
            new { kind = "PaymentFeed", baseUrl = sim.BaseUrl + "/simulators/thanhtoan", apiKey = "new-payment-secret", cron = "0 */5 * * * ?", pageSize = 300 });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        listing = await admin.GetStringAsync("/api/v1/collectors");
        Assert.DoesNotContain("new-payment-secret", listing);
        var added = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/collectors")).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "thanhtoan");
        Assert.True(added.GetProperty("hasApiKey").GetBoolean());
        Assert.Equal(300, added.GetProperty("pageSize").GetInt32());
        Assert.Equal(JsonValueKind.String, added.GetProperty("nextRunAt").ValueKind);
        // Never ran yet: waiting for its first run, not stale (the dashboards' rule, CollectorOptions.IsStale).
        Assert.False(added.GetProperty("stale").GetBoolean());

        var reprocess = await admin.PostAsync("/api/v1/quarantine/reprocess", null);
        Assert.Equal(HttpStatusCode.OK, reprocess.StatusCode);

        var ready = await app.CreateClient().GetStringAsync("/health/ready");
        Assert.Contains("\"name\":\"scheduler\",\"status\":\"Healthy\"", ready);
    }

    [Fact]
    public async Task In_demo_mode_the_server_reads_its_own_simulators_over_HTTP_and_the_figures_move()
    {
        await using var app = new DemoKestrelFactory();
        app.UseKestrel(0);
        app.StartServer();
        var state = app.Services.GetRequiredService<DemoSeedingState>();
        await state.Completion.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Null(state.Error);

        await Eventually.True(async () =>
        {
            await using var db = app.CreateDbContext();
            return await db.CollectorRuns.AsNoTracking()
                .AnyAsync(r => r.Source == DemoSeedingService.DossierSource && r.Status == CollectorRunStatus.Succeeded && r.Stored > 0);
        }, "a run of the demo dossier source stores dossiers", seen: async () =>
        {
            await using var db = app.CreateDbContext();
            var sources = await db.CollectorSources.AsNoTracking().ToListAsync();
            var runs = await db.CollectorRuns.AsNoTracking().ToListAsync();
            return "sources " + JsonSerializer.Serialize(sources.Select(s => new { s.Name, s.BaseUrl, s.State, s.LastError })) + ", runs " + JsonSerializer.Serialize(runs);
        });

        await using (var db = app.CreateDbContext())
        {
            var source = await db.CollectorSources.SingleAsync(s => s.Name == DemoSeedingService.DossierSource);
            Assert.StartsWith("http://127.0.0.1:", source.BaseUrl);
            Assert.EndsWith("/simulators/motcua", source.BaseUrl);
            // Still one row per dossier: the collector updates the dossiers the demo loader stored.
            Assert.Equal(await db.Dossiers.Select(d => d.Code).Distinct().CountAsync(), await db.Dossiers.CountAsync());
        }

        // New dossiers arrive as the simulated day goes on (the clock starts at 07:30 on Thursday 19/11/2026).
        var endOfHistory = new DateTime(2026, 11, 18, 23, 59, 59);
        await Eventually.True(async () =>
        {
            await using var db = app.CreateDbContext();
            return await db.Dossiers.AnyAsync(d => d.SubmittedAt > endOfHistory && d.Source == DemoSeedingService.DossierSource);
        }, "the collectors store dossiers submitted after Demo:EndDate");
    }

    private static IHost BuildHost(Dictionary<string, string?> settings, out string path)
    {
        path = settings.TryGetValue("ConnectionStrings:Reporting", out var given) && given is not null ? given["Data Source=".Length..] : Path.Combine(Path.GetTempPath(), "reporting-tests", $"collectors-host-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reporting"] = $"Data Source={path}",
            ["Database:Provider"] = "Sqlite",
            ["Collectors:AllowedNetworks:0"] = "127.0.0.0/8", // the simulators
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
        builder.AddReportingCore();
        builder.AddCollectors();
        return builder.Build();
    }

    private sealed class CollectorsAppFactory(string simulatorUrl) : ReportingAppFactory
    {
        public const string SourceKey = "the-motcua-secret";

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Collectors:Sources:0:Name"] = "motcua",
            ["Collectors:Sources:0:Kind"] = "DossierFeed",
            ["Collectors:Sources:0:BaseUrl"] = simulatorUrl + "/simulators/motcua",
            ["Collectors:Sources:0:ApiKey"] = SourceKey,
            ["Collectors:AllowedNetworks:0"] = "127.0.0.0/8", // the simulator
            ["Collectors:Sources:0:Cron"] = "0 0 3 * * ?",
        };
    }

    private sealed class DemoKestrelFactory : ReportingAppFactory
    {
        /// <summary>As in Development (the README's run command): scopes validated when the container is built.</summary>
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseDefaultServiceProvider(o =>
            {
                o.ValidateScopes = true;
                o.ValidateOnBuild = true;
            });
        }

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:DossierCount"] = "3000",
            ["Demo:EndDate"] = "2026-11-18", // a Wednesday: the next simulated morning is an office day
            ["Demo:HistoryMonths"] = "3",
            // Two simulated hours per real second, a run every second: in-progress dossiers move at once.
            ["Simulators:Speed"] = "7200",
            ["Simulators:DemoCron"] = "* * * * * ?",
        };
    }
}
