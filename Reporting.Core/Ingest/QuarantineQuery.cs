namespace Reporting.Core.Ingest;

/// <summary>
/// A filter of the quarantine; null fields do not filter. <see cref="From"/> and <see cref="To"/> are days in
/// Vietnam time, both included, matched against the time the record was quarantined.
/// </summary>
public sealed record QuarantineFilter(string? Source, string? ReasonCode, QuarantineState? State, DateOnly? From = null, DateOnly? To = null);

/// <summary>The quarantine filter shared by the API and the collectors page.</summary>
public static class QuarantineQuery
{
    public static IQueryable<QuarantinedRecord> Filter(this IQueryable<QuarantinedRecord> query, QuarantineFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Source))
        {
            query = query.Where(q => q.Source == filter.Source);
        }

        if (!string.IsNullOrWhiteSpace(filter.ReasonCode))
        {
            var code = filter.ReasonCode.Trim();
            query = query.Where(q => q.ReasonCodes.Contains(code));
        }

        // QuarantinedAt is stored as local Vietnam time, so a day's bounds are plain local midnights.
        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue);
            query = query.Where(q => q.QuarantinedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue);
            query = query.Where(q => q.QuarantinedAt < end);
        }

        return filter.State is { } wanted ? query.Where(q => q.State == wanted) : query;
    }
}
