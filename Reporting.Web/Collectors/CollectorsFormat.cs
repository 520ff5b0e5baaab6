using MudBlazor;
using Reporting.Core.Collectors;
using Reporting.Core.Ingest;
using Reporting.Web.Dashboard;

namespace Reporting.Web.Collectors;

/// <summary>Vietnamese names and vi-VN formatting for the collectors page.</summary>
public static class CollectorsFormat
{
    public static string Kind(string kind) => kind switch
    {
        nameof(CollectorKind.DossierFeed) => "Hồ sơ",
        nameof(CollectorKind.PaymentFeed) => "Thanh toán",
        nameof(CollectorKind.ProcedureCatalog) => "Danh mục thủ tục",
        _ => kind,
    };

    /// <summary>The state of a source: text, icon and colour.</summary>
    public static (string Text, string Icon, Color Color) State(CollectorsApi.SourceDto source) => source.Paused
        ? ("Tạm dừng", Icons.Material.Filled.PauseCircle, Color.Default)
        : source.State switch
        {
            nameof(CollectorSourceState.Ok) => ("Hoạt động bình thường", Icons.Material.Filled.CheckCircle, Color.Success),
            nameof(CollectorSourceState.Failing) => ("Đang lỗi", Icons.Material.Filled.Error, Color.Error),
            nameof(CollectorSourceState.Misconfigured) => ("Sai cấu hình (địa chỉ hoặc khóa)", Icons.Material.Filled.VpnKeyOff, Color.Warning),
            _ => (source.State, Icons.Material.Filled.Help, Color.Default),
        };

    public static string RunStatus(string status) => status switch
    {
        nameof(CollectorRunStatus.Running) => "Đang chạy",
        nameof(CollectorRunStatus.Succeeded) => "Thành công",
        nameof(CollectorRunStatus.Failed) => "Thất bại",
        nameof(CollectorRunStatus.Misconfigured) => "Bị từ chối khóa",
        nameof(CollectorRunStatus.Cancelled) => "Đã hủy",
        _ => status,
    };

    public static string QuarantineStateName(QuarantineState state) => state switch
    {
        QuarantineState.Pending => "Chờ xử lý",
        QuarantineState.Reprocessed => "Đã xử lý lại",
        QuarantineState.Superseded => "Đã có bản mới hơn",
        _ => state.ToString(),
    };

    /// <summary>"21–40 / 1.234 hồ sơ": the rows of a page of a table.</summary>
    public static string Range(int skip, int count, int total, string noun)
    {
        var first = total == 0 ? 0 : skip + 1;
        return $"{DashboardFormat.Count(first)}–{DashboardFormat.Count(first - 1 + count)} / {DashboardFormat.Count(total)} {noun}";
    }

    /// <summary>"1.250.000 đ".</summary>
    public static string Money(decimal amount) => amount.ToString("N0", DashboardFormat.Vi) + " đ";

    /// <summary>The payment platform's state (TrangThai) in words.</summary>
    public static string PaymentState(string state) => state switch
    {
        Payment.Succeeded => "Thành công",
        Payment.Failed => "Thất bại",
        Payment.Refunded => "Hoàn tiền",
        _ => state,
    };

    /// <summary>"12,3 giây", "2 phút 05 giây", or "đang chạy".</summary>
    public static string Duration(CollectorsApi.RunDto run)
    {
        if (run.EndedAt is not { } end)
        {
            return "đang chạy";
        }

        var d = end - run.StartedAt;
        if (d < TimeSpan.Zero) d = TimeSpan.Zero;
        return d.TotalMinutes < 1
            ? d.TotalSeconds.ToString("0.#", DashboardFormat.Vi) + " giây"
            : $"{(int)d.TotalMinutes} phút {d.Seconds:00} giây";
    }

    /// <summary>Start, duration and result of a run.</summary>
    public static string RunHead(CollectorsApi.RunDto run) =>
        $"{DashboardFormat.DateTime(run.StartedAt)} · {Duration(run)} · {RunStatus(run.Status)}";

    /// <summary>What a run read and did with it.</summary>
    public static string RunCounts(CollectorsApi.RunDto run) =>
        $"đọc {DashboardFormat.Count(run.Read)} / lưu {DashboardFormat.Count(run.Stored)} / không đổi {DashboardFormat.Count(run.Unchanged)} / " +
        $"cũ {DashboardFormat.Count(run.Stale)} / cách ly {DashboardFormat.Count(run.Quarantined)}";
}
