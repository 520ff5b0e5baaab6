using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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

    [Fact]
    public void The_rebuilds_reader_reads_the_columns_of_the_projection()
    {
        var init = (System.Linq.Expressions.MemberInitExpression)DossierContribution.Columns.Body;
        var projected = init.Bindings.Cast<System.Linq.Expressions.MemberAssignment>()
            .Where(b => b.Expression is System.Linq.Expressions.MemberExpression).Select(b => b.Member.Name).Order(StringComparer.Ordinal);
        Assert.Equal(projected, RebuildCounting.ColumnProperties.Order(StringComparer.Ordinal));
    }

    /// <summary>The rebuild's ranged reader (typed getters, one reused dossier, three rowid ranges on three connections) against whole rows.</summary>
    [Fact]
    public async Task Three_ranges_counted_apart_give_the_contributions_of_the_whole_rows()
    {
        var province = CollectorProvince.Province;
        await using var database = await CollectorDatabase.CreateAsync(province, null);
        var records = province.Dossiers(province.EndOfHistory).Select(d => new IngestRecord(JsonSerializer.SerializeToElement(d))).ToList();
        await database.Services.GetRequiredService<DossierIngestor>().IngestAsync(CollectorDatabase.Dossiers, records);

        await using var db = database.CreateDbContext();
        var whole = new AggregateDelta();
        var dossiers = await db.Dossiers.AsNoTracking().ToListAsync();
        foreach (var d in dossiers)
        {
            DossierContribution.Apply(d, 1, Horizon, whole);
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        var factory = database.Services.GetRequiredService<IDbContextFactory<Reporting.Core.Persistence.ReportingDbContext>>();
        var (ranged, count) = await RebuildCounting.CountSqliteAsync(db, tx.GetDbTransaction(), factory, 3, Horizon, default);

        Assert.True(dossiers.Count > 1000);
        Assert.Equal(dossiers.Count, count);
        Assert.Equal(Snapshot(whole), Snapshot(ranged));
    }

    [Theory]
    [InlineData("2026-03-05 07:08:09")]
    [InlineData("2026-03-05 07:08:09.1")]
    [InlineData("2026-12-31 23:59:59.1234567")]
    [InlineData("2024-02-29 00:00:00.0000001")]
    public void Stored_dates_parse_as_the_provider_parses_them(string text)
    {
        Assert.True(StoredDate.TryParse(text, out var value));
        Assert.Equal(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("2026-03-05T07:08:09")]
    [InlineData("2026-02-30 07:08:09")]
    [InlineData("2026-03-05 07:08:09.")]
    [InlineData("2026-03-05 07:08:09+07:00")]
    [InlineData("2026-03-05")]
    public void Other_texts_are_left_to_the_general_parser(string text) => Assert.False(StoredDate.TryParse(text, out _));

    private static readonly int Horizon = Reporting.Core.Periods.HalfMonth.Of(new DateOnly(2026, 12, 31));

    private static List<string> Snapshot(Reporting.Core.Dossiers.Dossier d)
    {
        var delta = new AggregateDelta();
        DossierContribution.Apply(d, 1, Horizon, delta);
        return Snapshot(delta);
    }

    private static List<string> Snapshot(AggregateDelta delta) =>
        delta.Cells.Select(c => $"{c.Key}:{JsonSerializer.Serialize(c.Value)}")
            .Concat(delta.Gaps.Select(g => $"{g.Key}:{g.Value}")).Order(StringComparer.Ordinal).ToList();
}
