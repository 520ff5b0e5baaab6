namespace Reporting.Core.Access;

/// <summary>Claims shared by signed-in users and API keys, so one scope rule reads both.</summary>
public static class AccessClaims
{
    /// <summary>An API key's scope (<c>read</c>, <c>ingest</c>, <c>report</c>, <c>admin</c>).</summary>
    public const string Scope = "scope";

    /// <summary>The agency code whose subtree the user or key is limited to.</summary>
    public const string Agency = "agency";

    /// <summary><c>user</c> or <c>key</c>: who the actor is, for the audit log and the scope rule.</summary>
    public const string ActorKind = "actor-kind";

    public const string DisplayName = "display-name";

    public const string UserKind = "user";
    public const string KeyKind = "key";
}
