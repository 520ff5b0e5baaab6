using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Reporting.Core.Access;
using Reporting.Core.Audit;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;
using Reporting.Web.Api;

namespace Reporting.Web.Access;

public sealed record ApiKeyView(int Id, string Name, string Prefix, IReadOnlyList<string> Scopes, string? Agency, DateTime CreatedAt, string? CreatedBy, DateTime? RevokedAt);

/// <summary>A new key: the secret is in this answer and nowhere else, ever.</summary>
public sealed record ApiKeyCreated(ApiKeyView Key, string Secret);

/// <summary>
/// API keys created by administrators in the UI (beside the configured keys of api.md): stored as a hash,
/// the secret shown once, revoked rather than deleted. The role is checked here; each change is audited in
/// its own transaction.
/// </summary>
public sealed class ApiKeyAdmin(IDbContextFactory<ReportingDbContext> dbFactory, ReferenceData referenceData, Microsoft.Extensions.Options.IOptionsMonitor<ApiOptions> configured, TimeProvider clock)
{
    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        UserAdmin.Demand(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenBy(k => k.Name).ToListAsync(ct);
        return keys.Select(View).ToList();
    }

    /// <summary>The configured keys (names, scopes, agency; never the secret), shown read-only beside the stored ones.</summary>
    public IReadOnlyList<ApiKeyOptions> Configured(ClaimsPrincipal actor)
    {
        UserAdmin.Demand(actor);
        return configured.CurrentValue.Keys.Select(k => new ApiKeyOptions { Name = k.Name, Scopes = k.Scopes, Agency = k.Agency }).ToList();
    }

    public async Task<(ApiKeyCreated? Created, IReadOnlyDictionary<string, string[]> Errors)> CreateAsync(
        ClaimsPrincipal actor, string? address, string name, IReadOnlyList<string> scopes, string? agency, CancellationToken ct = default)
    {
        UserAdmin.Demand(actor);
        var errors = new Dictionary<string, string[]>();
        name = name.Trim();
        if (name.Length is 0 or > 64) errors["name"] = ["Tên khóa từ 1 đến 64 ký tự."];
        if (scopes.Count == 0) errors["scopes"] = ["Chọn ít nhất một phạm vi."];
        else if (scopes.FirstOrDefault(s => !ApiScopes.All.Contains(s)) is { } bad) errors["scopes"] = [$"Phạm vi '{bad}' không có."];
        if (configured.CurrentValue.Keys.Any(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase)))
            errors["name"] = [$"Tên '{name}' đã là một khóa trong cấu hình."];
        agency = string.IsNullOrWhiteSpace(agency) ? null : agency.Trim();
        if (agency is not null && (await referenceData.GetAsync(ct)).Tree.FindByCode(agency, VietnamTime.Today(clock)) is null)
            errors["agency"] = [$"Không có đơn vị mã '{agency}'."];

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (errors.Count == 0 && await db.ApiKeys.AnyAsync(k => k.Name == name, ct))
            errors["name"] = [$"Đã có khóa tên '{name}'."];
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var secret = ApiKeySecrets.NewSecret();
        var key = new StoredApiKey
        {
            Name = name,
            SecretHash = ApiKeySecrets.Hash(secret),
            Prefix = secret[..10],
            Scopes = string.Join(",", scopes.Distinct()),
            AgencyCode = agency,
            CreatedAt = VietnamTime.ToLocal(clock.GetUtcNow()),
            CreatedBy = actor.Identity?.Name,
        };
        db.ApiKeys.Add(key);
        AuditLog.Add(db, clock, AuditActor.From(actor, address), AuditActions.KeyCreated, name, after: $"phạm vi={key.Scopes}; đơn vị={agency}; tiền tố={key.Prefix}");
        await db.SaveChangesAsync(ct);
        return (new ApiKeyCreated(View(key), secret), errors);
    }

    public async Task<bool> RevokeAsync(ClaimsPrincipal actor, string? address, int id, CancellationToken ct = default)
    {
        UserAdmin.Demand(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.RevokedAt == null, ct);
        if (key is null)
        {
            return false;
        }

        key.RevokedAt = VietnamTime.ToLocal(clock.GetUtcNow());
        AuditLog.Add(db, clock, AuditActor.From(actor, address), AuditActions.KeyRevoked, key.Name, before: $"phạm vi={key.Scopes}; đơn vị={key.AgencyCode}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static ApiKeyView View(StoredApiKey k) =>
        new(k.Id, k.Name, k.Prefix, k.Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries), k.AgencyCode, k.CreatedAt, k.CreatedBy, k.RevokedAt);
}
