using System.Globalization;
using System.IO.Compression;
using System.Text;
using MiniExcelLibs;

namespace Reporting.Core.Ingest.Files;

/// <summary>
/// Reads an uploaded CSV or XLSX file of dossiers (spec feeds.md, "Push ingest and files"): a header row
/// of DossierFeed field names, then one dossier per row, list fields as JSON in their cell. The header is
/// checked when the file is opened; the rows are then read one at a time, so a large file is never held
/// in memory. Problems of the whole file throw <see cref="DossierFileException"/> before any row is read.
/// </summary>
public static class DossierFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Opens a seekable stream; the rows are read lazily from it while the caller enumerates.</summary>
    public static IEnumerable<DossierFileRow> Open(Stream stream, string fileName)
    {
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The file stream must be seekable (copy an upload to a temporary file first).", nameof(stream));
        }

        CheckFileName(fileName);
        var zip = StartsWithZipSignature(stream);
        return Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" when zip => throw new DossierFileException("Tệp có đuôi .csv nhưng thực chất là tệp Excel. Hãy đổi đuôi thành .xlsx hoặc lưu lại dưới dạng CSV UTF-8."),
            ".csv" => OpenCsv(stream),
            _ when !zip => throw new DossierFileException("Tệp có đuôi .xlsx nhưng không phải tệp Excel hợp lệ (không đọc được cấu trúc tệp)."),
            _ => OpenXlsx(stream),
        };
    }

    /// <summary>Refuses other file types by name, before their content is transferred.</summary>
    public static void CheckFileName(string fileName)
    {
        if (Path.GetExtension(fileName).ToLowerInvariant() is not (".csv" or ".xlsx"))
        {
            throw new DossierFileException($"Chỉ nhận tệp .csv hoặc .xlsx; tệp '{fileName}' không thuộc hai loại này.");
        }
    }

    private static IEnumerable<DossierFileRow> OpenCsv(Stream stream)
    {
        CheckUtf8Text(stream);
        var (separator, sepLine) = DetectSeparator(stream);
        stream.Position = 0;
        // The byte order mark Excel writes in "CSV UTF-8" files is skipped; the content was checked to be UTF-8 above.
        var text = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var csv = new CsvRecordReader(text, separator);
        if (sepLine)
        {
            csv.Read();
        }

        var header = csv.Read() ?? throw new DossierFileException("Tệp trống: không có dòng tiêu đề nào.");
        var columns = DossierFileHeader.Validate(header.Fields);
        return CsvRows(csv, columns, text);
    }

    private static IEnumerable<DossierFileRow> CsvRows(CsvRecordReader csv, string?[] columns, StreamReader text)
    {
        using var _ = text;
        while (csv.Read() is { } record)
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var problems = new List<QuarantineReason>();
            if (record.Unterminated)
            {
                problems.Add(new QuarantineReason(QuarantineReason.BadValue, null,
                    $"Dòng {record.Line} có ô mở dấu ngoặc kép (\") mà không đóng đến hết tệp."));
            }

            var extra = record.Fields.Skip(columns.Length).Count(f => !string.IsNullOrWhiteSpace(f));
            if (extra > 0)
            {
                problems.Add(new QuarantineReason(QuarantineReason.BadValue, null,
                    $"Dòng {record.Line} có {record.Fields.Count} ô, nhiều hơn {columns.Length} cột của dòng tiêu đề."));
            }

            var cells = new List<(string, object?)>(columns.Length);
            for (var i = 0; i < columns.Length && i < record.Fields.Count; i++)
            {
                if (columns[i] is { } column)
                {
                    cells.Add((column, record.Fields[i]));
                }
            }

            yield return DossierRowBuilder.Build(record.Line, cells, problems);
        }
    }

    private static IEnumerable<DossierFileRow> OpenXlsx(Stream stream)
    {
        IEnumerator<IDictionary<string, object?>> rows;
        IDictionary<string, object?>? first;
        try
        {
            rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>().GetEnumerator();
            first = rows.MoveNext() ? rows.Current : null;
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or System.Xml.XmlException or NotSupportedException)
        {
            throw new DossierFileException($"Không đọc được tệp Excel: tệp hỏng hoặc không phải .xlsx ({e.Message}).");
        }

        if (first is null)
        {
            rows.Dispose();
            throw new DossierFileException("Trang tính đầu tiên của tệp Excel trống: không có dòng tiêu đề nào.");
        }

        var keys = first.Keys.ToList();
        var names = DossierFileHeader.Validate(keys.Select(k => first[k] is { } v ? Convert.ToString(v, CultureInfo.InvariantCulture) : null).ToList());
        var columns = keys.Take(names.Length).Zip(names).Where(p => p.Second is not null).Select(p => (Key: p.First, Name: p.Second!)).ToList();
        return XlsxRows(rows, columns);
    }

    private static IEnumerable<DossierFileRow> XlsxRows(IEnumerator<IDictionary<string, object?>> rows, List<(string Key, string Name)> columns)
    {
        using var _ = rows;
        var known = columns.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);

        // MiniExcel yields every row from A1, blank ones included, so the index gives the row number.
        var rowNumber = 1;
        while (rows.MoveNext())
        {
            rowNumber++;
            var row = rows.Current;
            if (row.Values.All(v => v is null || v is string s && string.IsNullOrWhiteSpace(s)))
            {
                continue;
            }

            var problems = new List<QuarantineReason>();
            var outside = row.Where(p => !known.Contains(p.Key) && p.Value is not null && !(p.Value is string s && string.IsNullOrWhiteSpace(s))).Select(p => p.Key).ToList();
            if (outside.Count > 0)
            {
                problems.Add(new QuarantineReason(QuarantineReason.BadValue, null,
                    $"Dòng {rowNumber} có dữ liệu ở cột không có tiêu đề ({string.Join(", ", outside)})."));
            }

            var cells = columns.Select(c => (c.Name, Normalize(row.TryGetValue(c.Key, out var v) ? v : null))).ToList();
            yield return DossierRowBuilder.Build(rowNumber, cells, problems);
        }
    }

    /// <summary>Numbers come as double whatever MiniExcel chose; dates stay DateTime, text stays text.</summary>
    private static object? Normalize(object? value) => value switch
    {
        decimal m => (double)m,
        int i => (double)i,
        long l => (double)l,
        float f => (double)f,
        _ => value,
    };

    private static bool StartsWithZipSignature(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        stream.Position = 0;
        var read = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /// <summary>The whole file must be UTF-8 text before any row is stored, so a wrongly encoded file is refused whole.</summary>
    private static void CheckUtf8Text(Stream stream)
    {
        var decoder = StrictUtf8.GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[StrictUtf8.GetMaxCharCount(bytes.Length)];
        stream.Position = 0;
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                if (bytes.AsSpan(0, read).Contains((byte)0))
                {
                    throw new DossierFileException("Tệp .csv không phải văn bản UTF-8 (có ký tự NUL; có thể là tệp nhị phân hoặc UTF-16). Trong Excel hãy chọn \"Lưu dưới dạng\" → \"CSV UTF-8 (Comma delimited)\".");
                }

                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            throw new DossierFileException("Tệp .csv không được mã hóa UTF-8 (có thể đã lưu bằng bảng mã Windows-1258 hoặc TCVN3), nên chữ tiếng Việt sẽ bị sai. Trong Excel hãy chọn \"Lưu dưới dạng\" → \"CSV UTF-8 (Comma delimited)\".");
        }
    }

    /// <summary>',' unless the first line says otherwise: Excel's <c>sep=;</c> line, or a header separated by ';' (Vietnamese Excel saves CSV so).</summary>
    private static (char Separator, bool SepLine) DetectSeparator(Stream stream)
    {
        stream.Position = 0;
        using var reader = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 12, leaveOpen: true);
        var line = (reader.ReadLine() ?? "").TrimStart('\uFEFF');
        if (line.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && line.Length == 5)
        {
            return (line[4], true);
        }

        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
        }

        return (semicolons > commas ? ';' : ',', false);
    }
}
