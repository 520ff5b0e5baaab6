using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Persistence;

namespace Reporting.Tests.Integration;

/// <summary>
/// For tests that write agencies, procedures or the calendar straight into the database: bump the
/// versions as every production writer does in its transaction (ADR 006), so caches see the change.
/// </summary>
public static class ReferenceChanges
{
    public static async Task CommittedAsync(IServiceProvider services)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<ReportingDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal(1, await db.AggregateStates.CountAsync());
            await DataVersions.BumpAsync(db, reference: true, CancellationToken.None);
        }

        services.GetRequiredService<ReferenceData>().Invalidate();
    }
}
