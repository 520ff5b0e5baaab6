using Reporting.Collectors;

namespace Reporting.Web.Collectors;

/// <summary>
/// <c>dotnet Reporting.Web.dll quartz-schema sqlserver</c>: writes the Quartz job store's SQL Server schema, with
/// <c>Collectors:Quartz:TablePrefix</c>, to standard output and exits, for a DBA who does not let the
/// application create tables (<c>Collectors:Quartz:ProvisionSchema</c> false).
/// </summary>
public static class QuartzSchemaCommand
{
    public const string Verb = "quartz-schema";

    /// <summary>False when the arguments do not ask for it; otherwise writes the script (or the reason it cannot) and returns true.</summary>
    public static bool TryRun(string[] args, IConfiguration configuration, TextWriter output, TextWriter error)
    {
        var at = Array.FindIndex(args, a => string.Equals(a, Verb, StringComparison.OrdinalIgnoreCase));
        if (at < 0)
        {
            return false;
        }

        var dialect = at + 1 < args.Length ? args[at + 1] : null;
        if (!string.Equals(dialect, "sqlserver", StringComparison.OrdinalIgnoreCase))
        {
            error.WriteLine($"Cách dùng: {Verb} sqlserver — chỉ có lược đồ SQL Server (với SQLite, Quartz chạy trong bộ nhớ).");
            Environment.ExitCode = 2;
            return true;
        }

        var prefix = configuration.GetSection(CollectorOptions.Section).Get<CollectorOptions>()?.Quartz.TablePrefix ?? new CollectorQuartzOptions().TablePrefix;
        output.Write(QuartzSchemaScript.SqlServer(prefix));
        return true;
    }
}
