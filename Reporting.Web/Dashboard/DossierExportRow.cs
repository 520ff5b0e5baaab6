using MiniExcelLibs.Attributes;
using Reporting.Core.Indicators;

namespace Reporting.Web.Dashboard;

/// <summary>
/// One row of the dossier list download, in column order. A typed row lets MiniExcel map the columns once (a
/// dictionary per row made it look every cell up by name and type-test every value). Cell types: text, the status a
/// number, the three dates dates, an empty cell for a missing value.
/// </summary>
public sealed class DossierExportRow
{
    [ExcelColumnName("Nguồn")]
    public required string Source { get; init; }

    [ExcelColumnName("Mã hồ sơ")]
    public required string Code { get; init; }

    [ExcelColumnName("Mã TTHC")]
    public required string ProcedureCode { get; init; }

    [ExcelColumnName("Tên TTHC")]
    public string? ProcedureName { get; init; }

    [ExcelColumnName("Mã đơn vị")]
    public required string AgencyCode { get; init; }

    [ExcelColumnName("Đơn vị")]
    public string? AgencyName { get; init; }

    [ExcelColumnName("Kênh")]
    public required string Channel { get; init; }

    [ExcelColumnName("Trạng thái")]
    public int Status { get; init; }

    [ExcelColumnName("Ngày tiếp nhận")]
    public DateTime? ReceivedAt { get; init; }

    [ExcelColumnName("Hạn giải quyết")]
    public DateTime? PromisedAt { get; init; }

    [ExcelColumnName("Ngày kết thúc")]
    public DateTime? EndedAt { get; init; }

    [ExcelColumnName("Thanh toán trực tuyến")]
    public required string PaidOnline { get; init; }

    [ExcelColumnName("Kết quả điện tử")]
    public required string ElectronicResult { get; init; }

    public static DossierExportRow From(DossierListItem d) => new()
    {
        Source = d.Source,
        Code = d.Code,
        ProcedureCode = d.ProcedureCode,
        ProcedureName = d.ProcedureName,
        AgencyCode = d.AgencyCode,
        AgencyName = d.AgencyName,
        Channel = DossierExport.ChannelName(d.Channel),
        Status = d.Status,
        ReceivedAt = d.ReceivedAt,
        PromisedAt = d.PromisedAt,
        EndedAt = d.EndedAt,
        PaidOnline = YesNo(d.PaidOnline),
        ElectronicResult = YesNo(d.ElectronicResult),
    };

    private static string YesNo(bool value) => value ? "Có" : "Không";
}
