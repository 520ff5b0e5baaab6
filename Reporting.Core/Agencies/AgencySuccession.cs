namespace Reporting.Core.Agencies;

/// <summary>A reorganisation link: the predecessor ended, the successor took over (many-to-many).</summary>
public sealed class AgencySuccession
{
    public int PredecessorId { get; set; }
    public int SuccessorId { get; set; }

    /// <summary>Where the predecessor's history goes in the "current structure" view.</summary>
    public bool IsPrimary { get; set; }
}
