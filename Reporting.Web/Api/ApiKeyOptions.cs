namespace Reporting.Web.Api;

/// <summary>Section <c>Api</c> (spec api.md): machine clients and their scopes.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    public List<ApiKeyOptions> Keys { get; set; } = [];
}

public sealed class ApiKeyOptions
{
    public string Name { get; set; } = string.Empty;
    public string Key { get; set; } = string.Empty;
    public List<string> Scopes { get; set; } = [];

    /// <summary>Electronic identifier of the agency whose subtree the key is limited to.</summary>
    public string? Agency { get; set; }
}
