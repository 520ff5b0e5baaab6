using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Reporting.Web.Memory;

public static class MemoryExtensions
{
    /// <summary>Memory given back after circuits close (<see cref="MemoryTrimmer"/>, ADR 018).</summary>
    public static IHostApplicationBuilder AddMemoryTrim(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MemoryOptions>().BindConfiguration(MemoryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<MemoryTrimmer>();
        builder.Services.AddHostedService(s => s.GetRequiredService<MemoryTrimmer>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, TrimWhenCircuitsClose>());
        return builder;
    }
}
