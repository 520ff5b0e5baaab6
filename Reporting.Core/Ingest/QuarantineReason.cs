namespace Reporting.Core.Ingest;

/// <summary>Why a record was quarantined: a stable machine code, the field, and a Vietnamese message.</summary>
public sealed record QuarantineReason(string Code, string? Field, string Message)
{
    public const string MissingField = "missing-field";
    public const string UnknownCode = "unknown-code";
    public const string BadDate = "bad-date";
    public const string BadValue = "bad-value";
    public const string EndBeforeReceived = "end-before-received";
    public const string FinishedWithoutEnd = "finished-without-end";
    public const string UnknownAgency = "unknown-agency";
    public const string OutsideKeyScope = "outside-key-scope";
    public const string NotAnObject = "not-an-object";
    public const string TooLong = "too-long";

    public static QuarantineReason Missing(string field) =>
        new(MissingField, field, $"Thiếu trường bắt buộc {field}.");

    public static QuarantineReason Unknown(string field, string value) =>
        new(UnknownCode, field, $"Mã không hợp lệ ở trường {field}: '{value}'.");

    public static QuarantineReason Date(string field, string value) =>
        new(BadDate, field, $"Ngày không đúng định dạng yyyyMMddHHmmss ở trường {field}: '{value}'.");

    /// <summary>A text longer than its column (<see cref="Persistence.ColumnWidths"/>): kept whole in the quarantine, never cut.</summary>
    public static QuarantineReason Long(string field, int length, int max) =>
        new(TooLong, field, $"Trường {field} dài {length:N0} ký tự, vượt độ dài tối đa {max} ký tự.");

    public static QuarantineReason Value(string field, string value) =>
        new(BadValue, field, $"Giá trị không hợp lệ ở trường {field}: '{value}'.");
}
