namespace Reporting.Core.Audit;

/// <summary>The audited actions of access.md, as stored codes with their Vietnamese labels.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string UserCreated = "user-created";
    public const string UserChanged = "user-changed";
    public const string PasswordReset = "password-reset";
    public const string KeyCreated = "key-created";
    public const string KeyRevoked = "key-revoked";
    public const string SourceSaved = "source-saved";
    public const string RunStarted = "run-started";
    public const string SourcePaused = "source-paused";
    public const string SourceResumed = "source-resumed";
    public const string Upload = "upload";
    public const string QuarantineReprocessed = "quarantine-reprocessed";
    public const string TreeImported = "tree-imported";
    public const string CatalogueImported = "catalogue-imported";
    public const string TargetChanged = "target-changed";
    public const string RegimeChanged = "regime-changed";
    public const string ReportTransition = "report-transition";

    public static IReadOnlyList<string> All { get; } =
    [
        SignIn, SignInFailed, SignOut, UserCreated, UserChanged, PasswordReset, KeyCreated, KeyRevoked, SourceSaved, RunStarted,
        SourcePaused, SourceResumed, Upload, QuarantineReprocessed, TreeImported, CatalogueImported, TargetChanged, RegimeChanged, ReportTransition,
    ];

    public static string Label(string action) => action switch
    {
        SignIn => "Đăng nhập",
        SignInFailed => "Đăng nhập không thành công",
        SignOut => "Đăng xuất",
        UserCreated => "Tạo người dùng",
        UserChanged => "Sửa người dùng",
        PasswordReset => "Đặt lại mật khẩu",
        KeyCreated => "Tạo khóa API",
        KeyRevoked => "Thu hồi khóa API",
        SourceSaved => "Lưu nguồn thu thập",
        RunStarted => "Chạy thu thập thủ công",
        SourcePaused => "Tạm dừng nguồn",
        SourceResumed => "Tiếp tục nguồn",
        Upload => "Tải lên tệp hồ sơ",
        QuarantineReprocessed => "Xử lý lại bản ghi cách ly",
        TreeImported => "Nhập cây đơn vị",
        CatalogueImported => "Nhập danh mục thủ tục",
        TargetChanged => "Sửa chỉ tiêu",
        RegimeChanged => "Sửa chế độ báo cáo",
        ReportTransition => "Chuyển trạng thái báo cáo",
        _ => action,
    };
}
