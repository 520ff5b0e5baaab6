namespace Reporting.Core.Access;

/// <summary>The five roles of access.md; the codes are stored with users and keys, the labels are shown.</summary>
public static class Roles
{
    public const string Leader = "leader";
    public const string Preparer = "preparer";
    public const string Head = "head";
    public const string Reviewer = "reviewer";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Leader, Preparer, Head, Reviewer, Admin];

    public static string Label(string role) => role switch
    {
        Leader => "Lãnh đạo",
        Preparer => "Cán bộ lập báo cáo",
        Head => "Thủ trưởng đơn vị",
        Reviewer => "Cán bộ tổng hợp",
        Admin => "Quản trị hệ thống",
        _ => role,
    };
}
