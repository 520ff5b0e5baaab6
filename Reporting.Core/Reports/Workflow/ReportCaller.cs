using Reporting.Core.Access;

namespace Reporting.Core.Reports.Workflow;

/// <summary>
/// Who acts on a report: a user or an API key by name, its roles (<see cref="Roles"/>) and whether an
/// agency code is inside its scope (the one <see cref="AgencyScope"/> of access.md, as a predicate).
/// </summary>
public sealed record ReportCaller(string Name, IReadOnlySet<string> Roles, Func<string, bool> InScope)
{
    /// <summary>Who the audit log names for this caller's transitions.</summary>
    public Audit.AuditActor Actor { get; init; } = Audit.AuditActor.System with { Name = Name };

    /// <summary>The scheduled job creating instances: acts everywhere.</summary>
    public static ReportCaller System { get; } = new("Hệ thống (lịch tự động)", new HashSet<string> { Access.Roles.Admin }, _ => true);

    /// <summary>Has the role, or is an administrator (who may do every action).</summary>
    public bool Has(string role) => Roles.Contains(role) || Roles.Contains(Access.Roles.Admin);

    public bool HasAny(params string[] roles) => roles.Any(Has);
}
