using Microsoft.AspNetCore.Identity;

namespace Reporting.Core.Access;

/// <summary>A person (access.md): an ASP.NET Core Identity account with one agency, one or more roles and an active flag.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Electronic identifier of the user's agency: the root of the user's scope.</summary>
    public string? AgencyCode { get; set; }

    /// <summary>A disabled user cannot sign in, and the security stamp change signs them out everywhere.</summary>
    public bool Active { get; set; } = true;
}
