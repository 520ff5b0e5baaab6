using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reporting.Core.Reports.Bieu06;
using Reporting.Core.Reports.Bieu07b;
using Reporting.Core.Reports.Workflow;

namespace Reporting.Core.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>
    /// The report module: the form calculators and <see cref="ReportEngine"/> (scoped; they create a
    /// DbContext per call from the factory). Needs <c>IDbContextFactory&lt;ReportingDbContext&gt;</c>
    /// and <c>ReferenceData</c>, which the core registration provides; adds the system
    /// <see cref="TimeProvider"/> if none is.
    /// </summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<Bieu06Calculator>();
        services.TryAddScoped<Bieu07bCalculator>();
        services.TryAddScoped<ReportEngine>();
        services.TryAddScoped<ReportWorkflow>();
        services.TryAddScoped<ReportConsolidation>();
        services.TryAddSingleton<RegimeImport>();
        return services;
    }
}
