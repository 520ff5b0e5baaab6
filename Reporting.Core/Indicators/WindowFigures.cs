using Reporting.Core.Aggregates;

namespace Reporting.Core.Indicators;

/// <summary>
/// Everything the indicators of one scope and window are computed from: sums over the window, the
/// in-progress counts at its start (carried over) and end, and the procedures active in it.
/// Built from aggregates (the fast path) or straight from dossiers (<see cref="FiguresFromDossiers"/>).
/// </summary>
public sealed class WindowFigures
{
    /// <summary>Received-based and ended-based counts over the window.</summary>
    public CountsTotal InWindow { get; } = new();

    /// <summary>Open counts at the day before the window: the carried-over dossiers.</summary>
    public CountsTotal OpenAtStart { get; } = new();

    /// <summary>Open counts at the window's last day.</summary>
    public CountsTotal OpenAtEnd { get; } = new();

    /// <summary>Received in the window, processed by its end, result expected, none issued.</summary>
    public int OnlineWithoutResult { get; set; }
    public int DigitisedWithoutResult { get; set; }

    public HashSet<string> ProceduresWithOnline { get; } = [];
    public HashSet<string> ProceduresWithFeeLine { get; } = [];
    public HashSet<string> ProceduresPaidOnline { get; } = [];

    public int New => InWindow.Received;
    public int NewOnline => InWindow.ReceivedOnline;
    public int NewOffline => InWindow.Received - InWindow.ReceivedOnline;
    public int CarriedOver => OpenAtStart.Open;
    public int InScope => New + CarriedOver;
    public int Handled => InWindow.Handled;
    public int InProgress => OpenAtEnd.Open;

    public void Add(WindowFigures other)
    {
        InWindow.Add(other.InWindow);
        OpenAtStart.Add(other.OpenAtStart);
        OpenAtEnd.Add(other.OpenAtEnd);
        OnlineWithoutResult += other.OnlineWithoutResult;
        DigitisedWithoutResult += other.DigitisedWithoutResult;
        ProceduresWithOnline.UnionWith(other.ProceduresWithOnline);
        ProceduresWithFeeLine.UnionWith(other.ProceduresWithFeeLine);
        ProceduresPaidOnline.UnionWith(other.ProceduresPaidOnline);
    }
}
