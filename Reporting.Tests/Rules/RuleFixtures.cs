using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reporting.Core.Calendar;
using Reporting.Core.Dossiers;
using Reporting.Core.Ingest;
using Reporting.Core.Procedures;

namespace Reporting.Tests.Rules;

/// <summary>Hand-built dossiers, procedures and records for the rule tests (no database).</summary>
internal static class RuleFixtures
{
    /// <summary>A small 2026 calendar: Giỗ Tổ (Mon 27/04), 30/4 and 1/5 (Thu, Fri), Quốc khánh 1–2/9, one working Saturday.</summary>
    public static WorkingCalendar Calendar2026 { get; } = new(
    [
        Off(2026, 4, 27, "Giỗ Tổ Hùng Vương"),
        Off(2026, 4, 30, "Ngày Giải phóng miền Nam"),
        Off(2026, 5, 1, "Quốc tế Lao động"),
        Off(2026, 9, 1, "Quốc khánh (nghỉ bù)"),
        Off(2026, 9, 2, "Quốc khánh"),
        new CalendarDay { Date = new DateOnly(2026, 5, 9), IsWorkingDay = true, Name = "Làm bù", Source = "test" },
    ]);

    public static DateTime At(int year, int month, int day, int hour = 9, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second);

    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static int Day(int year, int month, int day) => new DateOnly(year, month, day).DayNumber;

    public static Procedure Procedure(string code, int? statutoryDays = null, int onlineLevel = 0, bool hasFee = false, bool issuesResult = true) =>
        new()
        {
            Code = code,
            Name = "Thủ tục " + code,
            OnlineLevel = onlineLevel,
            HasFee = hasFee,
            IssuesResult = issuesResult,
            StatutoryWorkingDays = statutoryDays,
            AtProvinceLevel = true,
        };

    public static DossierSupplement Supplement(DateTime requested, DateTime? supplied = null, DateTime? promisedBefore = null, DateTime? promisedAfter = null) =>
        new(requested, supplied, promisedBefore, promisedAfter);

    /// <summary>A dossier with its derived facts applied, as ingest stores it.</summary>
    public static Dossier Make(
        int status,
        DateTime? received,
        DateTime? promised = null,
        DateTime? ended = null,
        DateTime? returned = null,
        int channel = Channel.InPerson,
        DossierSupplement[]? supplements = null,
        Procedure? procedure = null,
        WorkingCalendar? calendar = null,
        Action<Dossier>? with = null,
        Action<DossierLists>? lists = null,
        string code = "HS-1",
        int agencyId = 1)
    {
        var d = new Dossier
        {
            Source = "test",
            Code = code,
            ProcedureCode = procedure?.Code ?? "1.000001",
            AgencyCode = "A" + agencyId,
            AgencyId = agencyId,
            Channel = channel,
            Status = status,
            ReceivedAt = received,
            PromisedAt = promised,
            HandlingEndedAt = ended,
            ReturnedAt = returned,
            UpdatedAt = (ended ?? returned ?? received ?? At(2026, 1, 1)).AddMinutes(1),
        };
        with?.Invoke(d);
        var l = new DossierLists();
        if (supplements is not null)
        {
            l.Supplements.AddRange(supplements);
        }

        lists?.Invoke(l);
        DossierFacts.Apply(d, l, procedure, calendar ?? WorkingCalendar.Empty);
        return d;
    }

    /// <summary>A valid dossier record (status 4, in progress) to start a bad-record case from.</summary>
    public static JsonObject ValidRecord() => new()
    {
        ["MaHoSo"] = "000.00.01.H01-260301-0001",
        ["MaTTHC"] = "1.001612",
        ["MaDonVi"] = "000.00.01.H01",
        ["TrangThaiHoSo"] = 4,
        ["KenhThucHien"] = 2,
        ["NgayTiepNhan"] = "20260301083000",
        ["NgayHenTra"] = "20260310170000",
        ["NgayCapNhat"] = "20260302100000",
    };

    public static (ParsedDossier? Parsed, List<QuarantineReason> Reasons) ReadDossier(JsonNode record)
    {
        var reasons = new List<QuarantineReason>();
        var parsed = DossierRecordReader.Read(JsonSerializer.SerializeToElement(record), "motcua", reasons);
        return (parsed, reasons);
    }

    public static (Payment? Payment, List<QuarantineReason> Reasons) ReadPayment(JsonNode record)
    {
        var reasons = new List<QuarantineReason>();
        var payment = PaymentRecordReader.Read(JsonSerializer.SerializeToElement(record), "thanhtoan", reasons);
        return (payment, reasons);
    }

    private static CalendarDay Off(int y, int m, int d, string name) =>
        new() { Date = new DateOnly(y, m, d), IsWorkingDay = false, Name = name, Source = "test" };
}
