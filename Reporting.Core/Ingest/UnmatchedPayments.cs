using Microsoft.EntityFrameworkCore;
using Reporting.Core.Persistence;

namespace Reporting.Core.Ingest;

/// <summary>A payment whose dossier no feed has delivered, with how long it has waited: <c>StoredAt</c> is when its first version was stored, <c>AgeDays</c> the whole days since.</summary>
public sealed record UnmatchedPayment(
    string TransactionCode, string Source, string DossierCode, decimal Amount, int? Channel, string State, DateTime? PaidAt, DateTime StoredAt, int AgeDays);

/// <summary>One page of unmatched payments, the number of them, and the cut-off used (stored before it).</summary>
public sealed record UnmatchedPaymentPage(IReadOnlyList<UnmatchedPayment> Items, int Total, int OlderThanDays, DateTime StoredBefore);

/// <summary>
/// Payments kept for a dossier that has not arrived (feeds.md): listed for administrators once they are older
/// than a number of days. A payment matches a dossier by dossier code alone, from any source, exactly as
/// <see cref="PaymentIngestor"/> applies it. The age counts from <see cref="Payment.FirstStoredAt"/>, when its
/// first version arrived, so a newer version of a payment still waiting does not restart the count.
/// </summary>
public static class UnmatchedPayments
{
    public static IQueryable<Payment> Unmatched(this ReportingDbContext db, DateTime storedBefore) =>
        db.Payments.AsNoTracking().Where(p => p.FirstStoredAt < storedBefore && !db.Dossiers.Any(d => d.Code == p.DossierCode));

    /// <param name="now">Local Vietnam time.</param>
    public static async Task<UnmatchedPaymentPage> UnmatchedPaymentPageAsync(
        this ReportingDbContext db, DateTime now, int olderThanDays, int skip, int take, CancellationToken ct = default)
    {
        var storedBefore = now.AddDays(-Math.Max(0, olderThanDays));
        var query = db.Unmatched(storedBefore);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(p => p.FirstStoredAt).ThenBy(p => p.TransactionCode)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct);
        var items = rows.Select(p => new UnmatchedPayment(
            p.TransactionCode, p.Source, p.DossierCode, p.Amount, p.Channel, p.State, p.PaidAt, p.FirstStoredAt,
            (int)Math.Floor((now - p.FirstStoredAt).TotalDays))).ToList();
        return new UnmatchedPaymentPage(items, total, olderThanDays, storedBefore);
    }
}
