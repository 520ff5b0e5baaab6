namespace Reporting.Web.Simulators;

public static class SimulatorExtensions
{
    /// <summary><c>Simulators:Enabled</c>, by default <c>Demo:Enabled</c>.</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue<bool?>($"{SimulatorSettings.Section}:Enabled") ?? configuration.GetValue<bool>("Demo:Enabled");

    /// <summary>The simulators' state and, in demo mode, the collector sources that read them.</summary>
    public static IHostApplicationBuilder AddSimulators(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSimulatorState();
        if (IsEnabled(builder.Configuration) && builder.Configuration.GetValue<bool>("Demo:Enabled")
            && builder.Configuration.GetValue($"{SimulatorSettings.Section}:{nameof(SimulatorSettings.RegisterDemoSources)}", true)
            && builder.Configuration.GetValue("Collectors:Enabled", true))
        {
            builder.Services.AddHostedService<SimulatorDemoSources>();
        }

        return builder;
    }
}
