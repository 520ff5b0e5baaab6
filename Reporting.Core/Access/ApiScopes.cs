namespace Reporting.Core.Access;

/// <summary>The scopes an API key may hold (api.md, access.md).</summary>
public static class ApiScopes
{
    public const string Read = "read";
    public const string Ingest = "ingest";

    /// <summary>Report instances (reporting.md): create, fill and submit for the key's agency subtree.</summary>
    public const string Report = "report";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Read, Ingest, Report, Admin];
}
