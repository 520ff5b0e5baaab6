namespace Reporting.Core.Imports;

/// <summary>How every import reads a text field: blank is absent, the rest trimmed.</summary>
public static class ImportText
{
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
