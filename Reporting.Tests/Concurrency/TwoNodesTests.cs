using Reporting.Core.Access;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Agencies;
using Reporting.Core.Feeds;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;
using Reporting.Tests.Collectors;
using Reporting.Tests.Integration;
using Reporting.Web.Dashboard;

namespace Reporting.Tests.Concurrency;

/// <summary>
/// Two web nodes on one database (two hosts in this process, each with its own DI container and
/// caches, on one SQLite file): what node A commits, node B serves within <see cref="DataVersions.MaxAge"/>
/// of B's clock, and B's own writers see it at once (ADR 006).
/// </summary>
public sealed class TwoNodesTests
{
    [Fact]
    public async Task Node_B_sees_a_tree_import_and_an_ingest_of_node_A_within_a_second()
    {
        var province = CollectorProvince.Province;
        var directory = Path.Combine(Path.GetTempPath(), "reporting-tests", "two-nodes-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "shared.db");
        var clockB = new ManualClock(DateTimeOffset.UtcNow);
        try
        {
            await using var a = new Node(database, null);
            using var adminA = a.ClientWithKey(ReportingAppFactory.AdminKey);
            await using var b = new Node(database, clockB);
            using var adminB = b.ClientWithKey(ReportingAppFactory.AdminKey);

            // B has read (and cached) the empty reference data and figures.
            Assert.Empty((await b.Services.GetRequiredService<ReferenceData>().GetAsync()).Tree.All);

            // A imports the tree and the catalogue.
            Assert.Equal(HttpStatusCode.OK, (await adminA.PutAsJsonAsync("/api/v1/agencies", province.Tree)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await adminA.PutAsJsonAsync("/api/v1/procedures", new FeedPage<ProcedureFeedItem> { Items = province.Procedures })).StatusCode);

            // B's ingest resolves agencies in its own transaction: a dossier of the new tree is stored at
            // once, never quarantined as of an unknown agency, even before B's caches moved.
            var dossiers = province.Dossiers().ToList();
            var fromB = await PostAsync(adminB, dossiers.Take(20));
            Assert.All(fromB, o => Assert.Equal("stored", o));

            // B's dashboard has cached its figures; then A stores more.
            var dashboardB = b.Services.GetRequiredService<DashboardService>();
            var year = PeriodKey.OfYear(DateOnly.FromDateTime(province.EndOfHistory).Year);
            var query = new DashboardQuery(year, WindowKind.Calendar, HistoryView.Current, null);
            var before = (await dashboardB.GetAsync(AgencyScope.Everything, query, includeChildren: false)).Current.Figures.InScope;
            var fromA = await PostAsync(adminA, dossiers.Skip(20).Take(200));
            Assert.All(fromA, o => Assert.Equal("stored", o));

            // One second later on B's clock, B serves A's tree and A's dossiers.
            clockB.Now += DataVersions.MaxAge;
            var agencies = await adminB.GetFromJsonAsync<JsonElement>("/api/v1/agencies");
            Assert.Equal(province.Tree.Items.Count, agencies.GetProperty("items").GetArrayLength());
            var after = (await dashboardB.GetAsync(AgencyScope.Everything, query, includeChildren: false)).Current.Figures.InScope;
            var onA = (await a.Services.GetRequiredService<DashboardService>().GetAsync(AgencyScope.Everything, query, includeChildren: false)).Current.Figures.InScope;
            Assert.True(after > before, $"B still serves {after} dossiers in scope after A stored more (before: {before})");
            Assert.Equal(onA, after);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<List<string>> PostAsync(HttpClient client, IEnumerable<DossierFeedItem> records)
    {
        var body = new { service = "DongBoHoSoMC", isUpdating = true, data = records.Select(r => JsonSerializer.SerializeToElement(r)).ToList() };
        var response = await client.PostAsJsonAsync("/api/v1/ingest/dossiers", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var items = answer.ValueKind == JsonValueKind.Array ? answer.EnumerateArray() : answer.GetProperty("records").EnumerateArray();
        return items.Select(r => r.GetProperty("outcome").GetString()!).ToList();
    }

    /// <summary>One web node on the shared database file, with its own clock when given.</summary>
    private sealed class Node(string database, ManualClock? clock) : ReportingAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reporting"] = $"Data Source={database}",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (clock is not null)
            {
                builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
            }
        }
    }
}
