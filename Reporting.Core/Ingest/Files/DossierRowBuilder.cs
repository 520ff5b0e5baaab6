using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Reporting.Core.Feeds;

namespace Reporting.Core.Ingest.Files;

/// <summary>
/// Turns the cells of one uploaded row into the JSON record a feed would send, so the record reader
/// judges it exactly as it judges pushed and collected records. Nothing is coerced: a value that does
/// not fit its field is passed on as it was and the record reader quarantines it with its reason.
/// </summary>
internal static class DossierRowBuilder
{
    // Vietnamese text stays readable in the quarantined raw row.
    private static readonly JsonWriterOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A row of the file; <paramref name="cells"/> holds the columns in file order (null or blank = absent).</summary>
    public static DossierFileRow Build(int rowNumber, IReadOnlyList<(string Column, object? Value)> cells, IReadOnlyList<QuarantineReason> rowProblems)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        var reasons = new List<QuarantineReason>(rowProblems);
        List<(string Column, string Text)>? broken = null;
        using (var w = new Utf8JsonWriter(buffer, Readable))
        {
            w.WriteStartObject();
            foreach (var (column, value) in cells)
            {
                if (value is null || value is string blank && string.IsNullOrWhiteSpace(blank))
                {
                    continue;
                }

                var kind = DossierFileColumns.All[column];
                if (kind == DossierColumnKind.List && value is string text)
                {
                    if (!TryWriteJson(w, column, text, out var error))
                    {
                        (broken ??= []).Add((column, text));
                        reasons.Add(new QuarantineReason(QuarantineReason.BadValue, column,
                            $"Ô {column} ở dòng {rowNumber} không phải JSON hợp lệ ({error}): '{Shorten(text)}'."));
                    }

                    continue;
                }

                w.WritePropertyName(column);
                WriteValue(w, kind, value);
            }

            w.WriteEndObject();
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        var json = JsonElement.ParseValue(ref reader);
        return new DossierFileRow(rowNumber, new IngestRecord(json) { PriorReasons = reasons, RawText = () => Raw(rowNumber, json, broken) });
    }

    /// <summary>What the quarantine keeps: the row number, the record, and any cell that was not JSON as the text uploaded.</summary>
    private static string Raw(int rowNumber, JsonElement json, List<(string Column, string Text)>? broken)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, Readable))
        {
            w.WriteStartObject();
            w.WriteNumber(DossierFileColumns.RowNumberProperty, rowNumber);
            foreach (var property in json.EnumerateObject())
            {
                property.WriteTo(w);
            }

            foreach (var (column, text) in broken ?? [])
            {
                w.WriteString(column, text);
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteValue(Utf8JsonWriter w, DossierColumnKind kind, object value)
    {
        switch (kind, value)
        {
            case (DossierColumnKind.Integer, string s) when long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n):
                w.WriteNumberValue(n);
                break;
            case (DossierColumnKind.Integer, double d) when IsWhole(d):
                w.WriteNumberValue((long)d);
                break;
            case (DossierColumnKind.Integer or DossierColumnKind.List, double d):
                w.WriteNumberValue(d);
                break;
            case (DossierColumnKind.Date, DateTime at):
                w.WriteStringValue(FeedDates.Format14(at));
                break;
            case (_, DateTime at):
                w.WriteStringValue(at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                break;
            default:
                w.WriteStringValue(Text(value));
                break;
        }
    }

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

    private static bool TryWriteJson(Utf8JsonWriter w, string column, string text, out string error)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            error = e.LineNumber is { } line ? $"lỗi ở dòng {line + 1}, vị trí {e.BytePositionInLine + 1}" : "cú pháp sai";
            return false;
        }

        using (document)
        {
            w.WritePropertyName(column);
            document.RootElement.WriteTo(w);
        }

        error = "";
        return true;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}

/// <summary>One data row of an uploaded file, numbered as a spreadsheet or a text editor shows it.</summary>
public sealed record DossierFileRow(int RowNumber, IngestRecord Record);
