namespace Reporting.Collectors;

/// <summary>
/// The SQL Server schema of the Quartz job store, as the pinned Quartz package embeds it (the script its
/// <c>ProvisionSchema</c> runs: create-if-missing, never drops, statements separated by <c>--;;</c> lines),
/// with the table prefix substituted, for a DBA who applies scripts by hand.
/// </summary>
public static class QuartzSchemaScript
{
    private const string SqlServerResource = "create_sqlServer.sql";

    /// <summary>
    /// The script for <paramref name="tablePrefix"/> (e.g. <c>QRTZ_</c> or <c>sched.QRTZ_</c>): <c>{0}</c> is the prefix,
    /// <c>{1}</c> the prefix without its schema qualifier (for index and constraint names), as the script's header says.
    /// </summary>
    public static string SqlServer(string tablePrefix)
    {
        var assembly = typeof(Quartz.Impl.AdoJobStore.SqlServerDelegate).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(SqlServerResource, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Gói Quartz {assembly.GetName().Version} không kèm kịch bản lược đồ SQL Server ({SqlServerResource}).");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        var bare = tablePrefix[(tablePrefix.LastIndexOf('.') + 1)..].Trim('[', ']');
        return reader.ReadToEnd().Replace("{0}", tablePrefix, StringComparison.Ordinal).Replace("{1}", bare, StringComparison.Ordinal);
    }
}
