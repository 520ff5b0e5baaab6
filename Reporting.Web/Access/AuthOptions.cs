using System.ComponentModel.DataAnnotations;

namespace Reporting.Web.Access;

/// <summary>Section <c>Auth</c> (access.md "Signing in"): the first administrator and the optional single sign-on.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();

    public OidcOptions Oidc { get; set; } = new();
}

/// <summary>Created at start-up when no user exists yet; ignored afterwards.</summary>
public sealed class BootstrapAdminOptions
{
    public string? UserName { get; set; }

    [MinLength(AccessRules.MinPasswordLength, ErrorMessage = "Auth:BootstrapAdmin:Password cần ít nhất 10 ký tự.")]
    public string? Password { get; set; }

    /// <summary>The administrator's agency; the root of the tree when empty.</summary>
    public string? Agency { get; set; }
}

/// <summary>OpenID Connect single sign-on, on when <see cref="Authority"/> is set.</summary>
public sealed class OidcOptions
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The claim holding the user name to match; the e-mail claim is tried next.</summary>
    public string UserNameClaim { get; set; } = "preferred_username";

    /// <summary>Label of the sign-in button.</summary>
    public string DisplayName { get; set; } = "Đăng nhập một lần (SSO)";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}

/// <summary>The fixed rules of access.md for local accounts.</summary>
public static class AccessRules
{
    public const int MinPasswordLength = 10;
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    public const string SignInPath = "/dang-nhap";
    public const string AccessDeniedPath = "/khong-co-quyen";
    public const string SignInEndpoint = "/tai-khoan/dang-nhap";
    public const string SignOutEndpoint = "/tai-khoan/dang-xuat";
    public const string SsoEndpoint = "/tai-khoan/sso";
    public const string SsoCallbackEndpoint = "/tai-khoan/sso/xong";

    /// <summary>Paths answered as an API (401/403 problem details) rather than with the sign-in page.</summary>
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");

    /// <summary>A return address after sign-in: only a path of this site.</summary>
    public static string SafeReturn(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
        && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && !returnUrl.StartsWith(SignInPath, StringComparison.OrdinalIgnoreCase)
            ? returnUrl : "/";
}
