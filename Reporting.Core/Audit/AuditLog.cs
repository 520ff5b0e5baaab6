using Reporting.Core.Periods;
using Reporting.Core.Persistence;

namespace Reporting.Core.Audit;

/// <summary>
/// Writes audit lines into the caller's DbContext, so the line commits (or rolls back) with the change
/// it describes: call it before the change's own SaveChanges, inside its transaction.
/// </summary>
public static class AuditLog
{
    /// <summary>Longest before/after text kept; the log says what changed, it is not a backup.</summary>
    public const int MaxText = 2000;

    public static AuditEntry Add(ReportingDbContext db, TimeProvider clock, AuditActor actor, string action, string? target,
        string? before = null, string? after = null)
    {
        var entry = new AuditEntry
        {
            At = VietnamTime.ToLocal(clock.GetUtcNow()),
            ActorKind = actor.Kind,
            Actor = Cut(actor.Name, 256)!,
            Address = Cut(actor.Address, 64),
            Action = action,
            Target = Cut(target, 256),
            Before = Cut(before, MaxText),
            After = Cut(after, MaxText),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 1)] + "…";
}
