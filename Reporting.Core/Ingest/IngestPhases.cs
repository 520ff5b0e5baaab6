using System.Diagnostics;

namespace Reporting.Core.Ingest;

/// <summary>Elapsed milliseconds per ingest phase, logged at Debug level to find where a slow batch spends its time.</summary>
internal sealed class IngestPhases
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly List<(string Name, long Ms)> _marks = [];
    private long _last;

    public void Mark(string name)
    {
        var now = _watch.ElapsedMilliseconds;
        _marks.Add((name, now - _last));
        _last = now;
    }

    public override string ToString() => string.Join(", ", _marks.Select(m => $"{m.Name} {m.Ms}"));
}
