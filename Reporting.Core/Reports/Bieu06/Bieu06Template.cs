using Reporting.Core.Reports.Templates;

namespace Reporting.Core.Reports.Bieu06;

/// <summary>
/// Names the Biểu 06 calculator uses for its rows. The form itself (texts, header tree, columns,
/// identities) is <see cref="ReportForms.Results"/>; the texts below are read from it, never retyped.
/// </summary>
public static class Bieu06Template
{
    /// <summary>The form's code in the API and file names.</summary>
    public const string FormCode = ReportForms.Bieu06;

    public static ReportTemplate Form => ReportForms.Results;

    public static string FormNumber => Form.FormNumber;
    public static string SheetName => Form.SheetName;
    public static string LegalBasis => Form.LegalBasis;
    public static string Title => Form.Title;
    public static string Unit => Form.Unit;

    /// <summary>Receiving unit of the province's consolidated report.</summary>
    public const string NationalReceiver = "Văn phòng Chính phủ";

    public const string ProvinceGroup = "Cấp tỉnh";
    public const string DistrictGroup = "Cấp huyện";
    public const string CommuneGroup = "Cấp xã";

    public const string TotalKey = ReportRow.TotalKey;
    public const string TotalLabel = "Tổng cộng";

    /// <summary>Key and label of the row for procedures the catalogue does not place in a field.</summary>
    public const string OtherFieldKey = "khac";
    public const string OtherFieldLabel = "Khác";

    public static DateOnly DistrictsAbolished => ReportForms.DistrictsAbolished;

    /// <summary>The numeric columns, 3 to 13.</summary>
    public static IReadOnlyList<int> Columns { get; } = Enumerable.Range(3, 11).ToArray();
}
