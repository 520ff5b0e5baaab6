namespace Reporting.Core.Ingest;

/// <summary>The quarantine filters shared by the API and the collectors page.</summary>
public static class QuarantineQuery
{
    /// <summary>By source, by reason code (one of the record's codes) and by state (null: any).</summary>
    public static IQueryable<QuarantinedRecord> Filter(this IQueryable<QuarantinedRecord> query, string? source, string? reasonCode, QuarantineState? state)
    {
        if (!string.IsNullOrWhiteSpace(source))
        {
            query = query.Where(q => q.Source == source);
        }

        if (!string.IsNullOrWhiteSpace(reasonCode))
        {
            var code = reasonCode.Trim();
            query = query.Where(q => q.ReasonCodes.Contains(code));
        }

        return state is { } wanted ? query.Where(q => q.State == wanted) : query;
    }
}
