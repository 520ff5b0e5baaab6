namespace Reporting.Core.Imports;

/// <summary>
/// The outcome of replacing reference data (the agency tree or the procedure catalogue) with a posted
/// document: either applied whole, with counts, or refused whole, with every reason.
/// </summary>
public sealed record ImportResult(
    bool Succeeded,
    IReadOnlyList<ImportReason> Reasons,
    ImportCounts Counts,
    IReadOnlySet<string> ChangedProcedureCodes)
{
    /// <summary>Dossiers whose facts the import re-derived in its transaction (catalogue imports).</summary>
    public int DossiersRecomputed { get; init; }

    /// <summary>Quarantined records tried again after the import (tree imports: those refused for an unknown agency), and how many were stored.</summary>
    public int QuarantineReprocessed { get; init; }

    public int QuarantineAccepted { get; init; }

    private static readonly IReadOnlySet<string> NoCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public static ImportResult Refused(IReadOnlyList<ImportReason> reasons) => new(false, reasons, ImportCounts.None, NoCodes);

    public static ImportResult Applied(ImportCounts counts, IReadOnlySet<string>? changedProcedureCodes = null) =>
        new(true, [], counts, changedProcedureCodes ?? NoCodes);
}

/// <summary>
/// Rows added, updated (a field changed), unchanged, ended (absent from the document but kept because
/// stored data refers to them) and deleted (absent and unreferenced).
/// </summary>
public sealed record ImportCounts(int Added, int Updated, int Unchanged, int Ended, int Deleted)
{
    public static ImportCounts None { get; } = new(0, 0, 0, 0, 0);
}

/// <summary>
/// Why a document was refused: the item (0-based index in the document and its code, when the reason
/// belongs to one item), the field, a stable machine code and a Vietnamese message.
/// </summary>
public sealed record ImportReason(int? Index, string? Code, string? Field, string ReasonCode, string Message)
{
    public const string EmptyDocument = "empty-document";
    public const string MissingField = "missing-field";
    public const string TooLong = "too-long";
    public const string UnknownKind = "unknown-kind";
    public const string BadDate = "bad-date";
    public const string BadValue = "bad-value";
    public const string EndBeforeStart = "end-before-start";
    public const string BadAdminUnitCode = "bad-admin-unit-code";
    public const string DuplicateCode = "duplicate-code";
    public const string OverlappingValidity = "overlapping-validity";
    public const string UnknownParent = "unknown-parent";
    public const string Cycle = "cycle";
    public const string MultipleRoots = "multiple-roots";
    public const string UnknownSuccessor = "unknown-successor";
    public const string DuplicateSuccessor = "duplicate-successor";
    public const string SelfSuccessor = "self-successor";
    public const string PrimarySuccessor = "primary-successor";

    /// <summary>A stored agency the document leaves out must be kept (data refers to it) but would overlap a document item of its code.</summary>
    public const string RetainedOverlap = "retained-overlap";

    public static ImportReason Missing(int index, string? code, string field) =>
        new(index, code, field, MissingField, $"Thiếu trường bắt buộc {field}.");

    public static ImportReason Long(int index, string? code, string field, int max) =>
        new(index, code, field, TooLong, $"Trường {field} dài quá {max} ký tự.");
}
