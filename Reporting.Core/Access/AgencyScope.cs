using System.Security.Claims;
using Reporting.Core.Agencies;

namespace Reporting.Core.Access;

/// <summary>
/// The agencies a user or an API key may see and write (access.md "People and their scope"): the root
/// agency's subtree in the current structure, plus the ended agencies whose primary successor chain
/// leads into it, so history stays visible after a merger. The one scope rule of the product: the API,
/// the dashboards, the exports, ingest, quarantine and payments all take one of these.
/// </summary>
public sealed class AgencyScope
{
    private readonly HashSet<int>? _ids;

    private AgencyScope(Agency? root, string? rootCode, HashSet<int>? ids, IReadOnlyList<string> codes)
    {
        Root = root;
        RootCode = rootCode;
        _ids = ids;
        Codes = codes;
    }

    /// <summary>No limit: administrators and API keys without an agency.</summary>
    public static AgencyScope Everything { get; } = new(null, null, null, []);

    /// <summary>Nothing at all: a user without an agency, or a key whose agency left the tree.</summary>
    public static AgencyScope Nothing(string? code) => new(null, code, [], []);

    public bool IsEverything => _ids is null;

    /// <summary>The scope's root agency; null for <see cref="Everything"/> (or an unknown code).</summary>
    public Agency? Root { get; }

    /// <summary>The code the scope was built from, as configured (null for <see cref="Everything"/>).</summary>
    public string? RootCode { get; }

    /// <summary>Every agency code in the scope (empty for <see cref="Everything"/>): for filters on stored codes.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>Agency ids of the scope; null when unlimited.</summary>
    public IReadOnlySet<int>? AgencyIds => _ids;

    public static AgencyScope Of(AgencyTree tree, string? agencyCode, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(agencyCode))
        {
            return Everything;
        }

        var root = tree.FindByCode(agencyCode.Trim(), today);
        if (root is null)
        {
            return Nothing(agencyCode);
        }

        var ids = tree.Descendants(root.Id);
        ids.UnionWith(tree.Members(root.Id, HistoryView.Current));
        var codes = ids.Select(id => tree.Find(id)!.Code).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new AgencyScope(root, root.Code, ids, codes);
    }

    /// <summary>
    /// The scope of a signed-in user or an API key: administrators see everything; a key without an agency
    /// is unlimited (api.md); a user without an agency sees nothing.
    /// </summary>
    public static AgencyScope For(ClaimsPrincipal principal, AgencyTree tree, DateOnly today) =>
        For(principal, agency => Of(tree, agency, today));

    /// <param name="ofAgency">The scope of the principal's (trimmed) agency code: <see cref="Of"/>, or a cache of it.</param>
    public static AgencyScope For(ClaimsPrincipal principal, Func<string, AgencyScope> ofAgency)
    {
        if (principal.IsInRole(Roles.Admin) || principal.HasClaim(AccessClaims.Scope, Roles.Admin))
        {
            return Everything;
        }

        var agency = principal.FindFirst(AccessClaims.Agency)?.Value;
        if (string.IsNullOrWhiteSpace(agency))
        {
            return principal.HasClaim(AccessClaims.ActorKind, AccessClaims.KeyKind) ? Everything : Nothing(null);
        }

        return ofAgency(agency.Trim());
    }

    public bool Contains(int agencyId) => _ids is null || _ids.Contains(agencyId);

    /// <summary>Whether the agency bearing <paramref name="code"/> (today, else last) is in the scope.</summary>
    public bool ContainsCode(AgencyTree tree, string code, DateOnly today) =>
        _ids is null || (tree.FindByCode(code, today) is { } agency && _ids.Contains(agency.Id));

    /// <summary>
    /// The agency a request may read: the requested one when in the scope, the scope's root when none was
    /// asked for; false when the requested agency is outside (or the scope is empty).
    /// </summary>
    public bool TryResolve(AgencyTree tree, string? requested, DateOnly today, out string? effective)
    {
        effective = string.IsNullOrWhiteSpace(requested) ? null : requested.Trim();
        if (_ids is null)
        {
            return true;
        }

        if (effective is null)
        {
            effective = Root?.Code;
            return Root is not null;
        }

        return ContainsCode(tree, effective, today);
    }
}
