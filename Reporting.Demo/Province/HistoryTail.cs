namespace Reporting.Demo.Province;

/// <summary>
/// The part of the history a long-running simulator must keep: the lifecycles whose record or payments change at or
/// after the end of the history, each with its position in the history (payment codes carry it), and the history's
/// size (the unmatched payments' codes follow it). A feed read with <c>updatedSince</c> at or after the end of the
/// history returns only these, so it equals the same read over the whole history (DemoProvinceTailTests); of
/// 300,000 lifecycles a few percent are kept.
/// </summary>
internal sealed class HistoryTail
{
    private HistoryTail(int historyCount, List<(int Position, DossierLifecycle Dossier)> dossiers)
    {
        HistoryCount = historyCount;
        Dossiers = dossiers;
    }

    public int HistoryCount { get; }

    /// <summary>In submission order, as in the history.</summary>
    public IReadOnlyList<(int Position, DossierLifecycle Dossier)> Dossiers { get; }

    public static HistoryTail Of(IReadOnlyList<DossierLifecycle> history, DateTime endOfHistory)
    {
        var kept = new List<(int, DossierLifecycle)>();
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i].LastChangeAt >= endOfHistory)
            {
                kept.Add((i, history[i]));
            }
        }
        kept.TrimExcess();
        return new HistoryTail(history.Count, kept);
    }
}
