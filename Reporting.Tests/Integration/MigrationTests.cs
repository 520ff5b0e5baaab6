using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Reporting.Core.Persistence;

namespace Reporting.Tests.Integration;

public sealed class MigrationTests
{
    [Fact]
    public void SqlServerMigrationsGenerateAScriptForEveryTable()
    {
        // No SQL Server runs here: generating the script needs no connection, like `dotnet ef migrations script`.
        var options = new DbContextOptionsBuilder<SqlServerReportingDbContext>()
            .UseSqlServer("Server=127.0.0.1;Database=Reporting;User Id=sa;Password=unused;TrustServerCertificate=true").Options;
        using var db = new SqlServerReportingDbContext(options);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Dossiers]", script);
        foreach (var entity in db.Model.GetEntityTypes())
        {
            Assert.Contains($"CREATE TABLE [{entity.GetTableName()}]", script);
        }

        Assert.DoesNotContain("AUTOINCREMENT", script);
        // ReadSnapshot's SNAPSHOT transactions are refused by a database that does not allow them (ADR 029).
        Assert.Contains("ALTER DATABASE CURRENT SET ALLOW_SNAPSHOT_ISOLATION ON;", script);
        Assert.False(db.Database.HasPendingModelChanges(), "The SQL Server migrations lag behind the model: add a migration.");
    }

    [Fact]
    public void SqliteMigrationsMatchTheModel()
    {
        var options = new DbContextOptionsBuilder<SqliteReportingDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new SqliteReportingDbContext(options);
        Assert.False(db.Database.HasPendingModelChanges(), "The SQLite migrations lag behind the model: add a migration.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public async Task StartUpAppliesMigrationsToAFreshSqliteFile()
    {
        await using var factory = new ReportingAppFactory();
        using var client = factory.CreateClient();
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);

        await using var db = factory.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.True(await db.RatingBands.AnyAsync(), "Rating bands are seeded as data.");
        Assert.True(await db.CalendarDays.AnyAsync(), "The working calendar is seeded as data.");
    }
}
