namespace Reporting.Core.Persistence;

/// <summary>
/// The widths of the text columns that outside input fills, in one place: the EF configurations declare the
/// columns with these, and every check of input (ingest, imports, collector sources) reads them from here, so
/// a value the checks accept always fits its column on both providers. Changing one is a migration.
/// </summary>
public static class ColumnWidths
{
    /// <summary>The source of a dossier or payment, a collector source's name, a quarantined record's source.</summary>
    public const int SourceName = 64;

    /// <summary>An agency code (<c>MaDonVi</c>) wherever it is stored.</summary>
    public const int AgencyCode = 64;
    public const int AgencyName = 300;
    public const int AdminUnitCode = 10;

    /// <summary>A dossier code (<c>MaHoSo</c>), also a payment's dossier code and a quarantined record's key.</summary>
    public const int DossierCode = 64;

    /// <summary>A national procedure code (<c>MaTTHC</c>).</summary>
    public const int ProcedureCode = 32;
    public const int ProcedureName = 1000;
    public const int FieldCode = 64;
    public const int FieldName = 300;

    /// <summary>A payment's transaction code (<c>MaGiaoDich</c>).</summary>
    public const int TransactionCode = 64;
    public const int PaymentState = 16;

    public const int CollectorBaseUrl = 500;
    public const int CollectorCron = 120;

    /// <summary>The stored (encrypted) key of a collector source: a Data Protection payload is longer than the key it protects.</summary>
    public const int CollectorApiKey = 2000;
}
