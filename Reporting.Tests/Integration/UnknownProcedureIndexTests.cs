using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Reporting.Core.Aggregates;
using Reporting.Core.Persistence;
using Reporting.Core.Procedures;

namespace Reporting.Tests.Integration;

/// <summary>
/// The index behind the catalogue import's look-up of dossiers derived while their procedure was unknown holds only
/// those dossiers (a partial index, docs/decisions/023), so an ingest of known procedures writes nothing into it. A
/// partial index serves a query only when SQLite can prove the query's filter implies the index's: this holds the SQL
/// EF generates for <see cref="AggregateMaintenance.NewlyKnownProceduresAsync"/> to a plan that uses it.
/// </summary>
public sealed class UnknownProcedureIndexTests
{
    private const string Index = "IX_Dossiers_ProcedureKnown_ProcedureCode";

    [Fact]
    public async Task The_newly_known_procedures_query_reads_the_partial_index_on_sqlite()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var captured = new CapturedSql();
        var options = new DbContextOptionsBuilder<SqliteReportingDbContext>().UseSqlite(connection).AddInterceptors(captured).Options;
        await using var db = new SqliteReportingDbContext(options);
        await db.Database.MigrateAsync();

        captured.Texts.Clear();
        await AggregateMaintenance.NewlyKnownProceduresAsync(db, new ReferenceSnapshot(null!, new Dictionary<string, Procedure>(), null!), default);
        var sql = Assert.Single(captured.Texts);

        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.True(plan.Any(step => step.Contains(Index, StringComparison.Ordinal)) &&
                    !plan.Any(step => step.StartsWith("SCAN d", StringComparison.Ordinal) && !step.Contains("INDEX", StringComparison.Ordinal)),
            $"The plan of {sql} is: {string.Join("; ", plan)}");

        await using var definition = connection.CreateCommand();
        definition.CommandText = $"SELECT sql FROM sqlite_schema WHERE name = '{Index}'";
        Assert.Contains("WHERE", (string)(await definition.ExecuteScalarAsync())!, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sql_server_index_is_filtered_with_a_plain_comparison()
    {
        // A filtered index takes only simple comparisons of a column with a constant (no NOT, no function of the column).
        var options = new DbContextOptionsBuilder<SqlServerReportingDbContext>()
            .UseSqlServer("Server=127.0.0.1;Database=Reporting;User Id=sa;Password=unused;TrustServerCertificate=true").Options;
        using var db = new SqlServerReportingDbContext(options);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains($"CREATE INDEX [{Index}] ON [Dossiers] ([ProcedureKnown], [ProcedureCode]) WHERE [ProcedureKnown] = 0", script);
    }

    private sealed class CapturedSql : DbCommandInterceptor
    {
        public List<string> Texts { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Texts.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}
