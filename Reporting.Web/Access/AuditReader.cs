using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Reporting.Core.Access;
using Reporting.Core.Audit;
using Reporting.Core.Persistence;

namespace Reporting.Web.Access;

/// <summary>Filters of the audit page and of <c>GET /api/v1/audit</c>; days are Vietnam dates, both included.</summary>
public sealed record AuditFilter(DateOnly? From, DateOnly? To, string? Actor, string? Action, string? Target);

public sealed record AuditPage(int Total, IReadOnlyList<AuditEntry> Items);

/// <summary>Reads the audit log for administrators (the role is checked here too).</summary>
public sealed class AuditReader(IDbContextFactory<ReportingDbContext> dbFactory)
{
    public const int MaxExportRows = 100_000;

    public async Task<AuditPage> ReadAsync(ClaimsPrincipal actor, AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        UserAdmin.Demand(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filter(db, filter);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.Id).Skip((Math.Max(1, page) - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new AuditPage(total, items);
    }

    public async IAsyncEnumerable<AuditEntry> StreamAsync(ClaimsPrincipal actor, AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        UserAdmin.Demand(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await foreach (var entry in Filter(db, filter).OrderByDescending(a => a.Id).Take(MaxExportRows).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return entry;
        }
    }

    private static IQueryable<AuditEntry> Filter(ReportingDbContext db, AuditFilter f)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (f.From is { } from) { var start = from.ToDateTime(TimeOnly.MinValue); query = query.Where(a => a.At >= start); }
        if (f.To is { } to) { var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue); query = query.Where(a => a.At < end); }
        if (!string.IsNullOrWhiteSpace(f.Actor)) { var actor = f.Actor.Trim(); query = query.Where(a => a.Actor == actor); }
        if (!string.IsNullOrWhiteSpace(f.Action)) { var action = f.Action.Trim(); query = query.Where(a => a.Action == action); }
        if (!string.IsNullOrWhiteSpace(f.Target)) { var target = f.Target.Trim(); query = query.Where(a => a.Target != null && a.Target.Contains(target)); }
        return query;
    }
}
