using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Reporting.Tests.Concurrency;

/// <summary>
/// A barrier inside the database access of the real services: once armed, the next command whose text
/// matches stops before it runs until the test releases it. Lets a test put one operation exactly in
/// the middle of another (a reference load across an import, an ingest transaction across a catalogue
/// import) without sleeps.
/// </summary>
public sealed class PauseHook : DbCommandInterceptor
{
    private Pause? _armed;

    /// <summary>Stops the next command whose SQL contains <paramref name="sqlFragment"/>.</summary>
    public Pause Arm(string sqlFragment)
    {
        var pause = new Pause(sqlFragment);
        Assert.Null(Interlocked.CompareExchange(ref _armed, pause, null));
        return pause;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await StopIfArmedAsync(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await StopIfArmedAsync(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await StopIfArmedAsync(command);
        return result;
    }

    private async Task StopIfArmedAsync(DbCommand command)
    {
        var pause = Volatile.Read(ref _armed);
        if (pause is null || !command.CommandText.Contains(pause.SqlFragment, StringComparison.Ordinal)
            || Interlocked.CompareExchange(ref _armed, null, pause) != pause)
        {
            return;
        }

        pause.Reach();
        await pause.Released;
    }

    public sealed class Pause(string sqlFragment)
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string SqlFragment { get; } = sqlFragment;

        /// <summary>Completes when an operation stopped here.</summary>
        public Task Reached => _reached.Task;

        internal Task Released => _released.Task;

        internal void Reach() => _reached.TrySetResult();

        public void Release() => _released.TrySetResult();

        /// <summary>Waits until an operation stopped here; fails with <paramref name="what"/> after a generous deadline.</summary>
        public async Task ReachedAsync(string what)
        {
            var done = await Task.WhenAny(Reached, Task.Delay(TimeSpan.FromSeconds(60)));
            Assert.True(done == Reached, $"Nothing stopped at '{SqlFragment}' ({what}) within 60 s.");
        }
    }
}
