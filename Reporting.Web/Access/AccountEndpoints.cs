using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Reporting.Core.Access;
using Reporting.Core.Audit;
using Reporting.Core.Persistence;

namespace Reporting.Web.Access;

/// <summary>
/// The sign-in page posts here (a plain form: no Blazor circuit is needed to sign in), sign-out, and the
/// single sign-on round trip. Every attempt, good or bad, is written to the audit log.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // The antiforgery check is made here, so an expired form returns to the sign-in page instead of a bare 400.
        app.MapPost(AccessRules.SignInEndpoint, SignInAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapPost(AccessRules.SignOutEndpoint, SignOutAsync).DisableAntiforgery().ExcludeFromDescription();
        app.MapGet(AccessRules.SsoEndpoint, Sso).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(AccessRules.SsoCallbackEndpoint, SsoCallbackAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignInAsync(
        SignInManager<AppUser> signIn, ReportingDbContext db, TimeProvider clock, IAntiforgery antiforgery, HttpContext http)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Redirect(SignInPage("/", "het-han", null));
        }

        var form = await http.Request.ReadFormAsync();
        var name = form["userName"].ToString().Trim();
        var password = form["password"].ToString();
        var back = AccessRules.SafeReturn(form["returnUrl"].ToString());
        if (name.Length == 0 || string.IsNullOrEmpty(password))
        {
            return Results.Redirect(SignInPage(back, "thieu", name));
        }

        var result = await signIn.PasswordSignInAsync(name, password, isPersistent: false, lockoutOnFailure: true);
        var address = http.Connection.RemoteIpAddress?.ToString();
        if (result.Succeeded)
        {
            AuditLog.Add(db, clock, new AuditActor(AccessClaims.UserKind, name, address), AuditActions.SignIn, name);
            await db.SaveChangesAsync();
            return Results.Redirect(back);
        }

        var why = result.IsLockedOut ? "khoa" : result.IsNotAllowed ? "vo-hieu" : "sai";
        AuditLog.Add(db, clock, new AuditActor(AccessClaims.UserKind, name, address), AuditActions.SignInFailed, name, after: why);
        await db.SaveChangesAsync();
        return Results.Redirect(SignInPage(back, why, name));
    }

    private static async Task<IResult> SignOutAsync(SignInManager<AppUser> signIn, ReportingDbContext db, TimeProvider clock, IAntiforgery antiforgery, HttpContext http)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Redirect("/");
        }

        if (Actors.IsUser(http.User))
        {
            AuditLog.Add(db, clock, AuditActor.From(http.User, http.Connection.RemoteIpAddress?.ToString()), AuditActions.SignOut, http.User.Identity?.Name);
            await db.SaveChangesAsync();
        }

        await signIn.SignOutAsync();
        return Results.Redirect(AccessRules.SignInPath);
    }

    private static IResult Sso(string? returnUrl, IOptions<AuthOptions> options)
    {
        if (!options.Value.Oidc.Enabled)
        {
            return Results.Redirect(AccessRules.SignInPath);
        }

        var properties = new AuthenticationProperties
        {
            RedirectUri = $"{AccessRules.SsoCallbackEndpoint}?returnUrl={Uri.EscapeDataString(AccessRules.SafeReturn(returnUrl))}",
        };
        return Results.Challenge(properties, [SsoSignIn.Scheme]);
    }

    /// <summary>Back from the identity provider: the identity is mapped to an existing, active local user, or refused.</summary>
    private static async Task<IResult> SsoCallbackAsync(
        string? returnUrl, HttpContext http, SignInManager<AppUser> signIn, UserManager<AppUser> users, ReportingDbContext db,
        IOptions<AuthOptions> options, TimeProvider clock)
    {
        var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Principal is null)
        {
            return Results.Redirect(SignInPage("/", "sso", null));
        }

        var user = await SsoSignIn.FindUserAsync(users, external.Principal, options.Value.Oidc.UserNameClaim);
        var address = http.Connection.RemoteIpAddress?.ToString();
        var claimed = SsoSignIn.Describe(external.Principal, options.Value.Oidc.UserNameClaim);
        if (user is null || !user.Active)
        {
            AuditLog.Add(db, clock, new AuditActor(AccessClaims.UserKind, claimed, address), AuditActions.SignInFailed, claimed,
                after: user is null ? "sso-unknown" : "vo-hieu");
            await db.SaveChangesAsync();
            return Results.Redirect(SignInPage("/", user is null ? "sso" : "vo-hieu", null));
        }

        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "sso");
        AuditLog.Add(db, clock, new AuditActor(AccessClaims.UserKind, user.UserName!, address), AuditActions.SignIn, user.UserName, after: "sso");
        await db.SaveChangesAsync();
        return Results.Redirect(AccessRules.SafeReturn(returnUrl));
    }

    private static string SignInPage(string returnUrl, string error, string? userName) =>
        $"{AccessRules.SignInPath}?loi={error}&returnUrl={Uri.EscapeDataString(returnUrl)}"
        + (string.IsNullOrEmpty(userName) ? "" : $"&ten={Uri.EscapeDataString(userName)}");
}

/// <summary>How a single sign-on identity becomes a local user: by user name, then by e-mail; never created.</summary>
public static class SsoSignIn
{
    public const string Scheme = "oidc";

    public static async Task<AppUser?> FindUserAsync(UserManager<AppUser> users, ClaimsPrincipal identity, string userNameClaim)
    {
        var name = identity.FindFirstValue(userNameClaim);
        if (!string.IsNullOrWhiteSpace(name) && await users.FindByNameAsync(name) is { } byName)
        {
            return byName;
        }

        var email = identity.FindFirstValue("email") ?? identity.FindFirstValue(ClaimTypes.Email);
        return string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email);
    }

    public static string Describe(ClaimsPrincipal identity, string userNameClaim) =>
        identity.FindFirstValue(userNameClaim) ?? identity.FindFirstValue("email") ?? identity.FindFirstValue("sub") ?? "sso";
}
