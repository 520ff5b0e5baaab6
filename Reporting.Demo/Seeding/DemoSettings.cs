using Microsoft.Extensions.Options;
using Reporting.Core.Periods;
using Reporting.Demo.Province;

namespace Reporting.Demo.Seeding;

/// <summary>Section <c>Demo</c>: the generated demo province (on in Development).</summary>
public sealed class DemoSettings
{
    public const string Section = "Demo";

    /// <summary>Fill an empty database with the demo province at start-up.</summary>
    public bool Enabled { get; set; }

    public int DossierCount { get; set; } = 300_000;

    public int Seed { get; set; } = 20250701;

    /// <summary>
    /// Last day of the generated history; default yesterday (Asia/Ho_Chi_Minh), so the history ends at the last
    /// midnight and nothing loaded carries a date after the server's clock. Today or later is refused at start.
    /// </summary>
    public DateOnly? EndDate { get; set; }

    public int HistoryMonths { get; set; } = 18;

    /// <summary>The generator's options: the one place the default end date is decided (loader and simulators).</summary>
    public DemoOptions ToOptions(TimeProvider clock) => new()
    {
        Seed = Seed,
        DossierCount = DossierCount,
        EndDate = EndDate ?? VietnamTime.Today(clock).AddDays(-1),
        HistoryMonths = HistoryMonths,
    };
}

/// <summary>
/// A history ending today or later would show dossiers received on days that have not come: refused at start
/// with the reason (the generator shows the end of its last day).
/// </summary>
internal sealed class DemoSettingsValidator(TimeProvider clock) : IValidateOptions<DemoSettings>
{
    public ValidateOptionsResult Validate(string? name, DemoSettings options)
    {
        var today = VietnamTime.Today(clock);
        return options.EndDate is { } end && end >= today
            ? ValidateOptionsResult.Fail(
                $"Demo:EndDate ({end:dd/MM/yyyy}) phải trước ngày hôm nay ({today:dd/MM/yyyy}): dữ liệu mô phỏng không được mang ngày sau đồng hồ của máy chủ. Bỏ trống để lấy ngày hôm qua.")
            : ValidateOptionsResult.Success;
    }
}
