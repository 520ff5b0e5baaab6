using System.Security.Claims;
using Reporting.Core.Access;

namespace Reporting.Core.Audit;

/// <summary>Who made a change, from where: a signed-in user, an API key, or the system itself.</summary>
public sealed record AuditActor(string Kind, string Name, string? Address)
{
    public const string SystemKind = "system";

    public static AuditActor System { get; } = new(SystemKind, "system", null);

    public static AuditActor From(ClaimsPrincipal principal, string? address)
    {
        var name = principal.Identity?.IsAuthenticated == true ? principal.Identity.Name : null;
        if (string.IsNullOrEmpty(name))
        {
            return System with { Address = address };
        }

        var kind = principal.FindFirst(AccessClaims.ActorKind)?.Value ?? AccessClaims.UserKind;
        return new AuditActor(kind, name, address);
    }
}
