namespace Reporting.Collectors;

/// <summary>
/// In-process broadcast that a source's state may have changed without new data being stored: a run ended
/// (a failing run stores nothing, so no data change is raised), or the source was paused or resumed.
/// Dashboards flagging stale sources listen to it.
/// </summary>
public sealed class CollectorSourceEvents
{
    public event Action<string>? Changed;

    public void Publish(string source) => Changed?.Invoke(source);
}
