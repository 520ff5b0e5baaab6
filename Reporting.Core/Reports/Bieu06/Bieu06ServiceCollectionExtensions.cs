using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Reporting.Core.Reports.Bieu06;

public static class Bieu06ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="Bieu06Calculator"/> (scoped; it creates a DbContext per call from the
    /// factory). Needs <c>IDbContextFactory&lt;ReportingDbContext&gt;</c> and <c>ReferenceData</c>,
    /// which the core registration provides; adds the system <see cref="TimeProvider"/> if none is.
    /// </summary>
    public static IServiceCollection AddBieu06(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<Bieu06Calculator>();
        return services;
    }
}
