using Reporting.Core.Agencies;
using Reporting.Core.Dossiers;
using Reporting.Core.Procedures;

namespace Reporting.Tests.Reports;

/// <summary>
/// A small province: two departments (one with a unit below it), the service centre, a district
/// with an office and two communes that ended on 30/06/2025 and merged into a new commune.
/// </summary>
internal static class Bieu06Province
{
    public const int Root = 1, Justice = 2, Notary = 3, Centre = 4, District = 5, DistrictOffice = 6, YenPhu = 7, MinhNgoc = 8, NewCommune = 9, Construction = 10;

    private static readonly DateOnly Start = new(2020, 1, 1);
    private static readonly DateOnly DistrictsEnd = new(2025, 6, 30);

    public static readonly Agency[] Agencies =
    [
        new() { Id = Root, Code = "000.00.00.H42", Name = "UBND tỉnh Hà Giang", Kind = AgencyKind.Province, ValidFrom = Start },
        new() { Id = Justice, Code = "000.00.12.H42", Name = "Sở Tư pháp", Kind = AgencyKind.Department, ParentId = Root, ValidFrom = Start, Order = 1 },
        new() { Id = Notary, Code = "000.01.12.H42", Name = "Phòng Công chứng số 1", Kind = AgencyKind.Other, ParentId = Justice, ValidFrom = Start, Order = 1 },
        new() { Id = Centre, Code = "000.00.30.H42", Name = "Trung tâm Phục vụ hành chính công", Kind = AgencyKind.ServiceCentre, ParentId = Root, ValidFrom = Start, Order = 2 },
        new() { Id = Construction, Code = "000.00.13.H42", Name = "Sở Xây dựng", Kind = AgencyKind.Department, ParentId = Root, ValidFrom = Start, Order = 3 },
        new() { Id = District, Code = "000.00.51.H42", Name = "UBND huyện Bắc Mê", Kind = AgencyKind.District, ParentId = Root, ValidFrom = Start, ValidTo = DistrictsEnd, Order = 10 },
        new() { Id = DistrictOffice, Code = "000.01.51.H42", Name = "Phòng Tư pháp huyện Bắc Mê", Kind = AgencyKind.Other, ParentId = District, ValidFrom = Start, ValidTo = DistrictsEnd, Order = 1 },
        new() { Id = YenPhu, Code = "000.21.51.H42", Name = "UBND xã Yên Phú", Kind = AgencyKind.Commune, ParentId = District, ValidFrom = Start, ValidTo = DistrictsEnd, Order = 2 },
        new() { Id = MinhNgoc, Code = "000.22.51.H42", Name = "UBND xã Minh Ngọc", Kind = AgencyKind.Commune, ParentId = District, ValidFrom = Start, ValidTo = DistrictsEnd, Order = 3 },
        new() { Id = NewCommune, Code = "000.31.00.H42", Name = "UBND xã Bắc Mê", Kind = AgencyKind.Commune, ParentId = Root, ValidFrom = new DateOnly(2025, 7, 1), Order = 20 },
    ];

    public static readonly AgencySuccession[] Successions =
    [
        new() { PredecessorId = YenPhu, SuccessorId = NewCommune, IsPrimary = true },
        new() { PredecessorId = MinhNgoc, SuccessorId = NewCommune, IsPrimary = true },
    ];

    public static Procedure[] Procedures() =>
    [
        new() { Code = "1.001", Name = "Chứng thực bản sao từ bản chính", FieldCode = "G09-TP", FieldName = "Tư pháp", AtProvinceLevel = true, AtCommuneLevel = true },
        new() { Code = "1.002", Name = "Công chứng hợp đồng", FieldCode = "G09-TP", FieldName = "Tư pháp", AtProvinceLevel = true },
        new() { Code = "2.001", Name = "Đăng ký đất đai lần đầu", FieldCode = "G09-DD", FieldName = "Đất đai", AtCommuneLevel = true, StatutoryWorkingDays = 10 },
        new() { Code = "3.001", Name = "Thủ tục chưa xếp lĩnh vực", AtProvinceLevel = true },
    ];

    public static Agency ById(int id) => Agencies.Single(a => a.Id == id);

    public static Bieu06Database Create()
    {
        var db = new Bieu06Database();
        db.AddTree(Agencies.Select(Copy), Successions.Select(s => new AgencySuccession { PredecessorId = s.PredecessorId, SuccessorId = s.SuccessorId, IsPrimary = s.IsPrimary }));
        db.AddProcedures(Procedures());
        return db;
    }

    private static Agency Copy(Agency a) => new()
    {
        Id = a.Id, Code = a.Code, Name = a.Name, Kind = a.Kind, ParentId = a.ParentId, ValidFrom = a.ValidFrom, ValidTo = a.ValidTo, Order = a.Order,
    };

    private static int _sequence;

    /// <summary>A dossier as the feed would give it (facts are derived when it is added).</summary>
    public static Dossier Dossier(
        int agencyId, string procedure, int channel, int status, DateTime received,
        DateTime? promised = null, DateTime? ended = null, DateTime? returned = null)
    {
        var n = Interlocked.Increment(ref _sequence);
        return new Dossier
        {
            Source = "test",
            Code = $"HS-{n:D6}",
            ProcedureCode = procedure,
            AgencyCode = ById(agencyId).Code,
            AgencyId = agencyId,
            Channel = channel,
            Status = status,
            SubmittedAt = received.AddHours(-1),
            ReceivedAt = status == DossierStatus.Submitted ? null : received,
            PromisedAt = promised,
            HandlingEndedAt = ended,
            ReturnedAt = returned,
            RefusedAt = status == DossierStatus.Refused ? received : null,
            UpdatedAt = ended ?? received,
        };
    }

    /// <summary>Deterministic mixed dossiers over 11/2024 – 01/2026 at every agency valid when received.</summary>
    public static IEnumerable<Dossier> Generated(int count, int seed)
    {
        var random = new Random(seed);
        var first = new DateTime(2024, 11, 1);
        var today = Bieu06Database.Now.DateTime.Date;
        string[] procedures = ["1.001", "1.002", "2.001", "3.001", "9.999"];
        int[] statuses = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 9, 4];
        for (var i = 0; i < count; i++)
        {
            var received = first.AddDays(random.Next((today - first).Days)).AddHours(7 + random.Next(10)).AddMinutes(random.Next(60));
            var candidates = Agencies.Where(a => a.IsValidOn(DateOnly.FromDateTime(received))).ToArray();
            var agency = candidates[random.Next(candidates.Length)];
            var status = statuses[random.Next(statuses.Length)];
            DateTime? promised = random.Next(8) == 0 ? null : received.Date.AddDays(random.Next(1, 30)).AddHours(17);
            DateTime? ended = null, returned = null;
            if (DossierStatus.IsFinished(status))
            {
                var end = received.AddDays(random.Next(0, 45)).AddHours(random.Next(0, 5));
                if (end.Date >= today)
                {
                    status = DossierStatus.InProgress;
                }
                else if (status == DossierStatus.Returned && random.Next(4) == 0)
                {
                    returned = end;
                }
                else
                {
                    ended = end;
                    returned = status == DossierStatus.Returned ? end.AddDays(1) < today ? end.AddDays(1) : end : null;
                }
            }

            yield return Dossier(agency.Id, procedures[random.Next(procedures.Length)], 1 + random.Next(3), status, received, promised, ended, returned);
        }
    }
}
