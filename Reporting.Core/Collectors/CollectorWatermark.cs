namespace Reporting.Core.Collectors;

/// <summary>
/// How far a source has been read: the largest <c>NgayCapNhat</c> (local time) whose page is committed.
/// It moves in the same transaction order as the data (after the page's commit), so a crash repeats
/// at most one page; the next run asks for <c>updatedSince</c> = this value, inclusive.
/// </summary>
public sealed class CollectorWatermark
{
    public required string Source { get; set; }
    public DateTime UpdatedSince { get; set; }
    public DateTime ChangedAt { get; set; }
}
