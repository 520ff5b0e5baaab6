using System.ComponentModel.DataAnnotations;

namespace Reporting.Core.Persistence;

/// <summary>Section <c>Database</c>. The connection string is <c>ConnectionStrings:Reporting</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "Reporting";
    public const string DefaultSqliteConnection = "Data Source=data/reporting.db";

    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up (on by default; turn off where a DBA applies scripts).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
