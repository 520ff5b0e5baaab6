using System.Text;
using MiniExcelLibs;

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
}
