namespace Reporting.Core.Dossiers;

/// <summary>TrangThaiHoSo codes as used by DVCQG (spec dossiers.md).</summary>
public static class DossierStatus
{
    public const int Submitted = 1;
    public const int Received = 2;
    public const int Refused = 3;
    public const int InProgress = 4;
    public const int WaitingSupplement = 5;
    public const int WaitingPayment = 6;
    public const int Withdrawn = 7;
    public const int Stopped = 8;
    public const int Processed = 9;
    public const int Returned = 10;

    public static bool IsKnown(int status) => status is >= 1 and <= 10;

    /// <summary>Statuses 1 and 3 are counted nowhere (3 is shown separately).</summary>
    public static bool IsCounted(int status) => status is 2 or (>= 4 and <= 10);

    public static bool IsFinished(int status) => status is >= 7 and <= 10;

    public static bool IsProcessed(int status) => status is 9 or 10;
}

public static class Channel
{
    public const int InPerson = 1;
    public const int Online = 2;
    public const int Postal = 3;
}
