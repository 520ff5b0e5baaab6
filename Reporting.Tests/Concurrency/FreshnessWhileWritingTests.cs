using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Tests.Integration;
using Reporting.Web.Dashboard;

namespace Reporting.Tests.Concurrency;

/// <summary>
/// The overview's freshness line is shared by every open overview (ADR 018: the state row is read once
/// per data version): read while dossiers are pushed, it never goes back, never shows a version that was
/// not committed, and once the pushes are done it is the stored state.
/// </summary>
public sealed class FreshnessWhileWritingTests : IAsyncLifetime
{
    private readonly ReportingAppFactory _factory = new();

    public async Task InitializeAsync()
    {
        _ = _factory.Server;
        await TinyProvince.SeedAsync(_factory);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Readers_see_versions_only_move_forward_and_end_on_the_stored_state()
    {
        var service = _factory.Services.GetRequiredService<DashboardService>();
        var start = (await service.GetFreshnessAsync()).DataVersion;
        using var writing = new CancellationTokenSource();

        async Task<List<long>> ReadAsync()
        {
            var seen = new List<long>();
            while (!writing.IsCancellationRequested)
            {
                seen.Add((await service.GetFreshnessAsync()).DataVersion);
                await Task.Yield();
            }

            return seen;
        }

        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(ReadAsync)).ToList();
        using var client = _factory.ClientWithKey(ReportingAppFactory.IngestKey);
        for (var i = 0; i < 10; i++)
        {
            var dossier = TinyProvince.Dossier($"FRESH-{i:D2}", TinyProvince.NewCommune, "20260302080000");
            var response = await client.PostAsJsonAsync("/api/v1/ingest/dossiers", new { service = "DongBoHoSoMC", isUpdating = true, data = new[] { dossier } });
            response.EnsureSuccessStatusCode();
        }

        writing.Cancel();
        var seenByReaders = await Task.WhenAll(readers);

        await using var db = _factory.CreateDbContext();
        var stored = await db.AggregateStates.AsNoTracking().OrderBy(s => s.Id).FirstAsync();
        Assert.True(stored.DataVersion >= start + 10, $"ten committed pushes moved the version from {start} to {stored.DataVersion}");
        foreach (var seen in seenByReaders)
        {
            Assert.NotEmpty(seen);
            Assert.Equal(seen.Order(), seen);
            Assert.All(seen, v => Assert.InRange(v, start, stored.DataVersion));
        }

        // The writes were by this node: its version reading expired with each, so the next read is exact.
        var after = await service.GetFreshnessAsync();
        Assert.Equal(stored.DataVersion, after.DataVersion);
        Assert.Equal(stored.LastChangeAt, after.LastChangeAt);
    }
}
