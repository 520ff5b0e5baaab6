using Microsoft.Extensions.Options;
using Reporting.Core.Feeds;
using Reporting.Core.Periods;
using Reporting.Demo.Province;
using Reporting.Demo.Seeding;

namespace Reporting.Demo.Simulators;

/// <summary>A request a simulator received (feed name and page number from 1), for tests that act between pages.</summary>
public sealed record SimulatorRequest(string Feed, int Page);

/// <summary>
/// The simulated systems' shared state: the demo province, the simulated clock and the failure switches
/// (settable at run time, e.g. from tests). Pages of one read are served from one snapshot, pinned by the cursor.
/// </summary>
public sealed class SimulatorState
{
    private readonly Lazy<DemoProvince> _province;
    private readonly TimeProvider _clock;
    private readonly DateTimeOffset _started;
    private readonly Lock _lock = new();
    private (DateTime AsOf, DateTime Since, IReadOnlyList<DossierLifecycle> List)? _dossiers;
    private (DateTime AsOf, DateTime Since, IReadOnlyList<PaymentFeedItem> List)? _payments;

    public SimulatorState(IOptions<SimulatorSettings> settings, IOptions<DemoSettings> demo, TimeProvider clock)
    {
        _clock = clock;
        _started = clock.GetUtcNow();
        var s = settings.Value;
        Speed = s.Speed;
        Failure = s.Failure;
        SlowDelay = TimeSpan.FromSeconds(s.SlowSeconds);
        ApiKey = s.ApiKey;
        _province = new Lazy<DemoProvince>(() =>
        {
            // The simulators run for days: keep only the history's tail, not 300,000 lifecycles (issue 13).
            var options = demo.Value.ToOptions(clock);
            options.KeepHistory = false;
            return DemoProvince.Build(options);
        });
    }

    /// <summary>Replaces the province (tests use small ones).</summary>
    public SimulatorState(DemoProvince province, TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        _started = _clock.GetUtcNow();
        _province = new Lazy<DemoProvince>(() => province);
    }

    public DemoProvince Province => _province.Value;

    public double Speed { get; set; } = 60;

    public SimulatorFailure Failure { get; set; }

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(30);

    public string? ApiKey { get; set; }

    /// <summary>When set, the simulated clock stands still at this local instant.</summary>
    public DateTime? FixedNow { get; set; }

    /// <summary>Called before each page is served (tests cancel a run between pages with it).</summary>
    public Func<SimulatorRequest, Task>? Requested { get; set; }

    /// <summary>
    /// Simulated local time: the opening of the offices on the first working day after the demo history
    /// (<see cref="DemoProvince.NextOfficeMorning"/>) plus the real time since start × <see cref="Speed"/>, until it
    /// reaches the server's clock; from then on the server's clock itself. So the first read brings the night's
    /// online submissions, the hours since then follow quickly, then the demo runs in real time, and no feed ever
    /// carries a date after the clock (a morning still ahead, as at a weekend, gives the clock at once).
    /// </summary>
    public DateTime Now()
    {
        if (FixedNow is { } fixedNow)
        {
            return fixedNow;
        }

        var now = _clock.GetUtcNow();
        var real = VietnamTime.ToLocal(now);
        var simulated = Province.NextOfficeMorning + (now - _started) * Speed;
        return simulated < real ? simulated : real;
    }

    /// <summary>
    /// Builds what the feeds read after the demo load (the history's tail, <see cref="DemoProvince.Tail"/>) now, so the
    /// generation's garbage comes at a known moment (the caller asks for a memory trim after it), not in the first collector run.
    /// </summary>
    public void PrepareFeeds() => _ = Province.Tail;

    internal IReadOnlyList<DossierLifecycle> DossiersInFeedOrder(DateTime asOf, DateTime since)
    {
        lock (_lock)
        {
            if (_dossiers is { } cached && cached.AsOf == asOf && cached.Since == since)
            {
                return cached.List;
            }
        }

        var list = Province.InFeedOrder(asOf, since);
        lock (_lock)
        {
            _dossiers = (asOf, since, list);
        }

        return list;
    }

    internal IReadOnlyList<PaymentFeedItem> PaymentsInFeedOrder(DateTime asOf, DateTime since)
    {
        lock (_lock)
        {
            if (_payments is { } cached && cached.AsOf == asOf && cached.Since == since)
            {
                return cached.List;
            }
        }

        var list = Province.Payments(asOf, since).ToList();
        lock (_lock)
        {
            _payments = (asOf, since, list);
        }

        return list;
    }
}
