using System.Security.Claims;
using Reporting.Core.Access;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;

namespace Reporting.Web.Access;

/// <summary>The <see cref="AgencyScope"/> of the caller (user or key) against the current agency tree.</summary>
public sealed class CallerScope(ReferenceData referenceData, TimeProvider clock)
{
    public async Task<AgencyScope> ForAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var tree = (await referenceData.GetAsync(ct)).Tree;
        return AgencyScope.For(principal, tree, VietnamTime.Today(clock));
    }
}
