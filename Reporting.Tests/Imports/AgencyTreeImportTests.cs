using Reporting.Core.Imports;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Reporting.Core.Agencies;
using Reporting.Core.Dossiers;
using Reporting.Core.Feeds;
using Reporting.Core.Indicators;

namespace Reporting.Tests.Imports;

public sealed class AgencyTreeImportTests : IDisposable
{
    private const string Province = "000.00.00.H99";
    private const string Justice = "000.00.12.H99";
    private const string Finance = "000.00.13.H99";
    private const string Centre = "000.00.30.H99";
    private const string District = "000.01.00.H99";
    private const string OldCommuneA = "001.01.00.H99";
    private const string OldCommuneB = "002.01.00.H99";
    private const string NewCommuneA = "000.51.00.H99";
    private const string NewCommuneB = "000.52.00.H99";

    // 15/09/2025 10:00 in Hanoi: an agency ended by an import ends on 14/09/2025.
    private static readonly DateOnly Yesterday = new(2025, 9, 14);

    private readonly ImportTestDatabase _db = new();
    private readonly FixedClock _clock = new(new DateTime(2025, 9, 15, 10, 0, 0));

    public void Dispose() => _db.Dispose();

    private AgencyTreeImport Import() => new(_db, _db.ReferenceData, _db.Gate, _db.Reprocessor(_clock), _clock);

    /// <summary>A province with departments, a service centre, and a district whose communes merged on 01/07/2025.</summary>
    private static List<AgencyTreeItem> BaseTree() =>
    [
        Item(Province, "Province", null, "2020-01-01", name: "UBND tỉnh Demo", admin: "99"),
        Item(Justice, "Department", Province, "2020-01-01", name: "Sở Tư pháp", order: 1),
        Item(Finance, "Department", Province, "2020-01-01", name: "Sở Tài chính", order: 2),
        Item(Centre, "ServiceCentre", Province, "2020-01-01", name: "Trung tâm Phục vụ hành chính công", order: 3),
        Item(District, "District", Province, "2020-01-01", "2025-06-30", name: "Huyện Cũ", admin: "999"),
        Item(OldCommuneA, "Commune", District, "2020-01-01", "2025-06-30", name: "Xã An", admin: "10001",
            successors: [(NewCommuneA, false)]),
        Item(OldCommuneB, "Commune", District, "2020-01-01", "2025-06-30", name: "Xã Bình", admin: "10002",
            successors: [(NewCommuneA, true), (NewCommuneB, false)]),
        Item(NewCommuneA, "Commune", Province, "2025-07-01", name: "Xã An Bình", admin: "20001"),
        Item(NewCommuneB, "Commune", Province, "2025-07-01", name: "Phường Bình Minh", admin: "20002"),
    ];

    private static AgencyTreeItem Item(string? code, string? kind, string? parent, string? from, string? to = null, string? name = "Đơn vị",
        string? admin = null, int? order = null, (string Code, bool Primary)[]? successors = null) => new()
    {
        Code = code,
        Name = name,
        Kind = kind,
        ParentCode = parent,
        ValidFrom = from,
        ValidTo = to,
        AdminUnitCode = admin,
        Order = order,
        Successors = successors?.Select(s => new AgencySuccessorItem { Code = s.Code, Primary = s.Primary }).ToList(),
    };

    private static int IndexOf(List<AgencyTreeItem> items, string code) => items.FindIndex(i => i.Code == code);

    private async Task<List<Agency>> AgenciesAsync()
    {
        await using var db = _db.CreateDbContext();
        return await db.Agencies.AsNoTracking().OrderBy(a => a.Code).ThenBy(a => a.ValidFrom).ToListAsync();
    }

    private async Task<List<(string From, string To, bool Primary)>> SuccessionsAsync()
    {
        await using var db = _db.CreateDbContext();
        var codes = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code);
        var links = await db.AgencySuccessions.AsNoTracking().ToListAsync();
        return links.Select(l => (codes[l.PredecessorId], codes[l.SuccessorId], l.IsPrimary)).Order().ToList();
    }

    /// <summary>Everything stored about the tree, as text, to show that a refused import wrote nothing.</summary>
    private async Task<string> StoredTreeAsync()
    {
        var agencies = (await AgenciesAsync()).Select(a =>
            $"{a.Id}|{a.Code}|{a.Name}|{a.Kind}|{a.ParentId}|{a.AdminUnitCode}|{a.ValidFrom}|{a.ValidTo}|{a.Order}");
        var links = (await SuccessionsAsync()).Select(l => l.ToString());
        return string.Join("\n", agencies.Concat(links));
    }

    private async Task<ImportResult> ImportBaseTreeAsync()
    {
        var result = await Import().ReplaceAsync(BaseTree());
        Assert.True(result.Succeeded, string.Join("; ", result.Reasons.Select(r => r.Message)));
        return result;
    }

    /// <summary>Imports the base tree, then the given document: it must be refused with the reason, and change nothing.</summary>
    private async Task<ImportReason> RefusedAsync(List<AgencyTreeItem> items, string reasonCode)
    {
        await ImportBaseTreeAsync();
        var before = await StoredTreeAsync();

        var result = await Import().ReplaceAsync(items);

        Assert.False(result.Succeeded);
        Assert.Equal(ImportCounts.None, result.Counts);
        Assert.Equal(before, await StoredTreeAsync());
        Assert.Contains(result.Reasons, r => r.ReasonCode == reasonCode);
        Assert.All(result.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
        return Assert.Single(result.Reasons, r => r.ReasonCode == reasonCode);
    }

    private async Task<int> AddDossierAsync(string agencyCode, DateOnly validFrom)
    {
        await using var db = _db.CreateDbContext();
        var agency = await db.Agencies.SingleAsync(a => a.Code == agencyCode && a.ValidFrom == validFrom);
        db.Dossiers.Add(new Dossier
        {
            Source = "motcua",
            Code = $"HS-{agencyCode}-{validFrom:yyyyMMdd}",
            ProcedureCode = "1.001612",
            AgencyCode = agencyCode,
            AgencyId = agency.Id,
            UpdatedAt = new DateTime(2025, 3, 1),
            StoredAt = new DateTime(2025, 3, 1),
        });
        await db.SaveChangesAsync();
        return agency.Id;
    }

    // ---------------------------------------------------------------- refusals

    [Fact]
    public async Task Empty_document_is_refused()
    {
        var reason = await RefusedAsync([], ImportReason.EmptyDocument);
        Assert.Null(reason.Index);
    }

    [Theory]
    [InlineData("code")]
    [InlineData("name")]
    [InlineData("kind")]
    [InlineData("validFrom")]
    public async Task Missing_required_field_is_refused(string field)
    {
        var items = BaseTree();
        var index = IndexOf(items, Finance);
        var item = items[index];
        switch (field)
        {
            case "code": item.Code = "  "; break;
            case "name": item.Name = null; break;
            case "kind": item.Kind = ""; break;
            case "validFrom": item.ValidFrom = null; break;
        }

        var reason = await RefusedAsync(items, ImportReason.MissingField);

        Assert.Equal(index, reason.Index);
        Assert.Equal(field, reason.Field);
        Assert.Contains(field, reason.Message);
    }

    [Fact]
    public async Task Unknown_kind_is_refused()
    {
        var items = BaseTree();
        items[IndexOf(items, NewCommuneB)].Kind = "Ward";

        var reason = await RefusedAsync(items, ImportReason.UnknownKind);

        Assert.Equal((IndexOf(items, NewCommuneB), NewCommuneB, "kind"), (reason.Index, reason.Code, reason.Field));
        Assert.Contains("'Ward'", reason.Message);
    }

    [Fact]
    public void Kind_is_case_insensitive_and_numbers_are_not_kinds()
    {
        var items = BaseTree();
        items[1].Kind = "department";
        items[3].Kind = "SERVICECENTRE";
        Assert.Empty(AgencyTreeImport.Validate(items));

        items[1].Kind = "1";
        Assert.Equal(ImportReason.UnknownKind, Assert.Single(AgencyTreeImport.Validate(items)).ReasonCode);
    }

    [Theory]
    [InlineData("validFrom", "01/07/2025")]
    [InlineData("validFrom", "2025-7-1")]
    [InlineData("validTo", "20250630")]
    [InlineData("validTo", "2025-02-30")]
    public async Task Bad_date_is_refused(string field, string text)
    {
        var items = BaseTree();
        var index = IndexOf(items, OldCommuneA);
        if (field == "validFrom")
        {
            items[index].ValidFrom = text;
        }
        else
        {
            items[index].ValidTo = text;
        }

        var reason = await RefusedAsync(items, ImportReason.BadDate);

        Assert.Equal((index, OldCommuneA, field), (reason.Index, reason.Code, reason.Field));
        Assert.Contains(text, reason.Message);
    }

    [Fact]
    public async Task End_before_start_is_refused()
    {
        var items = BaseTree();
        items[IndexOf(items, District)].ValidTo = "2019-12-31";

        var reason = await RefusedAsync(items, ImportReason.EndBeforeStart);

        Assert.Equal((IndexOf(items, District), "validTo"), (reason.Index, reason.Field));
    }

    [Fact]
    public async Task Parent_missing_from_the_document_is_refused()
    {
        var items = BaseTree();
        items[IndexOf(items, Justice)].ParentCode = "000.00.99.H99";

        var reason = await RefusedAsync(items, ImportReason.UnknownParent);

        Assert.Equal((IndexOf(items, Justice), Justice, "parentCode"), (reason.Index, reason.Code, reason.Field));
        Assert.Contains("000.00.99.H99", reason.Message);
    }

    [Fact]
    public async Task Parent_not_valid_on_the_childs_start_is_refused()
    {
        // The district ended on 30/06/2025; a commune created on 01/07/2025 cannot hang under it.
        var items = BaseTree();
        items[IndexOf(items, NewCommuneB)].ParentCode = District;

        var reason = await RefusedAsync(items, ImportReason.UnknownParent);

        Assert.Equal(IndexOf(items, NewCommuneB), reason.Index);
        Assert.Contains("01/07/2025", reason.Message);
    }

    [Fact]
    public async Task Cycle_is_refused_once_with_its_path()
    {
        var items = BaseTree();
        items[IndexOf(items, Justice)].ParentCode = Finance;
        items[IndexOf(items, Finance)].ParentCode = Justice;

        var reason = await RefusedAsync(items, ImportReason.Cycle);

        Assert.Equal(IndexOf(items, Justice), reason.Index);
        Assert.Contains($"{Justice} → {Finance} → {Justice}", reason.Message);
    }

    [Fact]
    public void Agency_that_is_its_own_parent_is_a_cycle()
    {
        var items = BaseTree();
        items[IndexOf(items, Centre)].ParentCode = Centre;

        var reason = Assert.Single(AgencyTreeImport.Validate(items));

        Assert.Equal((ImportReason.Cycle, IndexOf(items, Centre)), (reason.ReasonCode, reason.Index));
    }

    [Fact]
    public async Task Two_roots_valid_at_the_same_time_are_refused()
    {
        var items = BaseTree();
        items.Add(Item("000.00.00.H98", "Province", null, "2024-01-01", name: "UBND tỉnh Khác"));

        var reason = await RefusedAsync(items, ImportReason.MultipleRoots);

        Assert.Equal((items.Count - 1, "parentCode"), (reason.Index, reason.Field));
        Assert.Contains(Province, reason.Message);
    }

    [Fact]
    public void Roots_one_after_the_other_are_accepted()
    {
        // A merged province: the old one ended on 30/06/2025, the new one started on 01/07/2025.
        var items = BaseTree();
        items[0].ValidTo = "2025-06-30";
        items.Add(Item("000.00.00.H98", "Province", null, "2025-07-01", name: "UBND tỉnh mới"));
        items[IndexOf(items, NewCommuneA)].ParentCode = "000.00.00.H98";
        items[IndexOf(items, NewCommuneB)].ParentCode = "000.00.00.H98";

        Assert.Empty(AgencyTreeImport.Validate(items));
    }

    [Fact]
    public async Task Overlapping_validity_of_one_code_is_refused()
    {
        var items = BaseTree();
        items.Add(Item(Justice, "Department", Province, "2025-01-01", name: "Sở Tư pháp (mới)"));

        var reason = await RefusedAsync(items, ImportReason.OverlappingValidity);

        Assert.Equal((items.Count - 1, Justice, "validFrom"), (reason.Index, reason.Code, reason.Field));
        Assert.Contains("01/01/2020", reason.Message);
    }

    [Fact]
    public async Task Unknown_successor_is_refused()
    {
        var items = BaseTree();
        items[IndexOf(items, OldCommuneA)].Successors = [new() { Code = "000.77.00.H99", Primary = true }];

        var reason = await RefusedAsync(items, ImportReason.UnknownSuccessor);

        Assert.Equal((IndexOf(items, OldCommuneA), "successors[0].code"), (reason.Index, reason.Field));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task Several_successors_need_exactly_one_primary(bool first, bool second)
    {
        var items = BaseTree();
        items[IndexOf(items, OldCommuneB)].Successors =
            [new() { Code = NewCommuneA, Primary = first }, new() { Code = NewCommuneB, Primary = second }];

        var reason = await RefusedAsync(items, ImportReason.PrimarySuccessor);

        Assert.Equal((IndexOf(items, OldCommuneB), "successors"), (reason.Index, reason.Field));
    }

    [Fact]
    public void Successor_listed_twice_or_itself_is_refused()
    {
        var items = BaseTree();
        items[IndexOf(items, OldCommuneA)].Successors =
            [new() { Code = NewCommuneA, Primary = true }, new() { Code = NewCommuneA }, new() { Code = OldCommuneA }];

        var codes = AgencyTreeImport.Validate(items).Select(r => r.ReasonCode).ToList();

        Assert.Equal([ImportReason.DuplicateSuccessor, ImportReason.SelfSuccessor], codes);
    }

    [Theory]
    [InlineData("1000A")]
    [InlineData("-1")]
    [InlineData("12345678901")]
    public async Task Admin_unit_code_must_be_digits(string code)
    {
        var items = BaseTree();
        items[IndexOf(items, NewCommuneA)].AdminUnitCode = code;

        var reason = await RefusedAsync(items, ImportReason.BadAdminUnitCode);

        Assert.Equal((IndexOf(items, NewCommuneA), "adminUnitCode"), (reason.Index, reason.Field));
    }

    [Fact]
    public async Task Code_longer_than_the_column_is_refused()
    {
        var items = BaseTree();
        items[IndexOf(items, Centre)].Code = new string('9', 65);

        var reason = await RefusedAsync(items, ImportReason.TooLong);

        Assert.Equal("code", reason.Field);
    }

    [Fact]
    public void Every_reason_is_reported_together_in_document_order()
    {
        var items = BaseTree();
        items[1].Name = null;
        items[2].Kind = "Sở";
        items[4].ValidTo = "30/06/2025";
        items[7].AdminUnitCode = "x";
        items[8].ParentCode = "nowhere";

        var reasons = AgencyTreeImport.Validate(items);

        Assert.Equal(
            [(1, ImportReason.MissingField), (2, ImportReason.UnknownKind), (4, ImportReason.BadDate),
             (7, ImportReason.BadAdminUnitCode), (8, ImportReason.UnknownParent)],
            reasons.Select(r => (r.Index!.Value, r.ReasonCode)));
    }

    [Fact]
    public void References_to_an_item_with_bad_dates_are_not_reported_twice()
    {
        var items = BaseTree();
        items[IndexOf(items, District)].ValidFrom = "2020/01/01";

        var reason = Assert.Single(AgencyTreeImport.Validate(items));

        Assert.Equal((ImportReason.BadDate, IndexOf(items, District)), (reason.ReasonCode, reason.Index));
    }

    // ---------------------------------------------------------------- apply

    [Fact]
    public async Task First_import_stores_the_tree()
    {
        var result = await ImportBaseTreeAsync();

        Assert.Equal(new ImportCounts(Added: 9, Updated: 0, Unchanged: 0, Ended: 0, Deleted: 0), result.Counts);
        Assert.Empty(result.Reasons);
        var agencies = (await AgenciesAsync()).ToDictionary(a => a.Code);
        var province = agencies[Province];
        Assert.Equal((AgencyKind.Province, (int?)null, "99", new DateOnly(2020, 1, 1), (DateOnly?)null),
            (province.Kind, province.ParentId, province.AdminUnitCode, province.ValidFrom, province.ValidTo));
        Assert.Equal(province.Id, agencies[Justice].ParentId);
        Assert.Equal(1, agencies[Justice].Order);
        Assert.Equal(AgencyKind.ServiceCentre, agencies[Centre].Kind);
        Assert.Equal(agencies[District].Id, agencies[OldCommuneA].ParentId);
        Assert.Equal(new DateOnly(2025, 6, 30), agencies[OldCommuneA].ValidTo);
        Assert.Equal("Xã An Bình", agencies[NewCommuneA].Name);

        // A single successor is primary even when the document does not say so.
        Assert.Equal(
            [(OldCommuneA, NewCommuneA, true), (OldCommuneB, NewCommuneA, true), (OldCommuneB, NewCommuneB, false)],
            await SuccessionsAsync());
    }

    [Fact]
    public async Task Reimport_updates_changed_rows_adds_new_ones_and_keeps_ids()
    {
        await ImportBaseTreeAsync();
        var idsBefore = (await AgenciesAsync()).ToDictionary(a => a.Code, a => a.Id);

        var items = BaseTree();
        items[IndexOf(items, Justice)].Name = "Sở Tư pháp tỉnh Demo";
        items[IndexOf(items, Finance)].Order = 7;
        items[IndexOf(items, NewCommuneB)].ParentCode = Centre; // odd but legal: a move
        items.Add(Item("000.00.14.H99", "department", Province, "2025-08-01", name: "Sở Khoa học và Công nghệ", order: 4));

        var result = await Import().ReplaceAsync(items);

        Assert.True(result.Succeeded);
        Assert.Equal(new ImportCounts(Added: 1, Updated: 3, Unchanged: 6, Ended: 0, Deleted: 0), result.Counts);
        var agencies = (await AgenciesAsync()).ToDictionary(a => a.Code);
        Assert.All(idsBefore, pair => Assert.Equal(pair.Value, agencies[pair.Key].Id));
        Assert.Equal("Sở Tư pháp tỉnh Demo", agencies[Justice].Name);
        Assert.Equal(7, agencies[Finance].Order);
        Assert.Equal(agencies[Centre].Id, agencies[NewCommuneB].ParentId);
        Assert.Equal(AgencyKind.Department, agencies["000.00.14.H99"].Kind);
        Assert.Equal(agencies[Province].Id, agencies["000.00.14.H99"].ParentId);
    }

    [Fact]
    public async Task Same_document_twice_changes_nothing()
    {
        await ImportBaseTreeAsync();
        var before = await StoredTreeAsync();

        var result = await Import().ReplaceAsync(BaseTree());

        Assert.Equal(new ImportCounts(0, 0, 9, 0, 0), result.Counts);
        Assert.Equal(before, await StoredTreeAsync());
    }

    [Fact]
    public async Task Corrected_start_date_updates_the_agency_in_place()
    {
        await ImportBaseTreeAsync();
        var dossierAgency = await AddDossierAsync(Justice, new DateOnly(2020, 1, 1));
        var items = BaseTree();
        items[IndexOf(items, Justice)].ValidFrom = "2020-03-15";

        var result = await Import().ReplaceAsync(items);

        Assert.Equal(new ImportCounts(0, 1, 8, 0, 0), result.Counts);
        var justice = Assert.Single(await AgenciesAsync(), a => a.Code == Justice);
        Assert.Equal((dossierAgency, new DateOnly(2020, 3, 15)), (justice.Id, justice.ValidFrom));
    }

    [Fact]
    public async Task Absent_agency_with_dossiers_is_ended_not_deleted()
    {
        await ImportBaseTreeAsync();
        var financeId = await AddDossierAsync(Finance, new DateOnly(2020, 1, 1));
        var items = BaseTree();
        items.RemoveAt(IndexOf(items, Finance));

        var result = await Import().ReplaceAsync(items);

        Assert.Equal(new ImportCounts(0, 0, 8, 1, 0), result.Counts);
        var finance = Assert.Single(await AgenciesAsync(), a => a.Code == Finance);
        Assert.Equal((financeId, Yesterday), (finance.Id, finance.ValidTo));
        Assert.NotNull(finance.ParentId);

        // Importing the same document again leaves the ended agency as it is.
        var again = await Import().ReplaceAsync(items);
        Assert.Equal(new ImportCounts(0, 0, 8, 1, 0), again.Counts);
        Assert.Equal(Yesterday, Assert.Single(await AgenciesAsync(), a => a.Code == Finance).ValidTo);
    }

    [Fact]
    public async Task Absent_agency_referenced_by_a_manual_value_is_kept()
    {
        await ImportBaseTreeAsync();
        await using (var db = _db.CreateDbContext())
        {
            var centre = await db.Agencies.SingleAsync(a => a.Code == Centre);
            db.ManualIndicatorValues.Add(new ManualIndicatorValue
            {
                IndicatorCode = "3.1", AgencyId = centre.Id, PeriodKey = "2025", Value = 90m, Source = "Báo cáo giấy",
            });
            await db.SaveChangesAsync();
        }

        var items = BaseTree();
        items.RemoveAt(IndexOf(items, Centre));
        var result = await Import().ReplaceAsync(items);

        Assert.Equal((1, 0), (result.Counts.Ended, result.Counts.Deleted));
        Assert.Equal(Yesterday, Assert.Single(await AgenciesAsync(), a => a.Code == Centre).ValidTo);
    }

    [Fact]
    public async Task Absent_unreferenced_agency_is_deleted()
    {
        await ImportBaseTreeAsync();
        await AddDossierAsync(Justice, new DateOnly(2020, 1, 1));
        var items = BaseTree();
        items.RemoveAt(IndexOf(items, Finance));
        items.RemoveAt(IndexOf(items, Centre));

        var result = await Import().ReplaceAsync(items);

        Assert.Equal(new ImportCounts(0, 0, 7, 0, 2), result.Counts);
        var codes = (await AgenciesAsync()).Select(a => a.Code).ToList();
        Assert.DoesNotContain(Finance, codes);
        Assert.DoesNotContain(Centre, codes);
        Assert.Contains(Justice, codes);
    }

    [Fact]
    public async Task Kept_ended_commune_keeps_its_district_its_end_and_its_link_to_a_current_successor()
    {
        // The document leaves out the old district and one of its communes; the commune has dossiers.
        await ImportBaseTreeAsync();
        await AddDossierAsync(OldCommuneA, new DateOnly(2020, 1, 1));
        var items = BaseTree();
        items.RemoveAt(IndexOf(items, OldCommuneA));
        items.RemoveAt(IndexOf(items, OldCommuneB));
        items.RemoveAt(IndexOf(items, District));

        var result = await Import().ReplaceAsync(items);

        Assert.Equal(new ImportCounts(0, 0, 6, 2, 1), result.Counts);
        var agencies = (await AgenciesAsync()).ToDictionary(a => a.Code);
        Assert.DoesNotContain(OldCommuneB, agencies.Keys);
        Assert.Equal(new DateOnly(2025, 6, 30), agencies[OldCommuneA].ValidTo);
        Assert.Equal(new DateOnly(2025, 6, 30), agencies[District].ValidTo);
        Assert.Equal(agencies[District].Id, agencies[OldCommuneA].ParentId);
        Assert.Equal([(OldCommuneA, NewCommuneA, true)], await SuccessionsAsync());
    }

    [Fact]
    public async Task Code_reused_by_a_new_agency_keeps_the_old_one_for_its_dossiers()
    {
        await ImportBaseTreeAsync();
        var financeId = await AddDossierAsync(Finance, new DateOnly(2020, 1, 1));
        var items = BaseTree();
        items[IndexOf(items, Finance)].ValidTo = "2025-06-30";
        items.Add(Item(Finance, "Department", Province, "2025-07-01", name: "Sở Tài chính (sau hợp nhất)"));

        var result = await Import().ReplaceAsync(items);

        Assert.Equal(new ImportCounts(Added: 1, Updated: 1, Unchanged: 8, Ended: 0, Deleted: 0), result.Counts);
        var finance = (await AgenciesAsync()).Where(a => a.Code == Finance).ToList();
        Assert.Equal(
            [(financeId, new DateOnly(2020, 1, 1), (DateOnly?)new DateOnly(2025, 6, 30)), (finance[1].Id, new DateOnly(2025, 7, 1), null)],
            finance.Select(a => (a.Id, a.ValidFrom, a.ValidTo)));
        Assert.NotEqual(financeId, finance[1].Id);
    }

    [Fact]
    public async Task Kept_agency_overlapping_a_document_item_of_its_code_is_refused()
    {
        var items = BaseTree();
        items.Add(Item("000.00.15.H99", "Department", Province, "2020-01-01", "2022-12-31", name: "Sở Nội vụ"));
        items.Add(Item("000.00.15.H99", "Department", Province, "2023-01-01", name: "Sở Nội vụ"));
        Assert.True((await Import().ReplaceAsync(items)).Succeeded);
        await AddDossierAsync("000.00.15.H99", new DateOnly(2020, 1, 1));
        await AddDossierAsync("000.00.15.H99", new DateOnly(2023, 1, 1));
        var before = await StoredTreeAsync();

        // One item from 2021 covers both stored rows: it takes over the first, the second cannot stay.
        items.RemoveRange(items.Count - 2, 2);
        items.Add(Item("000.00.15.H99", "Department", Province, "2021-01-01", name: "Sở Nội vụ"));
        var result = await Import().ReplaceAsync(items);

        Assert.False(result.Succeeded);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal((ImportReason.RetainedOverlap, items.Count - 1), (reason.ReasonCode, reason.Index));
        Assert.Equal(before, await StoredTreeAsync());
    }

    [Fact]
    public async Task Failure_while_applying_rolls_everything_back()
    {
        await ImportBaseTreeAsync();
        var cached = await _db.ReferenceData.GetAsync();
        var before = await StoredTreeAsync();
        await using (var db = _db.CreateDbContext())
        {
            // Deletes are the last step: updates, inserts and links were already sent when this fires.
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER refuse_delete BEFORE DELETE ON Agencies BEGIN SELECT RAISE(ABORT, 'test'); END;");
        }

        var items = BaseTree();
        items[IndexOf(items, Justice)].Name = "Sở Tư pháp (đổi tên)";
        items[IndexOf(items, OldCommuneB)].Successors = [new() { Code = NewCommuneB }];
        items.Add(Item("000.00.14.H99", "Department", Province, "2025-08-01", name: "Sở Khoa học và Công nghệ"));
        items.RemoveAt(IndexOf(items, Finance));

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => Import().ReplaceAsync(items));

        Assert.Equal(before, await StoredTreeAsync());
        Assert.Same(cached, await _db.ReferenceData.GetAsync());
    }

    [Fact]
    public async Task Successions_are_replaced()
    {
        await ImportBaseTreeAsync();
        var items = BaseTree();
        items[IndexOf(items, OldCommuneA)].Successors = null;
        items[IndexOf(items, OldCommuneB)].Successors =
            [new() { Code = NewCommuneA }, new() { Code = NewCommuneB, Primary = true }];
        items[IndexOf(items, District)].Successors = [new() { Code = NewCommuneB }];

        var result = await Import().ReplaceAsync(items);

        Assert.True(result.Succeeded);
        Assert.Equal(
            [(District, NewCommuneB, true), (OldCommuneB, NewCommuneA, false), (OldCommuneB, NewCommuneB, true)],
            await SuccessionsAsync());
    }

    [Fact]
    public async Task Parent_is_the_interval_of_its_code_valid_on_the_childs_start()
    {
        var items = BaseTree();
        items[0].ValidTo = "2025-06-30";
        items.Insert(1, Item(Province, "Province", null, "2025-07-01", name: "UBND tỉnh Demo (sau sáp nhập)"));

        var result = await Import().ReplaceAsync(items);

        Assert.True(result.Succeeded, string.Join("; ", result.Reasons.Select(r => r.Message)));
        var agencies = await AgenciesAsync();
        var old = agencies.Single(a => a.Code == Province && a.ValidTo is not null);
        var merged = agencies.Single(a => a.Code == Province && a.ValidTo is null);
        Assert.Equal(old.Id, agencies.Single(a => a.Code == Justice).ParentId);
        Assert.Equal(merged.Id, agencies.Single(a => a.Code == NewCommuneA).ParentId);
    }

    [Fact]
    public async Task Reference_snapshot_follows_the_import()
    {
        var empty = await _db.ReferenceData.GetAsync();
        Assert.Empty(empty.Tree.All);

        await ImportBaseTreeAsync();
        var first = await _db.ReferenceData.GetAsync();
        Assert.Equal(9, first.Tree.All.Count);
        Assert.Equal(Province, first.Tree.Root?.Code);
        var oldB = first.Tree.Resolve(OldCommuneB, new DateOnly(2024, 5, 1))!;
        Assert.Equal(first.Tree.Resolve(NewCommuneA, new DateOnly(2025, 9, 1))!.Id, first.Tree.CurrentOf(oldB.Id));

        var items = BaseTree();
        items[IndexOf(items, OldCommuneB)].Successors =
            [new() { Code = NewCommuneA }, new() { Code = NewCommuneB, Primary = true }];
        items[IndexOf(items, Justice)].Name = "Sở Tư pháp (đổi tên)";
        await Import().ReplaceAsync(items);

        var second = await _db.ReferenceData.GetAsync();
        Assert.NotSame(first, second);
        Assert.Equal("Sở Tư pháp (đổi tên)", second.Tree.FindByCode(Justice, new DateOnly(2025, 9, 15))!.Name);
        Assert.Equal(second.Tree.Resolve(NewCommuneB, new DateOnly(2025, 9, 1))!.Id, second.Tree.CurrentOf(oldB.Id));
    }

    [Fact]
    public async Task Refused_import_keeps_the_cached_snapshot()
    {
        await ImportBaseTreeAsync();
        var cached = await _db.ReferenceData.GetAsync();

        await Import().ReplaceAsync([Item(Province, "Nation", null, "2020-01-01")]);

        Assert.Same(cached, await _db.ReferenceData.GetAsync());
    }

    [Fact]
    public void Dates_in_messages_are_Vietnamese_day_first()
    {
        var items = BaseTree();
        items[IndexOf(items, District)].ValidTo = "2019-06-30";

        var reason = Assert.Single(AgencyTreeImport.Validate(items));

        Assert.Contains(new DateOnly(2019, 6, 30).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), reason.Message);
    }

    [Fact]
    public void Codes_and_names_are_refused_one_character_over_the_width_the_EF_model_gives_their_column()
    {
        using var db = _db.CreateDbContext();
        var entity = db.Model.FindEntityType(typeof(Agency))!;
        var codeWidth = entity.FindProperty(nameof(Agency.Code))!.GetMaxLength()!.Value;
        var nameWidth = entity.FindProperty(nameof(Agency.Name))!.GetMaxLength()!.Value;

        Assert.Empty(AgencyTreeImport.Validate([Item(new string('1', codeWidth), "Province", null, "2020-01-01", name: new string('a', nameWidth))]));
        Assert.Single(AgencyTreeImport.Validate([Item(new string('1', codeWidth + 1), "Province", null, "2020-01-01")]));
        Assert.Single(AgencyTreeImport.Validate([Item("000.00.00.H99", "Province", null, "2020-01-01", name: new string('a', nameWidth + 1))]));
    }
}
