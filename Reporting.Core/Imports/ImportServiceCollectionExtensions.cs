using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reporting.Core.Agencies;
using Reporting.Core.Procedures;

namespace Reporting.Core.Imports;

public static class ImportServiceCollectionExtensions
{
    /// <summary>
    /// The agency tree and procedure catalogue imports. They need the
    /// <c>IDbContextFactory&lt;ReportingDbContext&gt;</c> and <c>ReferenceData</c> registered by the core.
    /// </summary>
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<AgencyTreeImport>();
        services.AddScoped<ProcedureCatalogImport>();
        return services;
    }
}
