namespace Reporting.Core.Reports.Workflow;

/// <summary>
/// The fixed headings of the outline (đề cương) that goes with the periodic reports on administrative
/// procedures; free text is written under each on screen and exported on a sheet of its own.
/// </summary>
public static class ReportNarrative
{
    public static IReadOnlyList<string> Headings { get; } =
    [
        "1. Tình hình, kết quả triển khai công tác kiểm soát thủ tục hành chính",
        "2. Tồn tại, hạn chế và nguyên nhân",
        "3. Phương hướng, nhiệm vụ trọng tâm kỳ tới",
        "4. Đề xuất, kiến nghị",
    ];
}
