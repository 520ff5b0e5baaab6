using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Agencies;
using Reporting.Core.Feeds;
using Reporting.Core.Persistence;
using Reporting.Core.Procedures;

namespace Reporting.Tests.Integration;

/// <summary>A hand-made province small enough to reason about in a test.</summary>
public static class TinyProvince
{
    public const string Root = "000.00.00.H99";
    public const string Department = "000.00.01.H99";
    public const string OldCommune = "000.01.50.H99";
    public const string NewCommune = "000.00.80.H99";
    public const string Procedure = "1.000001";
    public const string FeeProcedure = "1.000002";

    public static async Task SeedAsync(ReportingAppFactory factory)
    {
        await using (var db = factory.CreateDbContext())
        {
            var root = new Agency { Code = Root, Name = "UBND tỉnh Thử", Kind = AgencyKind.Province, ValidFrom = new DateOnly(2020, 1, 1), AdminUnitCode = "99" };
            db.Agencies.Add(root);
            await db.SaveChangesAsync();
            var dept = new Agency { Code = Department, Name = "Sở Tư pháp", Kind = AgencyKind.Department, ParentId = root.Id, ValidFrom = new DateOnly(2020, 1, 1) };
            var old = new Agency { Code = OldCommune, Name = "Xã Cũ", Kind = AgencyKind.Commune, ParentId = root.Id, ValidFrom = new DateOnly(2020, 1, 1), ValidTo = new DateOnly(2025, 6, 30) };
            var current = new Agency { Code = NewCommune, Name = "Xã Mới", Kind = AgencyKind.Commune, ParentId = root.Id, ValidFrom = new DateOnly(2025, 7, 1) };
            db.Agencies.AddRange(dept, old, current);
            await db.SaveChangesAsync();
            db.AgencySuccessions.Add(new AgencySuccession { PredecessorId = old.Id, SuccessorId = current.Id, IsPrimary = true });
            db.Procedures.AddRange(
                new Procedure { Code = Procedure, Name = "Đăng ký khai sinh", FieldCode = "HT", FieldName = "Hộ tịch", AtCommuneLevel = true, AtProvinceLevel = true, OnlineLevel = 2, StatutoryWorkingDays = 3 },
                new Procedure { Code = FeeProcedure, Name = "Cấp phiếu lý lịch tư pháp", FieldCode = "LLTP", FieldName = "Lý lịch tư pháp", AtProvinceLevel = true, OnlineLevel = 2, HasFee = true, StatutoryWorkingDays = 10 });
            await db.SaveChangesAsync();
        }

        await ReferenceChanges.CommittedAsync(factory.Services);
    }

    public static DossierFeedItem Dossier(string code, string agency, string received, int status = 4, int channel = 2, string? promised = null, string? ended = null, string updated = "20260301120000") => new()
    {
        MaHoSo = code,
        MaTTHC = Procedure,
        MaDonVi = agency,
        KenhThucHien = channel,
        TrangThaiHoSo = status,
        NgayTiepNhan = received,
        NgayHenTra = promised,
        NgayKetThucXuLy = ended,
        NgayCapNhat = updated,
        DongBoDVCQG = 1,
    };
}
