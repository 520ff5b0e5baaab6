using System.Diagnostics;

namespace Reporting.Tests;

/// <summary>
/// The one way the tests wait for work done elsewhere (a scheduler, a server, a circuit): check a condition
/// until it holds or a deadline passes, then fail saying what was awaited, for how long, and what was seen.
/// No test sleeps a fixed time, and none asserts on how long something took.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>Waits until <paramref name="condition"/> is true; <paramref name="what"/> names it in the failure.</summary>
    public static Task True(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, Func<Task<string>>? seen = null) =>
        Value(async () => await condition() ? true : (bool?)null, what, timeout, seen);

    /// <summary>Waits until <paramref name="probe"/> gives a value (not null) and returns it.</summary>
    public static async Task<T> Value<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null, Func<Task<string>>? seen = null)
        where T : struct
    {
        var found = await Wait(async () => await probe() is { } value ? new Box<T>(value) : null, what, timeout, seen);
        return found.Item;
    }

    /// <summary>Waits until <paramref name="probe"/> gives an object (not null) and returns it.</summary>
    public static Task<T> Found<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null, Func<Task<string>>? seen = null)
        where T : class =>
        Wait(probe, what, timeout, seen);

    private static async Task<T> Wait<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout, Func<Task<string>>? seen)
        where T : class
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (Stopwatch.GetTimestamp() >= deadline)
            {
                var detail = seen is null ? "" : " Seen: " + await seen();
                Assert.Fail($"Not reached within {limit.TotalSeconds:0.#} s: {what}.{detail}");
            }

            await Task.Delay(Interval);
        }
    }

    private sealed record Box<T>(T Item);
}
