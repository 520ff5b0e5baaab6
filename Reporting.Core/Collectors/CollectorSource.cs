namespace Reporting.Core.Collectors;

/// <summary>The kinds of agency systems a collector reads (spec feeds.md).</summary>
public enum CollectorKind
{
    DossierFeed = 0,
    PaymentFeed = 1,
    ProcedureCatalog = 2,
}

/// <summary>The state of a source as the collectors page shows it.</summary>
public enum CollectorSourceState
{
    /// <summary>Never ran, or the last run succeeded.</summary>
    Ok = 0,

    /// <summary>The last run failed (timeout, 5xx, broken answer); the schedule retries.</summary>
    Failing = 1,

    /// <summary>The system refused the key (401/403): the URL or the key must be fixed.</summary>
    Misconfigured = 2,
}

/// <summary>
/// One configured agency system read by a collector. The configuration file seeds these rows on
/// first start; afterwards the database wins (administrators edit sources in the UI).
/// </summary>
public sealed class CollectorSource
{
    public int Id { get; set; }

    /// <summary>Unique name; also the ingest source of the records it stores.</summary>
    public required string Name { get; set; }
    public CollectorKind Kind { get; set; }
    public required string BaseUrl { get; set; }

    /// <summary>Sent as <c>X-Api-Key</c>; never logged and never returned by the API after saving.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Quartz cron expression (with seconds), e.g. <c>0 */5 * * * ?</c>.</summary>
    public required string Cron { get; set; }
    public int PageSize { get; set; } = 500;
    public bool Paused { get; set; }
    public CollectorSourceState State { get; set; }

    /// <summary>The last error in plain Vietnamese, or null.</summary>
    public string? LastError { get; set; }
    public DateTime? LastSuccessAt { get; set; }
}
