using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Reporting.Core.Access;
using Reporting.Core.Audit;

namespace Reporting.Web.Access;

/// <summary>
/// Who is calling an admin service, whichever door they came through: a Blazor circuit (its authentication
/// state), an HTTP request (its user), or a start-up path or test that says so with <see cref="Use"/>.
/// Services check the role with it, so a page is never the only guard.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, AuthenticationStateProvider auth)
{
    private ClaimsPrincipal? _explicit;

    /// <summary>For callers outside HTTP and circuits (commands, tests): act as <paramref name="principal"/>.</summary>
    public void Use(ClaimsPrincipal principal) => _explicit = principal;

    public async Task<ClaimsPrincipal> GetAsync()
    {
        if (_explicit is not null)
        {
            return _explicit;
        }

        if (http.HttpContext is { } context && !context.WebSockets.IsWebSocketRequest && context.User.Identity?.IsAuthenticated == true)
        {
            return context.User;
        }

        try
        {
            return (await auth.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // Outside a circuit the provider has no state: nobody is signed in here.
            return http.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());
        }
    }

    public async Task<AuditActor> ActorAsync() => AuditActor.From(await GetAsync(), http.HttpContext?.Connection.RemoteIpAddress?.ToString());

    /// <summary>The principal, after checking it is an administrator (user or admin key).</summary>
    public async Task<ClaimsPrincipal> DemandAdminAsync()
    {
        var principal = await GetAsync();
        if (!Actors.IsAdmin(principal))
        {
            throw new AccessDeniedException("Chỉ quản trị hệ thống được thực hiện thao tác này.");
        }

        return principal;
    }

    /// <summary>A principal for start-up paths and tests: an administrator named <paramref name="name"/>.</summary>
    public static ClaimsPrincipal SystemAdmin(string name = "system") => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, name), new Claim(AccessClaims.ActorKind, AccessClaims.UserKind), new Claim(ClaimTypes.Role, Roles.Admin)], "system"));
}
