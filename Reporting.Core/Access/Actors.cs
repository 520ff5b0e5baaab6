using System.Security.Claims;

namespace Reporting.Core.Access;

/// <summary>Who a principal is — a signed-in person or an API key — and what it may administer, read from the claims both carry.</summary>
public static class Actors
{
    public static bool IsUser(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.HasClaim(AccessClaims.ActorKind, AccessClaims.UserKind);

    public static bool IsAdminUser(ClaimsPrincipal user) => IsUser(user) && user.IsInRole(Roles.Admin);

    /// <summary>An administrator, whether a person or a key with scope <c>admin</c>.</summary>
    public static bool IsAdmin(ClaimsPrincipal user) => IsAdminUser(user) || HasScope(user, ApiScopes.Admin);

    public static bool HasScope(ClaimsPrincipal user, params string[] scopes) =>
        user.HasClaim(c => c.Type == AccessClaims.Scope && scopes.Contains(c.Value))
        && user.HasClaim(AccessClaims.ActorKind, AccessClaims.KeyKind);
}
