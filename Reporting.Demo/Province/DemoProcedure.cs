using Reporting.Core.Feeds;

namespace Reporting.Demo.Province;

/// <summary>Where a procedure is handled, before and after the reorganisation of 01/07/2025.</summary>
internal enum ProcedureLevel
{
    /// <summary>Province level (a department).</summary>
    Tinh,
    /// <summary>Commune level, before and after 2025.</summary>
    Xa,
    /// <summary>Commune level since 2025; a district procedure before (huyện → xã).</summary>
    Huyen,
    /// <summary>Both province and commune level (commune part as <see cref="Xa"/>).</summary>
    TinhXa,
    /// <summary>Both province and commune level (commune part as <see cref="Huyen"/>).</summary>
    TinhHuyen,
}

/// <summary>A field (lĩnh vực) of the catalogue and the department that owns it.</summary>
internal sealed class DemoField(string code, string name, string ownerKey, string resultName, string[] components)
{
    public string Code { get; } = code;
    public string Name { get; } = name;
    /// <summary>Key of the owning department (<see cref="DemoAgencyNames.Departments"/>).</summary>
    public string OwnerKey { get; } = ownerKey;
    /// <summary>Default name of the result document.</summary>
    public string ResultName { get; } = resultName;
    /// <summary>Default names of the components an applicant submits.</summary>
    public string[] Components { get; } = components;
    public List<DemoProcedure> Procedures { get; } = [];
}

/// <summary>One procedure (TTHC) of the demo catalogue with what drives its generated dossiers.</summary>
internal sealed class DemoProcedure
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required DemoField Field { get; init; }
    public required ProcedureLevel Level { get; init; }
    /// <summary>Statutory time in working days.</summary>
    public required int Days { get; init; }
    /// <summary>Typical fee in đồng; 0 when the procedure has none.</summary>
    public required int Fee { get; init; }
    /// <summary>Relative popularity (dossiers per agency handling it).</summary>
    public required double Weight { get; init; }
    /// <summary>0 none, 1 partly online, 2 fully online.</summary>
    public required int MucDoDvc { get; init; }
    public required bool HasResult { get; init; }
    /// <summary>Department key when not the field's owner.</summary>
    public string? OwnerKey { get; init; }
    /// <summary>The fee is per page (certified copies).</summary>
    public bool PerPage { get; init; }
    /// <summary>A financial obligation (status 6) is often requested during handling.</summary>
    public bool FinancialObligation { get; init; }
    public required string ResultName { get; init; }
    /// <summary>Names of the components an applicant submits (the field's unless the procedure has its own).</summary>
    public required string[] Components { get; init; }
    /// <summary>False for the retired procedures some dossiers still name (not in the catalogue).</summary>
    public bool InCatalogue { get; init; } = true;

    public bool AtProvince => Level is ProcedureLevel.Tinh or ProcedureLevel.TinhXa or ProcedureLevel.TinhHuyen;
    public bool AtCommune => Level != ProcedureLevel.Tinh;
    /// <summary>Handled by districts before 01/07/2025 (by communes otherwise).</summary>
    public bool AtDistrictBefore2025 => Level is ProcedureLevel.Huyen or ProcedureLevel.TinhHuyen;
    public string EffectiveOwnerKey => OwnerKey ?? Field.OwnerKey;
    public bool CanBeOnline => MucDoDvc >= 1;

    public ProcedureFeedItem ToFeedItem(string ngayCapNhat) => new()
    {
        MaTTHC = Code,
        TenTTHC = Name,
        MaLinhVuc = Field.Code,
        TenLinhVuc = Field.Name,
        CapThucHien = Level switch
        {
            ProcedureLevel.Tinh => ["Tinh"],
            ProcedureLevel.TinhXa or ProcedureLevel.TinhHuyen => ["Tinh", "Xa"],
            _ => ["Xa"],
        },
        MucDoDVC = MucDoDvc,
        DuDieuKienToanTrinh = MucDoDvc == 2,
        CoPhiLePhi = Fee > 0,
        CoKetQua = HasResult,
        ThoiHanGiaiQuyet = Days,
        NgayCapNhat = ngayCapNhat,
    };
}
