namespace Reporting.Core.Agencies;

/// <summary>How figures of ended agencies are attributed (spec agencies.md, "Two views of history").</summary>
public enum HistoryView
{
    /// <summary>As today's structure: ended agencies count under their primary successor.</summary>
    Current,

    /// <summary>As it was: figures stay with the agencies that existed in each period.</summary>
    Historical,
}
