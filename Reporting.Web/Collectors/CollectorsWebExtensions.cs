using Reporting.Demo.Simulators;

namespace Reporting.Web.Collectors;

public static class CollectorsWebExtensions
{
    /// <summary>The collectors (Reporting.Collectors: options, clients, Quartz, the scheduler ready check) and the simulators they read in demo mode.</summary>
    public static IHostApplicationBuilder AddCollectors(this IHostApplicationBuilder builder)
    {
        Reporting.Collectors.CollectorsExtensions.AddCollectors(builder);
        builder.Services.AddScoped<ICollectorsAdmin, CollectorsAdmin>();
        builder.AddSimulators();
        if (SimulatorExtensions.RegistersDemoSources(builder.Configuration))
        {
            builder.Services.AddHostedService<SimulatorDemoSources>();
        }

        return builder;
    }
}
