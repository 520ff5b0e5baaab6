using System.Text.RegularExpressions;

namespace Reporting.Core.Ingest;

/// <summary>
/// What may name the source of stored dossiers and payments (a collector source, an uploaded file's source):
/// the name is half of a dossier's identity and a path segment of the admin API, so one rule for all.
/// </summary>
public static partial class SourceName
{
    /// <summary>The width of the source columns.</summary>
    public const int MaxLength = Persistence.ColumnWidths.SourceName;

    /// <summary>Why a non-empty <paramref name="name"/> is refused, in Vietnamese, or null when it is valid.</summary>
    public static string? Problem(string name, string example) =>
        name.Length > MaxLength ? $"Tên nguồn dài tối đa {MaxLength} ký tự."
        : !Pattern().IsMatch(name) ? $"Tên nguồn chỉ gồm chữ cái không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới, và bắt đầu bằng chữ hoặc số (ví dụ {example})."
        : null;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex Pattern();
}
