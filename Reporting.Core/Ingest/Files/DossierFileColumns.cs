using System.Reflection;
using System.Text.Json.Serialization;
using Reporting.Core.Feeds;

namespace Reporting.Core.Ingest.Files;

/// <summary>How a cell of an uploaded dossier file becomes a JSON value of the DossierFeed record.</summary>
public enum DossierColumnKind
{
    Text,
    Integer,
    Date,
    List,
}

/// <summary>The DossierFeed fields (spec feeds.md) an uploaded file may hold as columns, named exactly as the feed names them.</summary>
public static class DossierFileColumns
{
    /// <summary>
    /// The fields of <see cref="DossierFeedItem"/>, in its order (the template's column order): integers and lists
    /// by their type; of the text fields, the feed's dates are those named <c>Ngay…</c> (feeds.md).
    /// </summary>
    public static IReadOnlyDictionary<string, DossierColumnKind> All { get; } = typeof(DossierFeedItem).GetProperties()
        .Select(p => (Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name, p.PropertyType))
        .ToDictionary(f => f.Name, f => KindOf(f.Name, f.PropertyType), StringComparer.Ordinal);

    /// <summary>Required in every record whatever its status (NgayTiepNhan depends on the status, so a row may leave it empty).</summary>
    public static IReadOnlyList<string> Required { get; } = ["MaHoSo", "MaTTHC", "MaDonVi", "TrangThaiHoSo", "NgayCapNhat"];

    /// <summary>The property of the quarantined raw row that holds its row number in the file.</summary>
    public const string RowNumberProperty = "_Dong";

    private static DossierColumnKind KindOf(string name, Type type) =>
        type == typeof(int?) ? DossierColumnKind.Integer
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? DossierColumnKind.List
        : type != typeof(string) ? throw new InvalidOperationException($"No file column kind for the feed field {name} of type {type.Name}.")
        : name.StartsWith("Ngay", StringComparison.Ordinal) ? DossierColumnKind.Date
        : DossierColumnKind.Text;
}
