using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Reporting.Tests.Integration;

/// <summary>The real application whose clock the test moves by hand, with optional extra settings.</summary>
public sealed class ClockAppFactory(ManualClock clock, IDictionary<string, string?>? settings = null) : ReportingAppFactory
{
    protected override IDictionary<string, string?> Settings => settings ?? new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
    }
}
