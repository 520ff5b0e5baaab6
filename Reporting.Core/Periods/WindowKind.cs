namespace Reporting.Core.Periods;

/// <summary>Calendar window, or the Decree 09/2019 cut-off window (15th to 14th).</summary>
public enum WindowKind
{
    Calendar,
    Cutoff,
}
