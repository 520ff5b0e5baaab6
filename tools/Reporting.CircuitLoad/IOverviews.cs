using System.Diagnostics;

namespace Reporting.CircuitLoad;

/// <summary>Open overviews, each one Blazor circuit on the server, whatever holds them.</summary>
public interface IOverviews : IAsyncDisposable
{
    int Count { get; }

    Task OpenAsync(Options options, CancellationToken ct);

    /// <summary>From now on, note when each overview receives what (called just before a data change).</summary>
    void Mark(Stopwatch clock);

    /// <summary>
    /// Per overview, the time on the clock given to <see cref="Mark"/> at which its online card showed
    /// <paramref name="numerator"/> / <paramref name="denominator"/> (vi-VN, as the card writes them).
    /// </summary>
    Task<IReadOnlyList<TimeSpan>> WaitForAsync(string numerator, string denominator, TimeSpan deadline);

    /// <summary>Closes every circuit as its client would.</summary>
    Task CloseAsync();
}
