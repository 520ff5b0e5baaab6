using Reporting.Core.Agencies;
using Reporting.Core.Periods;
using Reporting.Core.Reports.Templates;

namespace Reporting.Core.Reports.Workflow;

/// <summary>
/// The regimes seeded on an empty database (reporting.md): quarterly, 6-month, 9-month and annual
/// reports on administrative procedures, each with Biểu 06 (handling agencies), II.06a (the service
/// centre) and II.07b (the province), cut-off windows, due 2 working days after the window (Khánh
/// Hòa's value), all unconfirmed until an administrator checks their legal basis.
/// </summary>
public static class RegimeSeeds
{
    public const string Unconfirmed = "cần xác nhận căn cứ";

    public static IReadOnlyList<ReportRegime> All() =>
    [
        Regime("tthc-quy", "Báo cáo định kỳ quý về tình hình, kết quả giải quyết TTHC", PeriodKind.Quarter),
        Regime("tthc-6-thang", "Báo cáo định kỳ 6 tháng về tình hình, kết quả giải quyết TTHC", PeriodKind.HalfYear),
        Regime("tthc-9-thang", "Báo cáo định kỳ 9 tháng về tình hình, kết quả giải quyết TTHC", PeriodKind.NineMonths),
        Regime("tthc-nam", "Báo cáo định kỳ năm về tình hình, kết quả giải quyết TTHC", PeriodKind.Year),
    ];

    private static ReportRegime Regime(string code, string name, PeriodKind frequency) => new()
    {
        Code = code,
        Name = name,
        LegalBasis = $"Thông tư 01/2020/TT-VPCP; Nghị định 09/2019/NĐ-CP (thời gian chốt số liệu) — {Unconfirmed}",
        Forms = [.. ReportForms.Codes],
        Frequency = frequency,
        Window = WindowKind.Cutoff,
        DeadlineWorkingDays = 2,
        DeadlineSource = $"2 ngày làm việc sau ngày chốt số liệu, theo quy chế của UBND tỉnh Khánh Hòa — {Unconfirmed}",
        Reporters = [AgencyKind.Department, AgencyKind.ServiceCentre, AgencyKind.Other, AgencyKind.District, AgencyKind.Commune],
        Recipient = "Văn phòng UBND tỉnh",
        Confirmed = false,
    };
}
