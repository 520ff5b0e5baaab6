namespace Reporting.Core.Reports.Bieu06;

/// <summary>
/// The fixed texts of Biểu số 06/VPCP/KSTT (spec templates.md). Circular 05/2025/TT-VPCP may
/// renumber the form, so these live in one place; a later issue can move them to configuration.
/// </summary>
public static class Bieu06Template
{
    /// <summary>The form's code in the API and file names.</summary>
    public const string FormCode = "bieu-06";

    /// <summary>The form's number as printed top left.</summary>
    public const string FormNumber = "Biểu số 06/VPCP/KSTT";

    /// <summary>The worksheet name (Excel forbids '/' in sheet names, so not the form number).</summary>
    public const string SheetName = "Biểu 06";

    public const string LegalBasis = "Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020 của Văn phòng Chính phủ";

    public const string Title =
        "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH";

    public const string Unit = "Đơn vị tính: Số hồ sơ TTHC";

    /// <summary>Receiving unit of the province's consolidated report.</summary>
    public const string NationalReceiver = "Văn phòng Chính phủ";

    public const string ProvinceGroup = "Cấp tỉnh";
    public const string DistrictGroup = "Cấp huyện";
    public const string CommuneGroup = "Cấp xã";

    public const string TotalKey = "total";
    public const string TotalLabel = "Tổng cộng";

    /// <summary>Key and label of the row for procedures the catalogue does not place in a field.</summary>
    public const string OtherFieldKey = "khac";
    public const string OtherFieldLabel = "Khác";

    /// <summary>Districts ended on 30/06/2025: windows starting before this date show the district level.</summary>
    public static readonly DateOnly DistrictsAbolished = new(2025, 7, 1);

    /// <summary>The numeric columns, 3 to 13.</summary>
    public static IReadOnlyList<int> Columns { get; } = Enumerable.Range(3, 11).ToArray();

    /// <summary>Column headers by number (the leaf header of each column).</summary>
    public static IReadOnlyDictionary<int, string> ColumnHeaders { get; } = new Dictionary<int, string>
    {
        [1] = "STT",
        [2] = "Lĩnh vực, công việc giải quyết theo cấp",
        [3] = "Số hồ sơ nhận giải quyết – Tổng số",
        [4] = "Số mới tiếp nhận trong kỳ – Trực tuyến",
        [5] = "Số mới tiếp nhận trong kỳ – Trực tiếp, dịch vụ bưu chính",
        [6] = "Số từ kỳ trước chuyển qua",
        [7] = "Số hồ sơ đã giải quyết – Tổng số",
        [8] = "Đã giải quyết – Trước hạn",
        [9] = "Đã giải quyết – Đúng hạn",
        [10] = "Đã giải quyết – Quá hạn",
        [11] = "Số hồ sơ đang giải quyết – Tổng số",
        [12] = "Đang giải quyết – Trong hạn",
        [13] = "Đang giải quyết – Quá hạn",
    };

    /// <summary>The sum identities within a row: total column and the columns it adds up.</summary>
    public static IReadOnlyList<(int Total, int[] Parts)> RowSums { get; } =
    [
        (3, [4, 5, 6]),
        (7, [8, 9, 10]),
        (11, [12, 13]),
        (3, [7, 11]),
    ];
}
