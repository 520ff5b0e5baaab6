namespace Reporting.Demo.Province;

/// <summary>Settings of the generated demo province (<see cref="DemoProvince.Build"/>).</summary>
public sealed class DemoOptions
{
    /// <summary>Seed of every random choice: the same options give byte-identical output.</summary>
    public int Seed { get; set; } = 20250701;

    /// <summary>Dossiers submitted over the history (exactly this many lifecycles).</summary>
    public int DossierCount { get; set; } = 300_000;

    /// <summary>The generation's "today": the last day of the history; <c>Dossiers()</c> shows the end of this day.</summary>
    public DateOnly EndDate { get; set; } = new(2025, 12, 31);

    /// <summary>Months of history before <see cref="EndDate"/>.</summary>
    public int HistoryMonths { get; set; } = 18;

    /// <summary>Payments in the payment feed whose <c>MaHoSo</c> matches no dossier.</summary>
    public int UnmatchedPaymentCount { get; set; } = 6;

    internal void Validate()
    {
        if (DossierCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(DossierCount), DossierCount, "Số hồ sơ không được âm.");
        }
        if (HistoryMonths is < 1 or > 120)
        {
            throw new ArgumentOutOfRangeException(nameof(HistoryMonths), HistoryMonths, "Số tháng lịch sử phải từ 1 đến 120.");
        }
        if (UnmatchedPaymentCount is < 0 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(UnmatchedPaymentCount), UnmatchedPaymentCount, "Số giao dịch không khớp phải từ 0 đến 1000.");
        }
    }
}
