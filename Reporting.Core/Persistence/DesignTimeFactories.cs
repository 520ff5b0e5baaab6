using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Reporting.Core.Persistence;

/// <summary>Used by <c>dotnet ef</c> only; the running app configures contexts in AddReportingCore.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteReportingDbContext>
{
    public SqliteReportingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteReportingDbContext>().UseSqlite(DatabaseOptions.DefaultSqliteConnection).Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerReportingDbContext>
{
    public SqlServerReportingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerReportingDbContext>()
            .UseSqlServer("Server=localhost;Database=Reporting;Integrated Security=true;TrustServerCertificate=true").Options);
}
