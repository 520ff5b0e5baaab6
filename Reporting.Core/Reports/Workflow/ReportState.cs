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

    /// <summary>The province's consolidated report, in the outbox or being delivered to the national system.</summary>
    [JsonStringEnumMemberName("sending")]
    Sending,

    /// <summary>The national system answered with a receipt.</summary>
    [JsonStringEnumMemberName("received")]
    Received,

    /// <summary>The national system refused it (4xx) with a reason.</summary>
    [JsonStringEnumMemberName("rejected")]
    Rejected,

    /// <summary>No answer until <c>National:GiveUpAfterHours</c>; the reviewer may retry.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}

public static class ReportStates
{
    public static string Label(ReportState state) => state switch
    {
        ReportState.Draft => "Đang lập",
        ReportState.Submitted => "Đã gửi, chờ thủ trưởng duyệt",
        ReportState.Approved => "Thủ trưởng đã duyệt, chờ tiếp nhận",
        ReportState.Accepted => "Đã tiếp nhận",
        ReportState.Sending => "Đang gửi lên hệ thống quốc gia",
        ReportState.Received => "Hệ thống quốc gia đã nhận",
        ReportState.Rejected => "Hệ thống quốc gia từ chối",
        ReportState.Failed => "Gửi lên hệ thống quốc gia không thành công",
        _ => state.ToString(),
    };

    public static string Code(ReportState state) => state.ToString().ToLowerInvariant();
}
