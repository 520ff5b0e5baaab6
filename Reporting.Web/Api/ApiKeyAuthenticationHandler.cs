using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Reporting.Core.Access;
using Reporting.Core.Persistence;

namespace Reporting.Web.Api;

/// <summary>
/// Authenticates machine clients by the <c>X-Api-Key</c> header: the configured keys of api.md first (compared
/// in constant time), then the keys administrators created in the UI (found by the hash of the secret; revoked
/// ones refused). Keys are never logged; the key's name is the client identity.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<ApiOptions> apiOptions,
    IDbContextFactory<ReportingDbContext> dbFactory)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string ScopeClaim = AccessClaims.Scope;
    public const string AgencyClaim = AccessClaims.Agency;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = values[0]!;
        var presented = Encoding.UTF8.GetBytes(secret);
        var match = apiOptions.CurrentValue.Keys.FirstOrDefault(k =>
            k.Key.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(k.Key), presented));
        if (match is not null)
        {
            return Success(match.Name, match.Scopes, match.Agency);
        }

        var hash = ApiKeySecrets.Hash(secret);
        await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
        var stored = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.SecretHash == hash && k.RevokedAt == null, Context.RequestAborted);
        return stored is null
            ? AuthenticateResult.Fail("Khóa API không hợp lệ.")
            : Success(stored.Name, stored.Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries), stored.AgencyCode);
    }

    private static AuthenticateResult Success(string name, IEnumerable<string> scopes, string? agency)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(AccessClaims.ActorKind, AccessClaims.KeyKind) };
        claims.AddRange(scopes.Select(s => new Claim(ScopeClaim, s.Trim().ToLowerInvariant())));
        if (!string.IsNullOrWhiteSpace(agency))
        {
            claims.Add(new Claim(AgencyClaim, agency.Trim()));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status401Unauthorized, "unauthorized", "Chưa xác thực",
            $"Cần khóa API hợp lệ trong tiêu đề {HeaderName}, hoặc đăng nhập.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status403Forbidden, "forbidden", "Không có quyền",
            "Khóa API không có phạm vi (scope) cần cho thao tác này.");

    private Task WriteProblem(int status, string type, string title, string detail)
    {
        Response.StatusCode = status;
        return Response.WriteAsJsonAsync(Problems.Create(status, type, title, detail), options: null, contentType: "application/problem+json");
    }
}

/// <summary>Secrets of the keys created in the UI: 32 random bytes, kept only as a SHA-256 hash.</summary>
public static class ApiKeySecrets
{
    public static string NewSecret() => "rk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
