using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using Reporting.Core.Feeds;
using Reporting.Core.Ingest.Files;

namespace Reporting.Tests.Ingest;

/// <summary>Builds upload files in memory: CSV text in UTF-8 (with or without BOM) and XLSX written by MiniExcel.</summary>
public static class DossierFiles
{
    public static MemoryStream Csv(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new MemoryStream(bom ? [.. Encoding.UTF8.GetPreamble(), .. bytes] : bytes);
    }

    /// <summary>An XLSX whose first row is the keys of the first dictionary; null values leave the cell empty.</summary>
    public static MemoryStream Xlsx(IEnumerable<IDictionary<string, object?>> rows)
    {
        var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows.Select(r => (IDictionary<string, object>)r.ToDictionary(p => p.Key, p => p.Value!)).ToList(), excelType: ExcelType.XLSX);
        stream.Position = 0;
        return stream;
    }

    /// <summary>Records as a CSV file: one column per field seen, list fields as JSON in their cell, RFC 4180 quoting.</summary>
    public static MemoryStream CsvOf(IReadOnlyList<JsonObject> records, char separator = ',')
    {
        var columns = Columns(records);
        var text = new StringBuilder();
        text.AppendJoin(separator, columns).Append("\r\n");
        foreach (var record in records)
        {
            text.AppendJoin(separator, columns.Select(c => DossierFileTemplate.CsvCell(Cell(record[c]), separator))).Append("\r\n");
        }

        return Csv(text.ToString(), bom: true);
    }

    /// <summary>Records as an XLSX file; valid dates become date cells when <paramref name="dateCells"/> is set, numbers stay numbers.</summary>
    public static MemoryStream XlsxOf(IReadOnlyList<JsonObject> records, bool dateCells)
    {
        var columns = Columns(records);
        return Xlsx(records.Select(r => (IDictionary<string, object?>)columns.ToDictionary(c => c, c => XlsxCell(c, r[c], dateCells))));
    }

    private static List<string> Columns(IReadOnlyList<JsonObject> records) =>
        records.SelectMany(r => r.Select(p => p.Key)).Distinct().ToList();

    private static string Cell(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(Readable),
    };

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static object? XlsxCell(string column, JsonNode? node, bool dateCells)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            return double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
        }

        var text = Cell(node);
        return dateCells && column.StartsWith("Ngay", StringComparison.Ordinal) && FeedDates.TryParse(text, out var at) ? at : text;
    }
}
