namespace Reporting.Web.Demo;

/// <summary>Section <c>Demo</c>: the generated demo province (on in Development).</summary>
public sealed class DemoSettings
{
    public const string Section = "Demo";

    /// <summary>Fill an empty database with the demo province at start-up.</summary>
    public bool Enabled { get; set; }

    public int DossierCount { get; set; } = 300_000;

    public int Seed { get; set; } = 20250701;

    /// <summary>Last day of the generated history; default today (Asia/Ho_Chi_Minh).</summary>
    public DateOnly? EndDate { get; set; }

    public int HistoryMonths { get; set; } = 18;
}
