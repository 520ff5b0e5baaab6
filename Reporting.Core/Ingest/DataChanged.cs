namespace Reporting.Core.Ingest;

/// <summary>Raised after new data is committed, so open dashboards can refresh themselves.</summary>
public sealed record DataChange(string Source, string Kind, int Stored, long DataVersion, DateTimeOffset At);

/// <summary>In-process broadcast of committed changes (dashboards subscribe; collectors publish via ingest).</summary>
public sealed class DataChangeNotifier
{
    public event Action<DataChange>? Changed;

    public DataChange? Last { get; private set; }

    public void Publish(DataChange change)
    {
        Last = change;
        Changed?.Invoke(change);
    }
}
