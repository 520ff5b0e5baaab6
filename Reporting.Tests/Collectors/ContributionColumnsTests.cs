using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Aggregates;
using Reporting.Core.Ingest;

namespace Reporting.Tests.Collectors;

/// <summary>
/// The rebuild and the horizon extension count dossiers read through <see cref="DossierContribution.Columns"/> only;
/// a column the counting needs and the projection forgets would change figures silently, so the contribution of
/// every stored demo dossier is compared, counter by counter, with that of the whole row.
/// </summary>
public sealed class ContributionColumnsTests
{
    [Fact]
    public async Task The_counted_columns_give_every_dossier_the_contribution_of_its_whole_row()
    {
        var province = CollectorProvince.Province;
        await using var database = await CollectorDatabase.CreateAsync(province, null);
        var ingestor = database.Services.GetRequiredService<DossierIngestor>();
        var records = province.Dossiers(province.EndOfHistory).Select(d => new IngestRecord(JsonSerializer.SerializeToElement(d))).ToList();
        await ingestor.IngestAsync(CollectorDatabase.Dossiers, records);

        await using var db = database.CreateDbContext();
        var whole = await db.Dossiers.AsNoTracking().OrderBy(d => d.Code).ToListAsync();
        var counted = await db.Dossiers.AsNoTracking().OrderBy(d => d.Code).Select(DossierContribution.Columns).ToListAsync();
        Assert.True(whole.Count > 1000);
        Assert.Equal(whole.Count, counted.Count);

        for (var i = 0; i < whole.Count; i++)
        {
            Assert.Equal(Snapshot(whole[i]), Snapshot(counted[i]));
        }
    }

    private static List<string> Snapshot(Reporting.Core.Dossiers.Dossier d)
    {
        var delta = new AggregateDelta();
        DossierContribution.Apply(d, 1, Reporting.Core.Periods.HalfMonth.Of(new DateOnly(2026, 12, 31)), delta);
        return delta.Cells.Select(c => $"{c.Key}:{JsonSerializer.Serialize(c.Value)}")
            .Concat(delta.Gaps.Select(g => $"{g.Key}:{g.Value}")).Order(StringComparer.Ordinal).ToList();
    }
}
