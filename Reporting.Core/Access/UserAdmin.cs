using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Audit;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;

namespace Reporting.Core.Access;

public sealed record UserView(string UserName, string DisplayName, string? Email, string? Agency, IReadOnlyList<string> Roles, bool Active, DateTimeOffset? LockedUntil);

/// <summary>What a PUT or the users page changes; null leaves a field as it is (a new user needs a password).</summary>
public sealed record UserChange(string? DisplayName, string? Email, string? Agency, IReadOnlyList<string>? Roles, bool? Active, string? Password);

public sealed record UserSaveResult(bool Created, UserView? User, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>
/// Users for administrators (pages, API and the <c>users add</c> command): create, roles, agency, disable,
/// password reset. The role is checked here, not only on the page; each change and its audit line commit
/// in one transaction. A scope per operation, so a Blazor circuit never holds a DbContext.
/// </summary>
public sealed class UserAdmin(IServiceScopeFactory scopes, ReferenceData referenceData, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserView>> ListAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        Demand(actor);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles.AsNoTracking() join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return users.Select(u => View(u, byUser[u.Id].OrderBy(r => Roles.All.ToList().IndexOf(r)).ToList())).ToList();
    }

    /// <summary>Creates the user, or changes the fields given; the audit line says what changed.</summary>
    public async Task<UserSaveResult> SaveAsync(ClaimsPrincipal actor, string? address, string userName, UserChange change, CancellationToken ct = default) =>
        await SaveCoreAsync(AuditActor.From(actor, address), Demand(actor), userName, change, ct);

    /// <summary>The start-up paths (bootstrap administrator, <c>users add</c>, demo users): no signed-in actor.</summary>
    public Task<UserSaveResult> SaveAsSystemAsync(string userName, UserChange change, CancellationToken ct = default) =>
        SaveCoreAsync(AuditActor.System, true, userName, change, ct);

    private async Task<UserSaveResult> SaveCoreAsync(AuditActor actor, bool allowed, string userName, UserChange change, CancellationToken ct)
    {
        _ = allowed;
        var errors = new Dictionary<string, string[]>();
        userName = userName.Trim();
        if (change.Roles is { } wanted)
        {
            if (wanted.Count == 0) errors["roles"] = ["Cần ít nhất một vai trò."];
            else if (wanted.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
                errors["roles"] = [$"Vai trò '{unknown}' không có; các vai trò: {string.Join(", ", Roles.All)}."];
        }

        if (change.Agency is { Length: > 0 } agency)
        {
            var tree = (await referenceData.GetAsync(ct)).Tree;
            if (tree.FindByCode(agency.Trim(), VietnamTime.Today(clock)) is null)
            {
                errors["agency"] = [$"Không có đơn vị mã '{agency}' trong cây đơn vị."];
            }
        }

        if (errors.Count > 0)
        {
            return new UserSaveResult(false, null, errors);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = await users.FindByNameAsync(userName);
        var created = user is null;
        string? before = null;
        if (user is null)
        {
            if (string.IsNullOrEmpty(change.Password))
            {
                return new UserSaveResult(false, null, new Dictionary<string, string[]> { ["password"] = ["Người dùng mới cần mật khẩu."] });
            }

            if (change.Roles is null or { Count: 0 })
            {
                return new UserSaveResult(false, null, new Dictionary<string, string[]> { ["roles"] = ["Cần ít nhất một vai trò."] });
            }

            user = new AppUser { UserName = userName, DisplayName = change.DisplayName?.Trim() ?? userName, Email = Blank(change.Email), AgencyCode = Blank(change.Agency), Active = change.Active ?? true };
            if (Failed(await users.CreateAsync(user, change.Password), errors, "password"))
            {
                return new UserSaveResult(false, null, errors);
            }
        }
        else
        {
            before = Describe(user, await users.GetRolesAsync(user));
            if (change.DisplayName is not null) user.DisplayName = change.DisplayName.Trim();
            if (change.Email is not null) user.Email = Blank(change.Email);
            if (change.Agency is not null) user.AgencyCode = Blank(change.Agency);
            var disabling = change.Active is false && user.Active;
            if (change.Active is { } active) user.Active = active;
            if (Failed(await users.UpdateAsync(user), errors, "user"))
            {
                return new UserSaveResult(false, null, errors);
            }

            if (!string.IsNullOrEmpty(change.Password))
            {
                var token = await users.GeneratePasswordResetTokenAsync(user);
                if (Failed(await users.ResetPasswordAsync(user, token, change.Password), errors, "password"))
                {
                    return new UserSaveResult(false, null, errors);
                }

                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
            }
            else if (disabling)
            {
                // Signs the user out everywhere: every cookie's stamp is now stale.
                await users.UpdateSecurityStampAsync(user);
            }
        }

        if (change.Roles is { } roles)
        {
            var current = await users.GetRolesAsync(user);
            if (Failed(await users.RemoveFromRolesAsync(user, current.Except(roles)), errors, "roles")
                || Failed(await users.AddToRolesAsync(user, roles.Except(current).Distinct()), errors, "roles"))
            {
                return new UserSaveResult(false, null, errors);
            }
        }

        var finalRoles = (await users.GetRolesAsync(user)).ToList();
        var after = Describe(user, finalRoles);
        AuditLog.Add(db, clock, actor, created ? AuditActions.UserCreated : AuditActions.UserChanged, userName, before, after);
        if (!created && !string.IsNullOrEmpty(change.Password))
        {
            AuditLog.Add(db, clock, actor, AuditActions.PasswordReset, userName);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new UserSaveResult(created, View(user, finalRoles), errors);
    }

    public static bool Demand(ClaimsPrincipal actor) =>
        Actors.IsAdmin(actor) ? true : throw new AccessDeniedException("Chỉ quản trị hệ thống được quản lý người dùng.");

    private static bool Failed(IdentityResult result, Dictionary<string, string[]> errors, string field)
    {
        if (result.Succeeded)
        {
            return false;
        }

        errors[field] = result.Errors.Select(e => e.Description).ToArray();
        return true;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The audit's before/after: never the password or its hash.</summary>
    private static string Describe(AppUser u, IEnumerable<string> roles) =>
        $"tên={u.DisplayName}; email={u.Email}; đơn vị={u.AgencyCode}; vai trò={string.Join(",", roles)}; hoạt động={(u.Active ? "có" : "không")}";

    private static UserView View(AppUser u, IReadOnlyList<string> roles) =>
        new(u.UserName!, u.DisplayName, u.Email, u.AgencyCode, roles, u.Active, u.LockoutEnd is { } end && end > DateTimeOffset.UtcNow ? end : null);
}
