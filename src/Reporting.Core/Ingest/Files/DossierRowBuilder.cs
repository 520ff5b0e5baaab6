using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reporting.Core.Feeds;

namespace Reporting.Core.Ingest.Files;

/// <summary>
/// Turns the cells of one uploaded row into the JSON record a feed would send, so the record reader
/// judges it exactly as it judges pushed and collected records. Nothing is coerced: a value that does
/// not fit its field is passed on as it was and the record reader quarantines it with its reason.
/// </summary>
internal static class DossierRowBuilder
{
    /// <summary>A row of the file; <paramref name="cells"/> holds the columns in file order (null or blank = absent).</summary>
    public static DossierFileRow Build(int rowNumber, IReadOnlyList<(string Column, object? Value)> cells, IReadOnlyList<QuarantineReason> rowProblems)
    {
        var record = new JsonObject();
        var raw = new JsonObject { [DossierFileColumns.RowNumberProperty] = rowNumber };
        var reasons = new List<QuarantineReason>(rowProblems);
        foreach (var (column, value) in cells)
        {
            if (value is null || value is string s && string.IsNullOrWhiteSpace(s))
            {
                continue;
            }

            var kind = DossierFileColumns.All[column];
            if (kind == DossierColumnKind.List && value is string text)
            {
                raw[column] = text;
                if (TryParseJson(text, out var list, out var error))
                {
                    record[column] = list;
                }
                else
                {
                    reasons.Add(new QuarantineReason(QuarantineReason.BadValue, column,
                        $"Ô {column} ở dòng {rowNumber} không phải JSON hợp lệ ({error}): '{Shorten(text)}'."));
                }

                continue;
            }

            var node = Convert(kind, value);
            record[column] = node;
            raw[column] = node?.DeepClone();
        }

        var json = JsonSerializer.SerializeToElement(record);
        return new DossierFileRow(rowNumber, new IngestRecord(json) { PriorReasons = reasons, RawText = raw.ToJsonString(RawOptions) });
    }

    private static readonly JsonSerializerOptions RawOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonNode? Convert(DossierColumnKind kind, object value) => (kind, value) switch
    {
        (DossierColumnKind.Integer, string s) when long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        (DossierColumnKind.Integer, double d) when IsWhole(d) => JsonValue.Create((long)d),
        (DossierColumnKind.Integer, double d) => JsonValue.Create(d),
        (DossierColumnKind.Integer or DossierColumnKind.List, decimal m) => JsonValue.Create(m),
        (DossierColumnKind.Date, DateTime at) => JsonValue.Create(FeedDates.Format14(at)),
        (_, DateTime at) => JsonValue.Create(at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(Text(value)),
    };

    /// <summary>A number typed into a text or date cell is its digits (20260302080000, 12345), never 2.026E+13.</summary>
    private static string Text(object value) => value switch
    {
        string s => s,
        double d when IsWhole(d) => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool IsWhole(double d) => Math.Abs(d) < 9e15 && d == Math.Floor(d);

    private static bool TryParseJson(string text, out JsonNode? node, out string error)
    {
        try
        {
            node = JsonNode.Parse(text);
            error = "";
            return true;
        }
        catch (JsonException e)
        {
            node = null;
            error = e.LineNumber is { } line ? $"lỗi ở dòng {line + 1}, vị trí {e.BytePositionInLine + 1}" : "cú pháp sai";
            return false;
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}

/// <summary>One data row of an uploaded file, numbered as a spreadsheet or a text editor shows it.</summary>
public sealed record DossierFileRow(int RowNumber, IngestRecord Record);
