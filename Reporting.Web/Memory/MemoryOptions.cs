using System.ComponentModel.DataAnnotations;

namespace Reporting.Web.Memory;

/// <summary>When the process gives memory back to the machine (section <c>Memory</c>; ADR 018).</summary>
public sealed class MemoryOptions
{
    public const string Section = "Memory";

    /// <summary>Collect and return memory after circuits close and after the demo load (on by default).</summary>
    public bool TrimEnabled { get; set; } = true;

    /// <summary>Seconds without a new reason (another circuit closing) before the collection runs.</summary>
    [Range(1, 3600)]
    public int TrimQuietSeconds { get; set; } = 10;

    /// <summary>At most one collection per this many seconds, however many circuits close.</summary>
    [Range(10, 86400)]
    public int TrimMinIntervalSeconds { get; set; } = 60;
}
