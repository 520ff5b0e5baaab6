using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Reporting.Core.Access;
using Reporting.Core.Agencies;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;

namespace Reporting.Web.Access;

/// <summary>The <see cref="AgencyScope"/> of the caller (user or key) against the current agency tree.</summary>
/// <remarks>
/// A scope is immutable and depends only on the tree, the caller's agency and the day, so one is kept per tree (weakly:
/// a reference change builds a new tree and the old scopes go with it), agency and day, and shared by every caller of
/// that agency: each open dashboard held its own, whose set of agency ids alone is ≈ 5 KB for a province's leader
/// (issue 13, ADR 028).
/// </remarks>
public sealed class CallerScope(ReferenceData referenceData, TimeProvider clock)
{
    /// <summary>Scopes kept per tree; past this many (agencies × days of one tree) the tree's are dropped and built again.</summary>
    public const int ScopesPerTree = 4096;

    private static readonly ConditionalWeakTable<AgencyTree, ConcurrentDictionary<(string Agency, DateOnly Today), AgencyScope>> Scopes = new();

    public async Task<AgencyScope> ForAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var tree = (await referenceData.GetAsync(ct)).Tree;
        var today = VietnamTime.Today(clock);
        var byAgency = Scopes.GetValue(tree, _ => new());
        if (byAgency.Count >= ScopesPerTree)
        {
            byAgency.Clear();
        }

        return AgencyScope.For(principal, agency => byAgency.GetOrAdd((agency, today), key => AgencyScope.Of(tree, key.Agency, key.Today)));
    }
}
