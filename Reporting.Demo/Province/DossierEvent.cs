namespace Reporting.Demo.Province;

/// <summary>What happens to a dossier in its lifecycle.</summary>
public enum DossierEventKind
{
    /// <summary>The applicant submits (<c>NgayNopHoSo</c>; status 1 until received).</summary>
    Submitted,
    /// <summary>Received (<c>NgayTiepNhan</c>; status 2).</summary>
    Received,
    /// <summary>Refused at reception (<c>NgayTuChoi</c>; status 3, final).</summary>
    Refused,
    /// <summary>Paid online (<c>DuocThanhToanTrucTuyen</c> appears).</summary>
    PaidOnline,
    /// <summary>Handling started (status 4).</summary>
    ProcessingStarted,
    /// <summary>The agency asks for a supplement (status 5; <c>NgayYeuCau</c>).</summary>
    SupplementRequested,
    /// <summary>The applicant supplies it (<c>NgayBoSung</c>; the promised date moves).</summary>
    SupplementProvided,
    /// <summary>A financial obligation is requested (status 6).</summary>
    FinancialObligationRequested,
    /// <summary>The financial obligation is fulfilled (back to status 4).</summary>
    FinancialObligationFulfilled,
    /// <summary>The applicant withdraws the dossier (status 7, final).</summary>
    Withdrawn,
    /// <summary>Handling stopped (status 8, final).</summary>
    Stopped,
    /// <summary>Handling finished (<c>NgayKetThucXuLy</c>; status 9).</summary>
    Processed,
    /// <summary>Result returned (<c>NgayTra</c>; status 10, final).</summary>
    Returned,
}

/// <summary>One event of a dossier's lifecycle, at a local instant.</summary>
public readonly record struct DossierEvent(DateTime At, DossierEventKind Kind);
