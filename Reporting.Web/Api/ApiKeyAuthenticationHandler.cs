using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Reporting.Web.Api;

/// <summary>
/// Authenticates machine clients by the <c>X-Api-Key</c> header against the configured keys.
/// Keys are compared in constant time and never logged; the key's name is the client identity.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<ApiOptions> apiOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string ScopeClaim = "scope";
    public const string AgencyClaim = "agency";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = Encoding.UTF8.GetBytes(values[0]!);
        var match = apiOptions.CurrentValue.Keys.FirstOrDefault(k =>
            k.Key.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(k.Key), presented));
        if (match is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Khóa API không hợp lệ."));
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, match.Name) };
        claims.AddRange(match.Scopes.Select(s => new Claim(ScopeClaim, s.Trim().ToLowerInvariant())));
        if (!string.IsNullOrWhiteSpace(match.Agency))
        {
            claims.Add(new Claim(AgencyClaim, match.Agency));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status401Unauthorized, "unauthorized", "Chưa xác thực",
            $"Cần khóa API hợp lệ trong tiêu đề {HeaderName}.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status403Forbidden, "forbidden", "Không có quyền",
            "Khóa API không có phạm vi (scope) cần cho thao tác này.");

    private Task WriteProblem(int status, string type, string title, string detail)
    {
        Response.StatusCode = status;
        return Response.WriteAsJsonAsync(Problems.Create(status, type, title, detail), options: null, contentType: "application/problem+json");
    }
}
