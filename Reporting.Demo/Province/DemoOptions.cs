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

    /// <summary>
    /// Keep the generated history in memory once built (tests and the one-off demo load read it many times).
    /// False for a long-running simulator: it keeps only the dossiers that still change after the end of the
    /// history (<see cref="DemoProvince.Tail"/>) and regenerates the history for the rare read from before it.
    /// </summary>
    public bool KeepHistory { get; set; } = true;

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
