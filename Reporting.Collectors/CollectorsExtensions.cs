using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Quartz;
using Reporting.Collectors.National;
using Reporting.Collectors.Reports;
using Reporting.Core.National;
using Reporting.Core.Persistence;

namespace Reporting.Collectors;

public static class CollectorsExtensions
{
    public const string HealthCheckName = "scheduler";

    /// <summary>
    /// Collectors: options from <c>Collectors</c> (validated at start-up), the source clients with timeouts,
    /// retries and a circuit breaker, the runner, and Quartz (in-memory store with SQLite; the ADO.NET store,
    /// clustered when <c>Collectors:Quartz:Clustered</c>, with SQL Server).
    /// </summary>
    public static IHostApplicationBuilder AddCollectors(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CollectorOptions>().BindConfiguration(CollectorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(CollectorOptions.Section).Get<CollectorOptions>() ?? new CollectorOptions();

        // Demo mode reads the product's own simulators on the loopback address.
        var demo = builder.Configuration.GetValue<bool>("Demo:Enabled");
        services.PostConfigure<CollectorOptions>(o => o.DemoLoopback = demo);
        services.AddSingleton(sp => CollectorNetworkPolicy.From(sp.GetRequiredService<IOptions<CollectorOptions>>().Value));

        AddClient<DossierFeedClient>(services, options.Http);
        AddClient<PaymentFeedClient>(services, options.Http);
        AddClient<ProcedureCatalogClient>(services, options.Http);
        services.AddSingleton<CollectorSourceEvents>();
        services.AddSingleton<CollectorRunner>();
        services.AddSingleton<CollectorScheduler>();

        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connection = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        var national = builder.Configuration.GetSection(NationalOptions.Section).Get<NationalOptions>() ?? new NationalOptions();
        services.AddQuartz(q =>
        {
            ConfigureQuartz(q, options.Quartz, database.Provider, connection);
            q.AddReportInstanceJob();
            q.AddNationalDeliveryJob(national.DeliveryIntervalSeconds);
        });
        if (options.Enabled)
        {
            services.AddQuartzHostedService(o =>
            {
                o.WaitForJobsToComplete = true;
                o.AwaitApplicationStarted = true;
            });
            services.AddHostedService<CollectorStartup>();
        }

        services.AddHealthChecks().AddCheck<SchedulerHealthCheck>(HealthCheckName, tags: ["ready"]);
        return builder;
    }

    /// <summary>The job store by provider; public for tests of the configuration.</summary>
    public static void ConfigureQuartz(IQuartzBuilder q, CollectorQuartzOptions options, DatabaseProvider provider, string? connection)
    {
        q.ConfigureScheduler(o => o.InstanceId = options.InstanceId);
        q.UseDefaultThreadPool(options.MaxConcurrency);
        if (provider == DatabaseProvider.SqlServer)
        {
            q.UsePersistentStore(s =>
            {
                s.UseSqlServer(sql => sql.ConnectionString = connection!);
                s.ConfigureStore(store => store.TablePrefix = options.TablePrefix);
                s.UseSystemTextJsonSerializer();
                if (options.ProvisionSchema)
                {
                    s.ProvisionSchema();
                }

                if (options.Clustered)
                {
                    s.UseClustering(c =>
                    {
                        c.Enabled = true;
                        c.CheckinInterval = TimeSpan.FromSeconds(10);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
                    });
                }
            });
        }
        else
        {
            q.UseInMemoryStore();
        }
    }

    private static void AddClient<TClient>(IServiceCollection services, CollectorHttpOptions http) where TClient : class
    {
        services.AddHttpClient<TClient>(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => CollectorHttpHandler.Create(sp.GetRequiredService<CollectorNetworkPolicy>()))
            .AddStandardResilienceHandler(r =>
            {
                r.AttemptTimeout.Timeout = TimeSpan.FromSeconds(http.AttemptTimeoutSeconds);
                r.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(Math.Max(http.TotalTimeoutSeconds, http.AttemptTimeoutSeconds));
                r.Retry.MaxRetryAttempts = Math.Max(http.Retries, 1);
                r.Retry.ShouldHandle = http.Retries == 0 ? _ => ValueTask.FromResult(false) : r.Retry.ShouldHandle;
                r.Retry.Delay = TimeSpan.FromMilliseconds(http.BackoffMilliseconds);
                r.Retry.BackoffType = Polly.DelayBackoffType.Exponential;
                r.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, 2 * http.AttemptTimeoutSeconds));
            })
            .SelectPipelineByAuthority();
    }
}
