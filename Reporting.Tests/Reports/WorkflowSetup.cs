using Reporting.Core.Access;
using Reporting.Core.Persistence;
using Reporting.Core.Reports;
using Reporting.Core.Reports.Bieu06;
using Reporting.Core.Reports.Bieu07b;
using Reporting.Core.Reports.Workflow;
using Reporting.Tests.Integration;

namespace Reporting.Tests.Reports;

/// <summary>
/// The small province of <see cref="Bieu06Province"/> with generated dossiers, seeded regimes and the
/// working calendar, a clock the test moves, and callers of each role.
/// </summary>
internal sealed class WorkflowSetup : IDisposable
{
    public const string Regime = "tthc-quy";
    public const string Period = "2025-Q4";

    public WorkflowSetup()
    {
        Database = Bieu06Province.Create();
        Database.AddDossiers(Bieu06Province.Generated(600, 11));
        using (var db = Database.CreateDbContext())
        {
            ReferenceDataSeeder.SeedAsync(db).GetAwaiter().GetResult();
            db.SaveChanges();
        }

        Reference = new ReferenceData(Database, new DataVersions(Database, Clock));
        Engine = new ReportEngine(new Bieu06Calculator(Database, Reference, Clock), new Bieu07bCalculator(Reference, Clock));
        Workflow = new ReportWorkflow(Database, Engine, Reference, Clock);
        Consolidation = new ReportConsolidation(Database, Engine);
    }

    public Bieu06Database Database { get; }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2025, 12, 15, 9, 0, 0, TimeSpan.FromHours(7)));

    public ReferenceData Reference { get; }

    public ReportEngine Engine { get; }

    public ReportWorkflow Workflow { get; }

    public ReportConsolidation Consolidation { get; }

    public static string Code(int agencyId) => Bieu06Province.ById(agencyId).Code;

    /// <summary>A caller with the roles, scoped to the agency's subtree (the root: everything).</summary>
    public ReportCaller Caller(string name, int agencyId, params string[] roles)
    {
        var tree = Reference.GetAsync().GetAwaiter().GetResult().Tree;
        var scope = tree.Descendants(agencyId).Select(id => tree.Find(id)!.Code).ToHashSet();
        return new ReportCaller(name, roles.ToHashSet(), scope.Contains);
    }

    public ReportCaller Preparer(int agencyId = Bieu06Province.Justice) => Caller("Nguyễn Văn Lập", agencyId, Roles.Preparer);

    public ReportCaller Head(int agencyId = Bieu06Province.Justice) => Caller("Trần Thị Trưởng", agencyId, Roles.Head);

    public ReportCaller Reviewer() => Caller("Lê Văn Tổng Hợp", Bieu06Province.Root, Roles.Reviewer);

    public ReportCaller Admin() => Caller("Quản trị", Bieu06Province.Root, Roles.Admin);

    public async Task<int> CreateAsync(int agencyId = Bieu06Province.Justice, string form = "bieu-06", string period = Period)
    {
        var caller = agencyId == Bieu06Province.Root ? Caller("Nguyễn Văn Lập", agencyId, Roles.Preparer) : Preparer(agencyId);
        var (view, _) = await Workflow.CreateAsync(caller, Regime, form, Code(agencyId), period);
        return view.Summary.Id;
    }

    public void At(int year, int month, int day) => Clock.Now = new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.FromHours(7));

    public void Dispose() => Database.Dispose();
}
