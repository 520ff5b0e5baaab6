using Microsoft.Extensions.Options;

namespace Reporting.Demo.Seeding;

public static class DemoExtensions
{
    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>($"{DemoSettings.Section}:Enabled");

    /// <summary>The demo province loader, when <c>Demo:Enabled</c> is true; the host is not ready (<paramref name="readyTag"/>) while it loads.</summary>
    public static IHostApplicationBuilder AddDemoProvince(this IHostApplicationBuilder builder, string readyTag)
    {
        builder.Services.AddSingleton<IValidateOptions<DemoSettings>, DemoSettingsValidator>();
        builder.Services.AddOptions<DemoSettings>().BindConfiguration(DemoSettings.Section).ValidateOnStart();
        builder.Services.AddSingleton<DemoSeedingState>();
        if (IsEnabled(builder.Configuration))
        {
            builder.Services.AddHostedService<DemoSeedingService>();
            builder.Services.AddHealthChecks().AddCheck<DemoReadyCheck>("demo", tags: [readyTag]);
        }

        return builder;
    }
}
