using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Access;
using Reporting.Tests.Integration;
using Reporting.Web.Access;

namespace Reporting.Tests.Access;

/// <summary>
/// access.md "Signing in": a single sign-on identity maps to an existing local user by user name, then by e-mail;
/// an unknown identity is refused (accounts are created by an administrator, never by signing in).
/// </summary>
[Collection(AccessAppCollection.Name)]
public sealed class SsoMappingTests(AccessApp app)
{
    private const string NameClaim = "preferred_username";

    [Fact]
    public async Task An_identity_maps_by_user_name_then_by_email_and_an_unknown_one_to_nobody()
    {
        _ = app.Factory.Server;
        var saved = await app.Factory.Services.GetRequiredService<UserAdmin>().SaveAsSystemAsync("sso.canbo",
            new UserChange("Cán bộ SSO", "canbo.sso@sonha.gov.vn", TinyProvince.Root, [Roles.Leader], true, AccessApp.Password));
        Assert.True(saved.Ok);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        var byName = await SsoSignIn.FindUserAsync(users, Identity((NameClaim, "sso.canbo")), NameClaim);
        Assert.Equal("sso.canbo", byName?.UserName);

        // The provider's user name is not ours: the e-mail finds the account.
        var byEmail = await SsoSignIn.FindUserAsync(users, Identity((NameClaim, "CCCD-001099012345"), ("email", "canbo.sso@sonha.gov.vn")), NameClaim);
        Assert.Equal("sso.canbo", byEmail?.UserName);

        Assert.Null(await SsoSignIn.FindUserAsync(users, Identity((NameClaim, "nguoi.la"), ("email", "nguoi.la@example.org")), NameClaim));
        Assert.Null(await SsoSignIn.FindUserAsync(users, Identity(("sub", "123")), NameClaim));
        Assert.Equal("123", SsoSignIn.Describe(Identity(("sub", "123")), NameClaim));
    }

    private static ClaimsPrincipal Identity(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "oidc"));
}
