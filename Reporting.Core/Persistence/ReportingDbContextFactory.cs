using Microsoft.EntityFrameworkCore;

namespace Reporting.Core.Persistence;

/// <summary>Lets services ask for the base context whatever the configured provider.</summary>
internal sealed class ReportingDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<ReportingDbContext>
    where TContext : ReportingDbContext
{
    public ReportingDbContext CreateDbContext() => inner.CreateDbContext();
}
