using Microsoft.EntityFrameworkCore;
using Reporting.Core.Agencies;
using Reporting.Core.Calendar;
using Reporting.Core.Indicators;
using Reporting.Core.Reports.Workflow;

namespace Reporting.Core.Persistence;

/// <summary>
/// Seeds the configurable reference data on an empty database: rating bands, targets and the
/// working calendar. Each is data an administrator changes later, with its source recorded; the
/// official values of bands and targets are unconfirmed and say so.
/// </summary>
public static class ReferenceDataSeeder
{
    private const string Unconfirmed = "Giá trị khởi tạo, cần xác nhận theo văn bản chính thức của tỉnh";
    private const string LaborCode = "Bộ luật Lao động 2019, Điều 112; thông báo nghỉ lễ hằng năm của Bộ Nội vụ";

    public static async Task SeedAsync(ReportingDbContext db, CancellationToken ct = default)
    {
        var reference = false;
        if (!await db.RatingBands.AnyAsync(ct))
        {
            db.RatingBands.AddRange(
                new RatingBand { Name = "Xuất sắc", MinScore = 90, LegalSource = Unconfirmed },
                new RatingBand { Name = "Tốt", MinScore = 80, LegalSource = Unconfirmed },
                new RatingBand { Name = "Khá", MinScore = 70, LegalSource = Unconfirmed },
                new RatingBand { Name = "Trung bình", MinScore = 50, LegalSource = Unconfirmed },
                new RatingBand { Name = "Yếu", MinScore = 0, LegalSource = Unconfirmed });
        }

        if (!await db.Targets.AnyAsync(ct))
        {
            (string Code, decimal Value)[] defaults =
            [
                ("1.4", 100), ("2.1", 95), ("3.1", 80), ("3.3", 50), ("ONLINE", 60), ("3.5", 80), ("3.5b", 80),
                ("3.6", 50), ("4.1", 80), ("4.2", 80), ("4.3", 80), ("4.4", 50), ("4.5b", 50), ("5.4", 90),
            ];
            foreach (var year in new[] { 2025, 2026, 2027 })
            {
                db.Targets.AddRange(defaults.Select(t => new Target
                {
                    IndicatorCode = t.Code, Year = year, Value = t.Value, HigherIsBetter = true, LegalSource = Unconfirmed,
                }));
                db.Targets.Add(new Target { IndicatorCode = "2.2", Year = year, Value = 5, HigherIsBetter = false, LegalSource = Unconfirmed });
                db.Targets.Add(new Target
                {
                    IndicatorCode = "ONLINE", Year = year, Value = 70, AgencyKind = AgencyKind.Department, LegalSource = Unconfirmed,
                });
            }
        }

        if (!await db.ReportRegimes.AnyAsync(ct))
        {
            db.ReportRegimes.AddRange(RegimeSeeds.All());
        }

        if (!await db.CalendarDays.AnyAsync(ct))
        {
            db.CalendarDays.AddRange(Holidays());
            reference = true;
        }

        if (!await db.Settings.AnyAsync(ct))
        {
            db.Settings.AddRange(
                new Setting { Key = SettingKeys.NearTargetMargin, Value = "10", Note = "Điểm phần trăm dưới chỉ tiêu vẫn hiển thị màu vàng" },
                new Setting { Key = SettingKeys.Bieu06TotalRow, Value = "first", Note = "Dòng Tổng cộng của Biểu 06: first hoặc last" });
        }

        if (!db.ChangeTracker.HasChanges())
        {
            return;
        }

        // Caches of every node are keyed by these versions, bumped with the change (ADR 006).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await DataVersions.BumpAsync(db, reference, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static IEnumerable<CalendarDay> Holidays()
    {
        CalendarDay Off(int y, int m, int d, string name) => new() { Date = new DateOnly(y, m, d), IsWorkingDay = false, Name = name, Source = LaborCode };
        CalendarDay Work(int y, int m, int d, string name) => new() { Date = new DateOnly(y, m, d), IsWorkingDay = true, Name = name, Source = LaborCode };
        IEnumerable<CalendarDay> Range(int y, int m, int from, int to, string name) =>
            Enumerable.Range(from, to - from + 1).Select(d => Off(y, m, d, name));

        // 2025
        yield return Off(2025, 1, 1, "Tết Dương lịch");
        foreach (var d in Range(2025, 1, 27, 31, "Tết Nguyên đán Ất Tỵ")) yield return d;
        yield return Off(2025, 4, 7, "Giỗ Tổ Hùng Vương");
        yield return Off(2025, 4, 30, "Ngày Chiến thắng");
        yield return Off(2025, 5, 1, "Quốc tế Lao động");
        yield return Off(2025, 5, 2, "Nghỉ bù (hoán đổi ngày làm việc)");
        yield return Work(2025, 4, 26, "Làm bù cho ngày 02/05/2025");
        yield return Off(2025, 9, 1, "Quốc khánh");
        yield return Off(2025, 9, 2, "Quốc khánh");

        // 2026
        yield return Off(2026, 1, 1, "Tết Dương lịch");
        yield return Off(2026, 1, 2, "Nghỉ bù (hoán đổi ngày làm việc)");
        yield return Work(2026, 1, 10, "Làm bù cho ngày 02/01/2026");
        foreach (var d in Range(2026, 2, 16, 20, "Tết Nguyên đán Bính Ngọ")) yield return d;
        yield return Off(2026, 4, 27, "Giỗ Tổ Hùng Vương (nghỉ bù)");
        yield return Off(2026, 4, 30, "Ngày Chiến thắng");
        yield return Off(2026, 5, 1, "Quốc tế Lao động");
        yield return Off(2026, 9, 1, "Quốc khánh");
        yield return Off(2026, 9, 2, "Quốc khánh");

        // 2027
        yield return Off(2027, 1, 1, "Tết Dương lịch");
        foreach (var d in Range(2027, 2, 4, 10, "Tết Nguyên đán Đinh Mùi").Where(d => d.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))) yield return d;
        yield return Off(2027, 4, 16, "Giỗ Tổ Hùng Vương");
        yield return Off(2027, 4, 30, "Ngày Chiến thắng");
        yield return Off(2027, 5, 3, "Quốc tế Lao động (nghỉ bù)");
        yield return Off(2027, 9, 2, "Quốc khánh");
        yield return Off(2027, 9, 3, "Quốc khánh");
    }
}
