using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Reporting.Core.Access;

namespace Reporting.Web.Access;

/// <summary>A user's cookie carries their roles (Identity), their agency and that they are a person, not a key.</summary>
public sealed class ReportingClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AccessClaims.ActorKind, AccessClaims.UserKind));
        identity.AddClaim(new Claim(AccessClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        if (!string.IsNullOrWhiteSpace(user.AgencyCode))
        {
            identity.AddClaim(new Claim(AccessClaims.Agency, user.AgencyCode));
        }

        return identity;
    }
}

/// <summary>A disabled account may not sign in (Identity's "confirmed account" check is where the flag is read).</summary>
public sealed class ActiveUserConfirmation : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(user.Active);
}
