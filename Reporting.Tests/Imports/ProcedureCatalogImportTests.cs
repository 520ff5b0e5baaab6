using Reporting.Core.Imports;
using Microsoft.EntityFrameworkCore;
using Reporting.Core.Agencies;
using Reporting.Core.Dossiers;
using Reporting.Core.Feeds;
using Reporting.Core.Procedures;

namespace Reporting.Tests.Imports;

public sealed class ProcedureCatalogImportTests : IDisposable
{
    private readonly ImportTestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private ProcedureCatalogImport Import() => new(_db, _db.ReferenceData, _db.Gate, TimeProvider.System);

    private static List<ProcedureFeedItem> Catalogue() =>
    [
        new()
        {
            MaTTHC = "1.001612", TenTTHC = "Cấp phiếu lý lịch tư pháp cho công dân Việt Nam", MaLinhVuc = "G09-TP04",
            TenLinhVuc = "Lý lịch tư pháp", CapThucHien = ["Tinh"], MucDoDVC = 2, DuDieuKienToanTrinh = true,
            CoPhiLePhi = true, ThoiHanGiaiQuyet = 10, NgayCapNhat = "20250301083000",
        },
        new()
        {
            MaTTHC = "1.004227", TenTTHC = "Đăng ký khai sinh", MaLinhVuc = "G09-TP03", TenLinhVuc = "Hộ tịch",
            CapThucHien = ["Xa"], MucDoDVC = 2, DuDieuKienToanTrinh = true, CoPhiLePhi = false, ThoiHanGiaiQuyet = 0,
        },
        new()
        {
            MaTTHC = "2.000488", TenTTHC = "Chứng thực bản sao từ bản chính", CapThucHien = ["Tinh", "Xa"], MucDoDVC = 1,
            CoPhiLePhi = true, ThoiHanGiaiQuyet = 1,
        },
        new() { MaTTHC = "1.010000", CapThucHien = [], MucDoDVC = 0, CoKetQua = false },
    ];

    private async Task<Dictionary<string, Procedure>> StoredAsync()
    {
        await using var db = _db.CreateDbContext();
        return await db.Procedures.AsNoTracking().ToDictionaryAsync(p => p.Code);
    }

    private async Task<string> StoredTextAsync() => string.Join("\n", (await StoredAsync()).Values.OrderBy(p => p.Code).Select(p =>
        $"{p.Code}|{p.Name}|{p.FieldCode}|{p.FieldName}|{p.AtProvinceLevel}|{p.AtCommuneLevel}|{p.OnlineLevel}|" +
        $"{p.FullyOnlineEligible}|{p.HasFee}|{p.IssuesResult}|{p.StatutoryWorkingDays}|{p.UpdatedAt:O}"));

    private async Task<ImportReason> RefusedAsync(List<ProcedureFeedItem> items, string reasonCode)
    {
        Assert.True((await Import().ReplaceAsync(Catalogue())).Succeeded);
        var before = await StoredTextAsync();

        var result = await Import().ReplaceAsync(items);

        Assert.False(result.Succeeded);
        Assert.Equal(ImportCounts.None, result.Counts);
        Assert.Empty(result.ChangedProcedureCodes);
        Assert.Equal(before, await StoredTextAsync());
        return Assert.Single(result.Reasons, r => r.ReasonCode == reasonCode);
    }

    // ---------------------------------------------------------------- refusals

    [Fact]
    public async Task Empty_catalogue_is_refused()
    {
        var reason = await RefusedAsync([], ImportReason.EmptyDocument);
        Assert.Null(reason.Index);
    }

    [Fact]
    public async Task Missing_code_is_refused()
    {
        var items = Catalogue();
        items[2].MaTTHC = " ";

        var reason = await RefusedAsync(items, ImportReason.MissingField);

        Assert.Equal((2, "MaTTHC"), (reason.Index, reason.Field));
    }

    [Fact]
    public async Task Duplicate_code_is_refused()
    {
        var items = Catalogue();
        items.Add(new ProcedureFeedItem { MaTTHC = "1.004227", TenTTHC = "Đăng ký khai sinh (bản sao)" });

        var reason = await RefusedAsync(items, ImportReason.DuplicateCode);

        Assert.Equal((4, "1.004227", "MaTTHC"), (reason.Index, reason.Code, reason.Field));
        Assert.Contains("mục 1", reason.Message);
    }

    [Fact]
    public async Task Level_other_than_Tinh_or_Xa_is_refused()
    {
        var items = Catalogue();
        items[0].CapThucHien = ["Tinh", "Huyen"];

        var reason = await RefusedAsync(items, ImportReason.BadValue);

        Assert.Equal((0, "CapThucHien"), (reason.Index, reason.Field));
        Assert.Contains("Huyen", reason.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Online_level_outside_0_to_2_is_refused(int level)
    {
        var items = Catalogue();
        items[1].MucDoDVC = level;

        var reason = await RefusedAsync(items, ImportReason.BadValue);

        Assert.Equal((1, "MucDoDVC"), (reason.Index, reason.Field));
    }

    [Fact]
    public async Task Negative_statutory_time_is_refused()
    {
        var items = Catalogue();
        items[2].ThoiHanGiaiQuyet = -5;

        var reason = await RefusedAsync(items, ImportReason.BadValue);

        Assert.Equal((2, "ThoiHanGiaiQuyet"), (reason.Index, reason.Field));
    }

    [Theory]
    [InlineData("2025-03-01")]
    [InlineData("20251301000000")]
    [InlineData("202503010830")]
    public async Task Bad_update_date_is_refused(string text)
    {
        var items = Catalogue();
        items[0].NgayCapNhat = text;

        var reason = await RefusedAsync(items, ImportReason.BadDate);

        Assert.Equal((0, "NgayCapNhat"), (reason.Index, reason.Field));
        Assert.Contains(text, reason.Message);
    }

    [Fact]
    public void Every_reason_is_reported_together()
    {
        var items = Catalogue();
        items[0].MucDoDVC = 5;
        items[0].ThoiHanGiaiQuyet = -1;
        items[1].CapThucHien = ["Huyen"];
        items[3].MaTTHC = null;

        var reasons = ProcedureCatalogImport.Validate(items);

        Assert.Equal(
            [(0, "MucDoDVC"), (0, "ThoiHanGiaiQuyet"), (1, "CapThucHien"), (3, "MaTTHC")],
            reasons.Select(r => (r.Index!.Value, r.Field!)));
    }

    [Theory]
    [InlineData(nameof(Procedure.Name))]
    [InlineData(nameof(Procedure.FieldCode))]
    [InlineData(nameof(Procedure.FieldName))]
    public void Texts_are_refused_one_character_over_the_width_the_EF_model_gives_their_column(string property)
    {
        using var db = _db.CreateDbContext();
        var width = db.Model.FindEntityType(typeof(Procedure))!.FindProperty(property)!.GetMaxLength()!.Value;
        List<ProcedureFeedItem> With(int length)
        {
            var items = Catalogue();
            var text = new string('x', length);
            _ = property switch
            {
                nameof(Procedure.Name) => items[0].TenTTHC = text,
                nameof(Procedure.FieldCode) => items[0].MaLinhVuc = text,
                _ => items[0].TenLinhVuc = text,
            };
            return items;
        }

        Assert.Empty(ProcedureCatalogImport.Validate(With(width)));
        Assert.Single(ProcedureCatalogImport.Validate(With(width + 1)));
    }

    // ---------------------------------------------------------------- apply

    [Fact]
    public async Task First_import_maps_every_field()
    {
        var result = await Import().ReplaceAsync(Catalogue());

        Assert.True(result.Succeeded);
        Assert.Equal(new ImportCounts(4, 0, 0, 0, 0), result.Counts);
        Assert.Equal(["1.001612", "1.004227", "1.010000", "2.000488"], result.ChangedProcedureCodes.Order());

        var stored = await StoredAsync();
        var record = stored["1.001612"];
        Assert.Equal(
            ("Cấp phiếu lý lịch tư pháp cho công dân Việt Nam", "G09-TP04", "Lý lịch tư pháp", true, false, 2, true, true, true, (int?)10,
                (DateTime?)new DateTime(2025, 3, 1, 8, 30, 0)),
            (record.Name, record.FieldCode, record.FieldName, record.AtProvinceLevel, record.AtCommuneLevel, record.OnlineLevel,
                record.FullyOnlineEligible, record.HasFee, record.IssuesResult, record.StatutoryWorkingDays, record.UpdatedAt));
        Assert.Equal((false, true, 0), (stored["1.004227"].AtProvinceLevel, stored["1.004227"].AtCommuneLevel, stored["1.004227"].StatutoryWorkingDays));
        Assert.Equal((true, true), (stored["2.000488"].AtProvinceLevel, stored["2.000488"].AtCommuneLevel));

        // Optional fields: the name falls back to the code, a result is expected unless said otherwise.
        var bare = stored["1.010000"];
        Assert.Equal(("1.010000", false, false, false, (int?)null, (DateTime?)null), (bare.Name, bare.AtProvinceLevel, bare.HasFee, bare.IssuesResult, bare.StatutoryWorkingDays, bare.UpdatedAt));
        Assert.True(stored["1.004227"].IssuesResult);
    }

    [Fact]
    public async Task Reimport_reports_the_procedures_whose_dossier_facts_may_change()
    {
        await Import().ReplaceAsync(Catalogue());
        await using (var db = _db.CreateDbContext())
        {
            // A dossier of a procedure the new catalogue drops: allowed, dossiers keep only the code.
            db.Agencies.Add(new Agency { Code = "000.00.12.H99", Name = "Sở Tư pháp" });
            await db.SaveChangesAsync();
            db.Dossiers.Add(new Dossier
            {
                Source = "motcua", Code = "HS1", ProcedureCode = "1.010000", AgencyCode = "000.00.12.H99",
                AgencyId = (await db.Agencies.SingleAsync()).Id, UpdatedAt = new DateTime(2025, 3, 1), StoredAt = new DateTime(2025, 3, 1),
            });
            await db.SaveChangesAsync();
        }

        var items = Catalogue();
        items[0].CoPhiLePhi = false;                 // fee: facts change
        items[1].TenTTHC = "Đăng ký khai sinh (mới)"; // name only: facts do not change
        items[2].ThoiHanGiaiQuyet = 2;               // statutory time: facts change
        items.RemoveAt(3);                           // removed
        items.Add(new ProcedureFeedItem { MaTTHC = "1.000656", TenTTHC = "Đăng ký kết hôn", CapThucHien = ["Xa"] });

        var result = await Import().ReplaceAsync(items);

        Assert.True(result.Succeeded);
        Assert.Equal(new ImportCounts(Added: 1, Updated: 3, Unchanged: 0, Ended: 0, Deleted: 1), result.Counts);
        Assert.Equal(["1.000656", "1.001612", "1.010000", "2.000488"], result.ChangedProcedureCodes.Order());
        var stored = await StoredAsync();
        Assert.Equal(["1.000656", "1.001612", "1.004227", "2.000488"], stored.Keys.Order());
        Assert.False(stored["1.001612"].HasFee);
        Assert.Equal("Đăng ký khai sinh (mới)", stored["1.004227"].Name);

        await using var check = _db.CreateDbContext();
        Assert.Equal(1, await check.Dossiers.CountAsync());
    }

    [Fact]
    public async Task Result_flag_change_is_reported()
    {
        await Import().ReplaceAsync(Catalogue());
        var items = Catalogue();
        items[3].CoKetQua = true;

        var result = await Import().ReplaceAsync(items);

        Assert.Equal(["1.010000"], result.ChangedProcedureCodes);
        Assert.Equal(new ImportCounts(0, 1, 3, 0, 0), result.Counts);
    }

    [Fact]
    public async Task Same_catalogue_twice_changes_nothing()
    {
        await Import().ReplaceAsync(Catalogue());
        var before = await StoredTextAsync();

        var result = await Import().ReplaceAsync(Catalogue());

        Assert.Equal(new ImportCounts(0, 0, 4, 0, 0), result.Counts);
        Assert.Empty(result.ChangedProcedureCodes);
        Assert.Equal(before, await StoredTextAsync());
    }

    [Fact]
    public async Task Failure_while_applying_rolls_everything_back()
    {
        await Import().ReplaceAsync(Catalogue());
        var before = await StoredTextAsync();
        await using (var db = _db.CreateDbContext())
        {
            // Inserts are the last step: updates and deletes were already sent when this fires.
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER refuse_insert BEFORE INSERT ON Procedures BEGIN SELECT RAISE(ABORT, 'test'); END;");
        }

        var items = Catalogue();
        items[0].CoPhiLePhi = false;
        items.RemoveAt(3);
        items.Add(new ProcedureFeedItem { MaTTHC = "1.000656", TenTTHC = "Đăng ký kết hôn" });

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => Import().ReplaceAsync(items));

        Assert.Equal(before, await StoredTextAsync());
    }

    [Fact]
    public async Task Reference_snapshot_follows_the_import()
    {
        Assert.Empty((await _db.ReferenceData.GetAsync()).Procedures);

        await Import().ReplaceAsync(Catalogue());
        var first = await _db.ReferenceData.GetAsync();
        Assert.True(first.Procedures["1.001612"].HasFee);

        var items = Catalogue();
        items[0].CoPhiLePhi = false;
        items.RemoveAt(3);
        await Import().ReplaceAsync(items);

        var second = await _db.ReferenceData.GetAsync();
        Assert.False(second.Procedures["1.001612"].HasFee);
        Assert.False(second.Procedures.ContainsKey("1.010000"));
    }

    [Fact]
    public async Task Refused_import_keeps_the_cached_snapshot()
    {
        await Import().ReplaceAsync(Catalogue());
        var cached = await _db.ReferenceData.GetAsync();

        var items = Catalogue();
        items[0].MucDoDVC = 9;
        await Import().ReplaceAsync(items);

        Assert.Same(cached, await _db.ReferenceData.GetAsync());
    }
}
