namespace Reporting.Core.Indicators;

/// <summary>
/// The 766 catalogue. Maximum points and thresholds are those of spec indicators.md; the split of a
/// group's points among its manual items is not in the spec and is marked for confirmation.
/// </summary>
public static class IndicatorCatalog
{
    public const string Basis766 = "Quyết định 766/QĐ-TTg ngày 23/06/2022";
    private const string ManualBasis = Basis766 + " (điểm tối đa của chỉ tiêu nhập tay: cần xác nhận với văn bản gốc)";

    public static IReadOnlyList<IndicatorGroup> Groups { get; } =
    [
        new(1, "Công khai, minh bạch", 18),
        new(2, "Tiến độ giải quyết", 20),
        new(3, "Dịch vụ công trực tuyến", 12),
        new(4, "Thanh toán trực tuyến", 10),
        new(5, "Mức độ hài lòng", 18),
        new(6, "Số hóa hồ sơ", 22),
    ];

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new("1.1", "Công bố, công khai TTHC đúng hạn", 1, IndicatorKind.Manual, 4, null, "%", "Nhập tay", "Nhập tay", ManualBasis),
        new("1.2", "Công khai TTHC trên Cổng DVCQG", 1, IndicatorKind.Manual, 4, null, "%", "Nhập tay", "Nhập tay", ManualBasis),
        new("1.3", "Công khai tiến độ, kết quả giải quyết hồ sơ", 1, IndicatorKind.Manual, 4, null, "%", "Nhập tay", "Nhập tay", ManualBasis),
        new("1.4", "Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG", 1, IndicatorKind.Computed, 6, null, "%",
            "Hồ sơ tiếp nhận trong kỳ có DongBoDVCQG = 1", "Hồ sơ tiếp nhận trong kỳ", Basis766),
        new("2.1", "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn", 2, IndicatorKind.Computed, 20, null, "%",
            "Hồ sơ đã giải quyết đúng hạn (quy tắc 766) + hồ sơ đang giải quyết trong hạn", "Hồ sơ thuộc phạm vi giải quyết trong kỳ", Basis766),
        new("2.2", "Thời gian giải quyết trung bình (ngày)", 2, IndicatorKind.Monitor, null, null, "ngày",
            "Tổng số ngày từ tiếp nhận đến kết thúc của hồ sơ trạng thái 9–10 tiếp nhận trong kỳ", "Số hồ sơ đó", Basis766),
        new("3.1", "Tỷ lệ TTHC cung cấp DVC trực tuyến", 3, IndicatorKind.Catalogue, 2, 80, "%",
            "TTHC cung cấp DVC trực tuyến một phần hoặc toàn trình", "TTHC trong danh mục", Basis766),
        new("3.2", "Tỷ lệ DVC trực tuyến có phát sinh hồ sơ", 3, IndicatorKind.Catalogue, 4, null, "%",
            "DVC trực tuyến có ít nhất 1 hồ sơ trực tuyến tiếp nhận trong kỳ", "DVC trực tuyến", Basis766),
        new("3.3", "Tỷ lệ hồ sơ trực tuyến (766)", 3, IndicatorKind.Computed, 6, 50, "%",
            "Hồ sơ trực tuyến tiếp nhận trong kỳ, có kết quả điện tử khi đã xử lý xong trong kỳ (tỷ lệ nhân với tỷ lệ 1.4)", "Hồ sơ tiếp nhận trong kỳ", Basis766),
        new("ONLINE", "Tỷ lệ hồ sơ nộp trực tuyến", 3, IndicatorKind.Monitor, null, null, "%",
            "Hồ sơ tiếp nhận trong kỳ qua kênh trực tuyến", "Hồ sơ tiếp nhận trong kỳ", Basis766),
        new("3.5", "Tỷ lệ TTHC có thu phí được tích hợp thanh toán trực tuyến", 4, IndicatorKind.Catalogue, 2, 80, "%",
            "TTHC có thu phí có ít nhất 1 hồ sơ tiếp nhận trong kỳ có dữ liệu phí, lệ phí", "TTHC có thu phí trong danh mục", Basis766),
        new("3.5b", "Tỷ lệ TTHC có phát sinh thanh toán trực tuyến", 4, IndicatorKind.Catalogue, 2, 80, "%",
            "TTHC có thu phí có ít nhất 1 hồ sơ tiếp nhận trong kỳ được thanh toán trực tuyến", "TTHC có thu phí trong danh mục", Basis766),
        new("3.6", "Tỷ lệ hồ sơ thanh toán trực tuyến", 4, IndicatorKind.Computed, 6, null, "%",
            "Hồ sơ có phí, lệ phí được thanh toán trực tuyến", "Hồ sơ tiếp nhận trong kỳ có phí, lệ phí", Basis766),
        new("4.1", "Tỷ lệ hồ sơ có kết quả điện tử", 6, IndicatorKind.Computed, 6, null, "%",
            "Hồ sơ có ít nhất 1 tệp kết quả điện tử", "Hồ sơ trạng thái 9–10 kết thúc trong kỳ, TTHC có kết quả", Basis766),
        new("4.2", "Tỷ lệ hồ sơ được số hóa", 6, IndicatorKind.Computed, 4, 80, "%",
            "Hồ sơ tiếp nhận trong kỳ có thành phần được số hóa, có kết quả điện tử khi đã xử lý xong trong kỳ", "Hồ sơ tiếp nhận trong kỳ", Basis766),
        new("4.3", "Tỷ lệ hồ sơ tái sử dụng dữ liệu số hóa", 6, IndicatorKind.Computed, 2, 80, "%",
            "Hồ sơ tiếp nhận trong kỳ có thành phần được tái sử dụng", "Hồ sơ tiếp nhận trong kỳ", Basis766),
        new("4.4", "Tỷ lệ hồ sơ kết nối kho dữ liệu cá nhân", 6, IndicatorKind.Computed, 4, null, "%",
            "Hồ sơ tiếp nhận trong kỳ có thành phần lấy từ kho dữ liệu", "Hồ sơ tiếp nhận trong kỳ", Basis766),
        new("4.5a", "Tỷ lệ cấp bản sao điện tử từ sổ gốc", 6, IndicatorKind.Manual, 2, null, "%", "Nhập tay", "Nhập tay", ManualBasis),
        new("4.5b", "Tỷ lệ hồ sơ sử dụng dữ liệu dân cư", 6, IndicatorKind.Computed, 2, null, "%",
            "Hồ sơ tiếp nhận trong kỳ xác thực VNeID hoặc lấy dữ liệu từ kho", "Hồ sơ tiếp nhận trong kỳ", Basis766),
        new("4.6", "Tỷ lệ chứng thực bản sao điện tử", 6, IndicatorKind.Manual, 2, null, "%", "Nhập tay", "Nhập tay", ManualBasis),
        new("5.2", "Tiếp nhận, xử lý phản ánh, kiến nghị", 5, IndicatorKind.Manual, 6, null, "%", "Nhập tay", "Nhập tay", ManualBasis),
        new("5.3", "Đánh giá của người dân, doanh nghiệp", 5, IndicatorKind.Manual, 6, null, "%", "Nhập tay", "Nhập tay", ManualBasis),
        new("5.4", "Mức độ hài lòng trong tiếp nhận, giải quyết TTHC", 5, IndicatorKind.Computed, 6, 90, "%",
            "Hồ sơ quá hạn + hồ sơ bị đánh giá không hài lòng hoặc có phản ánh (giá trị = 100% − tổng hai tỷ lệ)", "Hồ sơ thuộc phạm vi giải quyết trong kỳ", Basis766),
    ];

    private static readonly Dictionary<string, IndicatorDefinition> ByCode = All.ToDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase);

    public static IndicatorDefinition? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>
    /// The formula of each item as <see cref="IndicatorCalculator"/> computes it (spec indicators.md):
    /// most are a plain ratio, 3.3 is multiplied by the 1.4 ratio, 5.4 is 100 minus two rates, 2.2 is
    /// an average in days.
    /// </summary>
    internal static string FormulaOf(IndicatorDefinition d) => d.Code switch
    {
        "3.3" => "Giá trị = Tử số / Mẫu số × tỷ lệ 1.4 (hồ sơ đồng bộ / hồ sơ tiếp nhận; lấy 1 khi 1.4 không áp dụng) × 100 (%), làm tròn một lần đến 2 chữ số thập phân",
        "5.4" => "Giá trị = 100% − (tỷ lệ hồ sơ quá hạn + tỷ lệ hồ sơ không hài lòng hoặc có phản ánh), không nhỏ hơn 0; hồ sơ quá hạn = hồ sơ thuộc phạm vi trừ tử số của 2.1; cả hai tỷ lệ trên số hồ sơ thuộc phạm vi (mẫu số); tử số = hồ sơ quá hạn + hồ sơ không hài lòng hoặc có phản ánh",
        "2.2" => "Giá trị = Tử số / Mẫu số (ngày), làm tròn đến 2 chữ số thập phân",
        _ when d.Kind == IndicatorKind.Manual => "Giá trị nhập tay theo kỳ, kèm nguồn số liệu",
        _ when d.Unit == "%" => "Giá trị = Tử số / Mẫu số × 100 (%), làm tròn đến 2 chữ số thập phân",
        _ => $"Giá trị = Tử số / Mẫu số ({d.Unit})",
    };
}
