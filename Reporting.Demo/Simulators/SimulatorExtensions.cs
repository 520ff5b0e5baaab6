namespace Reporting.Demo.Simulators;

public static class SimulatorExtensions
{
    /// <summary><c>Simulators:Enabled</c>, by default <c>Demo:Enabled</c>.</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue<bool?>($"{SimulatorSettings.Section}:Enabled") ?? configuration.GetValue<bool>("Demo:Enabled");

    /// <summary>Should the demo register collector sources that read the simulators (demo and simulators on, collectors not switched off)?</summary>
    public static bool RegistersDemoSources(IConfiguration configuration) =>
        IsEnabled(configuration) && configuration.GetValue<bool>("Demo:Enabled")
        && configuration.GetValue($"{SimulatorSettings.Section}:{nameof(SimulatorSettings.RegisterDemoSources)}", true)
        && configuration.GetValue("Collectors:Enabled", true);

    /// <summary>The simulators' state (their endpoints are mapped by <c>MapSimulators</c> when enabled).</summary>
    public static IHostApplicationBuilder AddSimulators(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSimulatorState();
        return builder;
    }
}
