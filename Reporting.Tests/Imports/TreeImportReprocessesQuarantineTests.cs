using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Reporting.Core.Feeds;
using Reporting.Core.Ingest;
using Reporting.Tests.Collectors;
using Reporting.Tests.Integration;

namespace Reporting.Tests.Imports;

/// <summary>
/// A record refused for an unknown agency is not lost: the tree import that brings the agency re-processes
/// it, whichever way the tree arrives (the import service does it, not the endpoint).
/// </summary>
public sealed class TreeImportReprocessesQuarantineTests
{
    [Fact]
    public async Task Dossiers_of_an_agency_missing_from_the_tree_are_stored_once_the_tree_brings_it()
    {
        var province = CollectorProvince.Province;
        var dossiers = province.Dossiers().ToList();
        var missing = dossiers.GroupBy(d => d.MaDonVi!).Select(g => g.Key)
            .First(code => province.Tree.Items.Any(i => i.Code == code) && province.Tree.Items.All(i => i.ParentCode != code));
        var without = new AgencyTreeDocument { Items = province.Tree.Items.Where(i => i.Code != missing).Select(Unlinked(missing)).ToList() };

        await using var app = new ReportingAppFactory();
        using var admin = app.ClientWithKey(ReportingAppFactory.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/agencies", without)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/procedures", new FeedPage<ProcedureFeedItem> { Items = province.Procedures })).StatusCode);

        var ofMissing = dossiers.Where(d => d.MaDonVi == missing).Take(5).ToList();
        var body = new { service = "DongBoHoSoMC", isUpdating = true, data = ofMissing.Select(r => JsonSerializer.SerializeToElement(r)).ToList() };
        using var ingest = app.ClientWithKey(ReportingAppFactory.IngestKey);
        Assert.Equal(HttpStatusCode.OK, (await ingest.PostAsJsonAsync("/api/v1/ingest/dossiers", body)).StatusCode);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(ofMissing.Count, await db.Quarantine.CountAsync(q => q.State == QuarantineState.Pending));
        }

        var answer = await (await admin.PutAsJsonAsync("/api/v1/agencies", province.Tree)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(ofMissing.Count, answer.GetProperty("quarantineReprocessed").GetInt32());
        Assert.Equal(ofMissing.Count, answer.GetProperty("quarantineAccepted").GetInt32());
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(0, await db.Quarantine.CountAsync(q => q.State == QuarantineState.Pending));
            var codes = ofMissing.Select(d => d.MaHoSo).ToList();
            Assert.Equal(ofMissing.Count, await db.Dossiers.CountAsync(d => codes.Contains(d.Code)));
        }
    }

    /// <summary>The tree without one agency must not name it as a successor either.</summary>
    private static Func<AgencyTreeItem, AgencyTreeItem> Unlinked(string code) => item => item.Successors?.Any(s => s.Code == code) == true
        ? new AgencyTreeItem
        {
            Code = item.Code, Name = item.Name, Kind = item.Kind, ParentCode = item.ParentCode, AdminUnitCode = item.AdminUnitCode,
            ValidFrom = item.ValidFrom, ValidTo = item.ValidTo, Order = item.Order,
            Successors = item.Successors.Where(s => s.Code != code).ToList(),
        }
        : item;
}
