using System.Text.Json.Serialization;

namespace Reporting.Core.Reports.Workflow;

/// <summary>The states of reporting.md's workflow (a returned report is a draft again, with the reason in its history).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReportState>))]
public enum ReportState
{
    [JsonStringEnumMemberName("draft")]
    Draft,

    [JsonStringEnumMemberName("submitted")]
    Submitted,

    [JsonStringEnumMemberName("approved")]
    Approved,

    [JsonStringEnumMemberName("accepted")]
    Accepted,
}

public static class ReportStates
{
    public static string Label(ReportState state) => state switch
    {
        ReportState.Draft => "Đang lập",
        ReportState.Submitted => "Đã gửi, chờ thủ trưởng duyệt",
        ReportState.Approved => "Thủ trưởng đã duyệt, chờ tiếp nhận",
        ReportState.Accepted => "Đã tiếp nhận",
        _ => state.ToString(),
    };

    public static string Code(ReportState state) => state.ToString().ToLowerInvariant();
}
