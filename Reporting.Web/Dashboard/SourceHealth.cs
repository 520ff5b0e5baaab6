using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Reporting.Collectors;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;

namespace Reporting.Web.Dashboard;

/// <summary>A collector source as the dashboards warn about it: paused, or stale (no successful run for too long).</summary>
public sealed record SourceHealth(string Name, bool Paused, bool Stale, DateTime? LastSuccessAt, string? LastError);

/// <summary>What the dashboards' source warnings read, and when to read again.</summary>
public interface ISourceHealthReader
{
    /// <summary>Every source, by name.</summary>
    Task<IReadOnlyList<SourceHealth>> GetAsync(CancellationToken ct = default);

    /// <summary>A source's state may have changed (a run ended, a source was paused or resumed).</summary>
    event Action? Changed;

    /// <summary>How often to read again anyway: a source turns stale by time alone, with no event at all.</summary>
    TimeSpan RecheckEvery { get; }
}

/// <summary>Reads the sources' rows (a handful) and applies <see cref="CollectorOptions.IsStale"/> at the current time.</summary>
public sealed class SourceHealthReader : ISourceHealthReader
{
    private readonly IDbContextFactory<ReportingDbContext> _dbFactory;
    private readonly IOptions<CollectorOptions> _options;
    private readonly TimeProvider _clock;

    public SourceHealthReader(IDbContextFactory<ReportingDbContext> dbFactory, IOptions<CollectorOptions> options, TimeProvider clock, CollectorSourceEvents events)
    {
        _dbFactory = dbFactory;
        _options = options;
        _clock = clock;
        events.Changed += _ => Changed?.Invoke();
    }

    public event Action? Changed;

    // A minute keeps the flag within a minute of the limit, and is at most a few tiny reads per open page.
    public TimeSpan RecheckEvery => TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<SourceHealth>> GetAsync(CancellationToken ct = default)
    {
        var now = VietnamTime.ToLocal(_clock.GetUtcNow());
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var sources = await db.CollectorSources.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        var result = new List<SourceHealth>(sources.Count);
        foreach (var s in sources)
        {
            result.Add(new SourceHealth(s.Name, s.Paused, await db.IsOverdueAsync(_options.Value, s, now, ct), s.LastSuccessAt, s.LastError));
        }

        return result;
    }
}
