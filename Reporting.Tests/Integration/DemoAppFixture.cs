using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Agencies;
using Reporting.Core.Dossiers;
using Reporting.Core.Persistence;
using Reporting.Demo.Seeding;

namespace Reporting.Tests.Integration;

/// <summary>
/// The application with a small demo province loaded at start-up through the real demo loader
/// (imports, payment and dossier ingest), shared by the tests of one collection.
/// </summary>
public sealed class DemoAppFixture : IAsyncLifetime
{
    public static readonly DateOnly EndDate = new(2026, 11, 20);

    public DemoFactory Factory { get; } = new();

    public List<Dossier> Dossiers { get; private set; } = [];

    public ReferenceSnapshot Reference { get; private set; } = null!;

    public sealed class DemoFactory : ReportingAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:DossierCount"] = "30000",
            ["Demo:EndDate"] = EndDate.ToString("yyyy-MM-dd"),
        };
    }

    public async Task InitializeAsync()
    {
        _ = Factory.Server;
        var state = Factory.Services.GetRequiredService<DemoSeedingState>();
        await state.Completion.WaitAsync(TimeSpan.FromMinutes(3));
        Assert.Null(state.Error);
        await using var db = Factory.CreateDbContext();
        Dossiers = await db.Dossiers.AsNoTracking().ToListAsync();
        Reference = await Factory.Services.GetRequiredService<ReferenceData>().GetAsync();
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>The department with the most dossiers, and a current commune formed by a merger.</summary>
    public (Agency Department, Agency MergedCommune) Samples()
    {
        var tree = Reference.Tree;
        var department = tree.All.Where(a => a.Kind == AgencyKind.Department)
            .OrderByDescending(a => Dossiers.Count(d => d.AgencyId == a.Id)).First();
        var merged = tree.All.Where(a => a.Kind == AgencyKind.Commune && a.ValidTo is null)
            .OrderByDescending(a => tree.All.Count(p => tree.SuccessorsOf(p.Id).Any(s => s.SuccessorId == a.Id && s.IsPrimary)))
            .First();
        return (department, merged);
    }
}

[CollectionDefinition(Name)]
public sealed class DemoAppCollection : ICollectionFixture<DemoAppFixture>
{
    public const string Name = "demo province served by the app";
}
