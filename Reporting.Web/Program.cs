using Reporting.Core;
using Reporting.Core.Aggregates;
using Reporting.Core.Hosting;
using Reporting.Demo.Seeding;
using Reporting.Demo.Simulators;
using Reporting.Web.Access;
using Reporting.Web.Agencies;
using Reporting.Web.Api;
using Reporting.Web.Collectors;
using Reporting.Web.Dashboard;
using Reporting.Web.Health;
using Reporting.Web.Indicators;
using Reporting.Web.Ingest;
using Reporting.Web.Memory;
using Reporting.Web.Procedures;
using Reporting.Web.Quarantine;
using Reporting.Web.Reports;
using Reporting.Web.Reports.National;
using Reporting.Web.Reports.Pages;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Configuration.PollSettingsFiles();

    // `dotnet Reporting.Web.dll quartz-schema sqlserver` writes the Quartz job store's SQL Server schema and exits.
    if (QuartzSchemaCommand.TryRun(args, builder.Configuration, Console.Out, Console.Error))
    {
        return;
    }

    builder.Services.AddSerilog((services, logger) => logger
        .ReadFrom.Configuration(builder.Configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext(),
        // The static logger is only the bootstrap one: several hosts (tests) may share a process.
        preserveStaticLogger: true);
    // Serilog's factory builds a new logger per call: one per category instead, not 19 per open circuit (ADR 028).
    builder.Services.AddLoggersByCategory();

    builder.AddReportingCore();
    builder.AddReportingApi();
    builder.Services.AddReportInstancesApi();
    builder.Services.AddReportPages();
    builder.AddNationalReceiverSimulator();
    builder.AddReportingAccess();
    builder.Services.AddReportingHealth();
    builder.AddDemoProvince(HealthEndpoints.ReadyTag);
    builder.AddCollectors();
    builder.AddReportingWeb();
    builder.AddMemoryTrim();

    var app = builder.Build();
    await app.Services.InitializeDatabaseAsync();
    await app.Services.InitializeAccessAsync();

    // `dotnet Reporting.Web.dll users add <userName> --role admin --agency <code>` (password on standard input) and exits.
    if (UsersCommand.IsCommand(args))
    {
        Environment.ExitCode = await UsersCommand.RunAsync(args, app.Services, Console.In, Console.Out, Console.Error);
        return;
    }

    // Recovery: `dotnet Reporting.Web.dll rebuild-aggregates` recounts every aggregate from the dossiers and exits.
    if (args.Contains("rebuild-aggregates", StringComparer.OrdinalIgnoreCase))
    {
        var count = await app.Services.GetRequiredService<AggregateMaintenance>().RebuildAsync();
        Log.Information("Aggregates rebuilt from {Count} dossiers", count);
        return;
    }

    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseSerilogRequestLogging();
    app.UseDefaultFiles();
    app.UseStaticFiles();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseAntiforgery();

    app.MapOpenApi().RequireAuthorization(AccessExtensions.AnyCallerPolicy);
    app.MapReportingHealth();
    app.MapAccountEndpoints();
    app.MapAccessApi();
    app.MapAgenciesApi();
    app.MapIndicatorsApi();
    app.MapProceduresApi();
    app.MapIngestApi();
    app.MapQuarantineApi();
    app.MapReportsApi();
    app.MapReportInstancesApi();
    app.MapReportPageExports();
    app.MapCollectorsApi();
    app.MapSimulators();
    app.MapNationalReceiverSimulator();
    app.MapReportingWeb();

    await app.RunAsync();
}
catch (Exception e) when (e is not HostAbortedException)
{
    Log.Fatal(e, "Reporting System stopped during start-up");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point; public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
