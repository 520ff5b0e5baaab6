using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Reporting.Core.Dossiers;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;

namespace Reporting.Tests.Integration;

/// <summary>
/// One index of <c>Dossiers</c> on (AgencyId, ReceivedDay, EndDay) serves every list behind a figure, the lists by end
/// day (4.1) included, where two indexes did before (docs/decisions/027: each index is one more random B-tree insert a
/// dossier at ingest). This holds the SQL EF generates for each list — every dossier-based indicator, each part, one agency
/// and a subtree — and for the overdue list of the dashboard to a plan that seeks that index, never a scan of the table.
/// </summary>
public sealed class DossierAgencyDaysIndexTests
{
    private const string Index = "IX_Dossiers_AgencyId_ReceivedDay_EndDay";

    public static TheoryData<string> Codes() => ["1.4", "2.1", "2.2", "3.3", "ONLINE", "3.6", "4.1", "4.2", "4.3", "4.4", "4.5B", "5.4"];

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task Every_list_behind_a_figure_seeks_the_agency_days_index(string code)
    {
        await using var fixture = await MigratedDatabase.OpenAsync();
        var window = new DateWindow(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30));
        var (numerator, denominator) = IndicatorFilters.Build(code, window)!.Value;
        Expression<Func<Dossier, bool>>[] parts = [numerator, denominator, IndicatorFilters.And(denominator, IndicatorFilters.Not(numerator))];
        foreach (var members in new List<int>[] { [7], [7, 8, 9, 10] })
        {
            foreach (var part in parts)
            {
                // The two statements IndicatorDossierService runs: the count, and a page in the list's order.
                var filtered = fixture.Db.Dossiers.AsNoTracking().Where(d => members.Contains(d.AgencyId)).Where(part);
                await fixture.AssertSeeksAsync(() => filtered.CountAsync());
                await fixture.AssertSeeksAsync(() => filtered.OrderByDescending(d => d.ReceivedDay).ThenBy(d => d.Code).ThenBy(d => d.Source).Take(50).ToListAsync());
            }
        }
    }

    [Fact]
    public async Task The_overdue_list_seeks_the_agency_days_index()
    {
        await using var fixture = await MigratedDatabase.OpenAsync();
        List<int> members = [7, 8];
        await fixture.AssertSeeksAsync(() => fixture.Db.Dossiers.AsNoTracking()
            .Where(d => members.Contains(d.AgencyId)).Where(DossierClock.OverdueAtFilter(new DateOnly(2026, 6, 30).DayNumber)).CountAsync());
    }

    [Fact]
    public async Task The_two_former_indexes_are_gone()
    {
        await using var fixture = await MigratedDatabase.OpenAsync();
        await using var command = fixture.Connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'Dossiers' ORDER BY name";
        var names = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        Assert.Contains(Index, names);
        Assert.DoesNotContain("IX_Dossiers_AgencyId_ReceivedDay", names);
        Assert.DoesNotContain("IX_Dossiers_AgencyId_EndDay", names);
    }

    private sealed class MigratedDatabase : IAsyncDisposable
    {
        private readonly CapturedCommands _captured;

        private MigratedDatabase(SqliteConnection connection, SqliteReportingDbContext db, CapturedCommands captured)
        {
            Connection = connection;
            Db = db;
            _captured = captured;
        }

        public SqliteConnection Connection { get; }

        public SqliteReportingDbContext Db { get; }

        public static async Task<MigratedDatabase> OpenAsync()
        {
            var connection = new SqliteConnection("Data Source=:memory:");
            await connection.OpenAsync();
            var captured = new CapturedCommands();
            var options = new DbContextOptionsBuilder<SqliteReportingDbContext>().UseSqlite(connection).AddInterceptors(captured).Options;
            var db = new SqliteReportingDbContext(options);
            await db.Database.MigrateAsync();
            return new MigratedDatabase(connection, db, captured);
        }

        /// <summary>Runs <paramref name="query"/>, then asks SQLite for the plan of the statement it sent, with the same parameters.</summary>
        public async Task AssertSeeksAsync(Func<Task> query)
        {
            _captured.Commands.Clear();
            await query();
            var (sql, parameters) = Assert.Single(_captured.Commands);
            await using var explain = Connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in parameters)
            {
                explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(3));
                }
            }

            var dossiers = plan.Where(step => step.StartsWith("SEARCH d ", StringComparison.Ordinal) || step.StartsWith("SCAN d", StringComparison.Ordinal)).ToList();
            Assert.True(dossiers.Count > 0 && dossiers.All(step => step.StartsWith($"SEARCH d USING INDEX {Index} (AgencyId=?", StringComparison.Ordinal)),
                $"The plan of {sql} is: {string.Join("; ", plan)}");
        }

        public async ValueTask DisposeAsync()
        {
            await Db.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }

    private sealed class CapturedCommands : DbCommandInterceptor
    {
        public List<(string Sql, List<(string Name, object? Value)> Parameters)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
            return ValueTask.FromResult(result);
        }
    }
}
