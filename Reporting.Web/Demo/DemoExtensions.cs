using Microsoft.Extensions.Options;
using Reporting.Web.Health;

namespace Reporting.Web.Demo;

public static class DemoExtensions
{
    /// <summary>The demo province loader, when <c>Demo:Enabled</c> is true.</summary>
    public static IHostApplicationBuilder AddDemoProvince(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<DemoSettings>, DemoSettingsValidator>();
        builder.Services.AddOptions<DemoSettings>().BindConfiguration(DemoSettings.Section).ValidateOnStart();
        builder.Services.AddSingleton<DemoSeedingState>();
        if (builder.Configuration.GetValue<bool>($"{DemoSettings.Section}:Enabled"))
        {
            builder.Services.AddHostedService<DemoSeedingService>();
            builder.Services.AddHealthChecks().AddCheck<DemoReadyCheck>("demo", tags: [HealthEndpoints.ReadyTag]);
        }

        return builder;
    }
}
