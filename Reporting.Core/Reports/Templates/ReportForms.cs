using Reporting.Core.Periods;
using Reporting.Core.Reports.Bieu06;

namespace Reporting.Core.Reports.Templates;

/// <summary>
/// The forms of templates.md as data. Biểu 06 and II.06a share the 13 columns of results; II.07b
/// counts procedures and, for windows starting before 01/07/2025, has <c>Cấp huyện</c> columns.
/// </summary>
public static class ReportForms
{
    public const string Bieu06 = "bieu-06";
    public const string Bieu06a = "bieu-ii-06a";
    public const string Bieu07b = "bieu-ii-07b";

    public static IReadOnlyList<string> Codes { get; } = [Bieu06, Bieu06a, Bieu07b];

    public const string ThongTu01 = "Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020 của Văn phòng Chính phủ";

    /// <summary>Districts ended on 30/06/2025: windows starting before this date show the district level.</summary>
    public static readonly DateOnly DistrictsAbolished = new(2025, 7, 1);

    /// <summary>The template of <paramref name="code"/> for a window; null for an unknown code.</summary>
    public static ReportTemplate? For(string? code, DateWindow window) => code?.Trim().ToLowerInvariant() switch
    {
        Bieu06 => Results,
        Bieu06a => ServiceCentre,
        Bieu07b => window.From < DistrictsAbolished ? ProceduresWithDistricts : Procedures,
        _ => null,
    };

    public static bool IsKnown(string? code) => code is not null && Codes.Contains(code.Trim().ToLowerInvariant());

    private static readonly IReadOnlyList<HeaderNode> ResultColumns =
    [
        HeaderNode.Group("Số hồ sơ nhận giải quyết",
            HeaderNode.Leaf(3, "Tổng số"),
            HeaderNode.Group("Trong kỳ", HeaderNode.Leaf(4, "Trực tuyến"), HeaderNode.Leaf(5, "Trực tiếp, dịch vụ bưu chính")),
            HeaderNode.Leaf(6, "Từ kỳ trước chuyển qua")),
        HeaderNode.Group("Số hồ sơ đã giải quyết",
            HeaderNode.Leaf(7, "Tổng số"), HeaderNode.Leaf(8, "Trước hạn"), HeaderNode.Leaf(9, "Đúng hạn"), HeaderNode.Leaf(10, "Quá hạn")),
        HeaderNode.Group("Số hồ sơ đang giải quyết",
            HeaderNode.Leaf(11, "Tổng số"), HeaderNode.Leaf(12, "Trong hạn"), HeaderNode.Leaf(13, "Quá hạn")),
    ];

    private static readonly IReadOnlyList<ReportColumn> ResultNumbers =
    [
        new(3, "Số hồ sơ nhận giải quyết – Tổng số", CellSource.Sum),
        new(4, "Số mới tiếp nhận trong kỳ – Trực tuyến", CellSource.Computed),
        new(5, "Số mới tiếp nhận trong kỳ – Trực tiếp, dịch vụ bưu chính", CellSource.Computed),
        new(6, "Số từ kỳ trước chuyển qua", CellSource.Computed),
        new(7, "Số hồ sơ đã giải quyết – Tổng số", CellSource.Sum),
        new(8, "Đã giải quyết – Trước hạn", CellSource.Computed),
        new(9, "Đã giải quyết – Đúng hạn", CellSource.Computed),
        new(10, "Đã giải quyết – Quá hạn", CellSource.Computed),
        new(11, "Số hồ sơ đang giải quyết – Tổng số", CellSource.Sum),
        new(12, "Đang giải quyết – Trong hạn", CellSource.Computed),
        new(13, "Đang giải quyết – Quá hạn", CellSource.Computed),
    ];

    private static readonly IReadOnlyList<RowSum> ResultSums =
    [
        new(3, [4, 5, 6], "tổng số hồ sơ nhận giải quyết (trực tuyến, trực tiếp/bưu chính, từ kỳ trước chuyển qua)"),
        new(7, [8, 9, 10], "tổng số hồ sơ đã giải quyết (trước hạn, đúng hạn, quá hạn)"),
        new(11, [12, 13], "tổng số hồ sơ đang giải quyết (trong hạn, quá hạn)"),
        new(3, [7, 11], "số hồ sơ nhận giải quyết (đã giải quyết cộng đang giải quyết)", Formula: false),
    ];

    /// <summary>Biểu số 06/VPCP/KSTT: results at the handling agency.</summary>
    public static ReportTemplate Results { get; } = new()
    {
        Code = Bieu06,
        FormNumber = "Biểu số 06/VPCP/KSTT",
        SheetName = "Biểu 06",
        LegalBasis = ThongTu01,
        Title = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
        Unit = "Đơn vị tính: Số hồ sơ TTHC",
        Header = [HeaderNode.Leaf(1, "STT"), HeaderNode.Leaf(2, "Lĩnh vực, công việc giải quyết theo cấp"), .. ResultColumns],
        Columns = ResultNumbers,
        RowSums = ResultSums,
    };

    /// <summary>Biểu số II.06a/VPCP/KSTT: the same at the public administration service centre, rows by agency.</summary>
    public static ReportTemplate ServiceCentre { get; } = Results with
    {
        Code = Bieu06a,
        FormNumber = "Biểu số II.06a/VPCP/KSTT",
        SheetName = "Biểu II.06a",
        Title = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
        Header = [HeaderNode.Leaf(1, "STT"), HeaderNode.Leaf(2, "Cơ quan có thủ tục hành chính tiếp nhận tại Trung tâm"), .. ResultColumns],
    };

    /// <summary>Biểu số II.07b/VPCP/KSTT from 01/07/2025 (province and commune levels).</summary>
    public static ReportTemplate Procedures { get; } = ProcedureTemplate(["Cấp tỉnh", "Cấp xã"]);

    /// <summary>Biểu số II.07b/VPCP/KSTT for windows before 01/07/2025 (with the district level).</summary>
    public static ReportTemplate ProceduresWithDistricts { get; } = ProcedureTemplate(["Cấp tỉnh", "Cấp huyện", "Cấp xã"]);

    /// <summary>
    /// Three groups (procedures under the authority, those handled through the one-stop shop, internal
    /// processes issued), each a total then one column per level. Only the first group's province and
    /// commune counts come from the catalogue; the catalogue knows no district level, and nothing
    /// collected knows the other two groups, so those cells are manual.
    /// </summary>
    private static ReportTemplate ProcedureTemplate(string[] levels)
    {
        (string Title, string[] Leaves)[] groups =
        [
            ("Tổng số TTHC thuộc thẩm quyền", levels),
            ("TTHC thực hiện theo cơ chế một cửa, một cửa liên thông", [.. levels.Select(l => "Tại BPMC " + l.ToLowerInvariant())]),
            ("Quy trình nội bộ được ban hành", levels),
        ];
        var header = new List<HeaderNode> { HeaderNode.Leaf(1, "STT"), HeaderNode.Leaf(2, "Đơn vị") };
        var columns = new List<ReportColumn>();
        var sums = new List<RowSum>();
        var number = 3;
        for (var g = 0; g < groups.Length; g++)
        {
            var (title, leaves) = groups[g];
            var total = number++;
            var children = new List<HeaderNode> { HeaderNode.Leaf(total, "Tổng số") };
            columns.Add(new ReportColumn(total, $"{title} – Tổng số", CellSource.Sum, 10));
            var parts = new List<int>();
            for (var l = 0; l < leaves.Length; l++)
            {
                var fromCatalogue = g == 0 && levels[l] != "Cấp huyện";
                children.Add(HeaderNode.Leaf(number, leaves[l]));
                columns.Add(new ReportColumn(number, $"{title} – {leaves[l]}", fromCatalogue ? CellSource.Computed : CellSource.Manual, 10));
                parts.Add(number++);
            }

            header.Add(new HeaderNode(title, children));
            sums.Add(new RowSum(total, parts, $"{title.ToLowerInvariant()} (tổng các cấp)"));
        }

        return new ReportTemplate
        {
            Code = Bieu07b,
            FormNumber = "Biểu số II.07b/VPCP/KSTT",
            SheetName = "Biểu II.07b",
            LegalBasis = ThongTu01,
            Title = "SỐ LƯỢNG THỦ TỤC HÀNH CHÍNH, QUY TRÌNH NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
            Unit = "Đơn vị tính: Số TTHC",
            Header = header,
            Columns = columns,
            RowSums = sums,
            LabelWidth = 36,
        };
    }
}
