using System.Globalization;
using Reporting.Core.Reports.Templates;
using Reporting.Core.Reports.Workflow;

namespace Reporting.Web.Reports.Pages;

/// <summary>How the report pages write states, dates, numbers and lateness (vi-VN).</summary>
public static class ReportFormat
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Number(int value) => value.ToString("N0", Vi);

    public static string Number(int? value) => value is { } v ? Number(v) : "—";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "—";

    public static string Time(DateTimeOffset at) => at.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"Biểu 06", "Biểu II.06a", "Biểu II.07b": the sheet names are the short names people use.</summary>
    public static string Form(string code) => ReportForms.For(code, new Core.Periods.DateWindow(ReportForms.DistrictsAbolished, ReportForms.DistrictsAbolished))?.SheetName ?? code;

    /// <summary>A state's text; a returned draft says so (colour is never the only cue).</summary>
    public static string State(ReportState state, bool returned) => returned ? "Bị trả lại, đang sửa" : ReportStates.Label(state);

    /// <summary>The CSS class of a state's colour in the grid and the chips.</summary>
    public static string StateCss(ReportState? state, bool returned) => state switch
    {
        null => "report-state-none",
        ReportState.Draft when returned => "report-state-returned",
        { } s => "report-state-" + ReportStates.Code(s),
    };

    /// <summary>"Trễ 3 ngày làm việc", "Nộp đúng hạn", "Chưa đến hạn".</summary>
    public static string Lateness(ReportInstanceSummary s) => s.LateWorkingDays > 0
        ? $"Trễ {s.LateWorkingDays} ngày làm việc"
        : s.SubmittedOn is null ? "Chưa đến hạn" : "Nộp đúng hạn";

    public static string Action(string code) => code switch
    {
        ReportWorkflow.Created => "Tạo báo cáo",
        ReportWorkflow.CellsChanged => "Sửa số liệu",
        ReportWorkflow.Uploaded => "Nhận tệp Excel",
        ReportWorkflow.NarrativeChanged => "Sửa đề cương",
        _ => ReportActions.Find(code)?.Label ?? code,
    };
}
