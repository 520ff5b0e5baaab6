namespace Reporting.Core.Ingest.Files;

/// <summary>A quarantined row of an uploaded file: its row number, dossier code (when readable) and reasons.</summary>
public sealed record QuarantinedRow(int RowNumber, string? Key, IReadOnlyList<QuarantineReason> Reasons);

/// <summary>How far an upload has gone: rows read and stored so far, and the share of the file read (0 to 1).</summary>
public sealed record DossierFileProgress(int Rows, double Fraction);

/// <summary>
/// The outcome of an uploaded file. <see cref="Error"/> set with <see cref="Rows"/> = 0 means the file was
/// refused whole and nothing was stored; set with rows means reading stopped part-way and the rows counted
/// before it were stored.
/// </summary>
public sealed record DossierFileImport(
    string Source, int Rows, int Stored, int Unchanged, int Stale, int Quarantined,
    IReadOnlyList<QuarantinedRow> FirstQuarantined, string? Error)
{
    public static DossierFileImport Refused(string source, string error) => new(source, 0, 0, 0, 0, 0, [], error);
}
