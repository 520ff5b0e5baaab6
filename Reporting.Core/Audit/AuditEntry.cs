namespace Reporting.Core.Audit;

/// <summary>One line of the append-only audit log (access.md "Audit"): never updated, never deleted.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>Vietnam local time, like every stored time of the product.</summary>
    public DateTime At { get; set; }

    /// <summary><c>user</c>, <c>key</c> or <c>system</c>.</summary>
    public required string ActorKind { get; set; }

    /// <summary>The user name or the API key's name.</summary>
    public required string Actor { get; set; }

    /// <summary>The client address the change came from, when it came over HTTP.</summary>
    public string? Address { get; set; }

    /// <summary>A code of <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    public string? Target { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}
