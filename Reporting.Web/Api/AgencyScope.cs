using System.Security.Claims;
using Reporting.Core.Agencies;
using Reporting.Core.Periods;

namespace Reporting.Web.Api;

/// <summary>Enforces an API key's agency subtree (claim <c>agency</c>) on reads and ingest.</summary>
public static class AgencyScope
{
    public static string? KeyAgency(this ClaimsPrincipal user) => user.FindFirstValue(ApiKeyAuthenticationHandler.AgencyClaim);

    /// <summary>The agency code a request may use: the key's own agency by default; null when outside the key's subtree.</summary>
    public static bool TryRestrict(ClaimsPrincipal user, AgencyTree tree, string? requested, DateOnly today, out string? effective)
    {
        effective = requested;
        var keyAgencyCode = user.KeyAgency();
        if (keyAgencyCode is null)
        {
            return true;
        }

        var keyAgency = tree.FindByCode(keyAgencyCode, today);
        if (keyAgency is null)
        {
            return false;
        }

        if (requested is null)
        {
            effective = keyAgency.Code;
            return true;
        }

        var target = tree.FindByCode(requested, today);
        return target is not null && tree.Descendants(keyAgency.Id).Contains(target.Id);
    }

    public static IResult Forbidden(string? requested) => Problems.Result(StatusCodes.Status403Forbidden, "outside-agency-scope",
        "Ngoài phạm vi đơn vị", $"Khóa API không được phép xem đơn vị '{requested}'.");

    public static DateOnly Today(this TimeProvider clock) => VietnamTime.Today(clock);
}
