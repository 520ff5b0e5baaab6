namespace Reporting.Core.Collectors;

public enum CollectorRunStatus
{
    Running = 0,
    Succeeded = 1,
    Failed = 2,

    /// <summary>The system refused the key (401/403).</summary>
    Misconfigured = 3,

    /// <summary>Stopped by a shutdown or a cancellation; committed pages stay, the watermark is theirs.</summary>
    Cancelled = 4,
}

/// <summary>One run of a collector: when, what it read and stored, and how it ended.</summary>
public sealed class CollectorRun
{
    public long Id { get; set; }
    public required string Source { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public CollectorRunStatus Status { get; set; }
    public int Pages { get; set; }
    public int Read { get; set; }
    public int Stored { get; set; }
    public int Unchanged { get; set; }
    public int Stale { get; set; }
    public int Quarantined { get; set; }

    /// <summary>The error in plain Vietnamese, or null.</summary>
    public string? Error { get; set; }
}
