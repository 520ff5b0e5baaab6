namespace Reporting.Demo.Province;

/// <summary>
/// Names of the fictional province "Sơn Hà" (code 98, agency codes ending in <c>.H98</c>): its
/// departments (post-2025 names), the service centre, its former districts and the syllables its
/// commune names are made of. Static content: the same for every seed.
/// </summary>
internal static class DemoAgencyNames
{
    public const string ProvinceName = "Sơn Hà";
    public const string ProvinceAdminUnitCode = "98";
    /// <summary>Suffix of every electronic agency identifier (mã định danh) of the province.</summary>
    public const string CodeSuffix = "H98";
    public const string RootName = "Ủy ban nhân dân tỉnh " + ProvinceName;
    public const string ServiceCentreName = "Trung tâm Phục vụ hành chính công tỉnh";

    /// <summary>
    /// Departments and sector agencies (sở, ban, ngành) in display order, with the key the procedure
    /// catalogue uses for ownership. The code of the n-th is <c>000.00.{n:00}.H98</c>.
    /// </summary>
    public static readonly (string Key, string Name)[] Departments =
    [
        ("NV", "Sở Nội vụ"),
        ("TP", "Sở Tư pháp"),
        ("TC", "Sở Tài chính"),
        ("CT", "Sở Công Thương"),
        ("NNMT", "Sở Nông nghiệp và Môi trường"),
        ("XD", "Sở Xây dựng"),
        ("KHCN", "Sở Khoa học và Công nghệ"),
        ("VHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
        ("GDDT", "Sở Giáo dục và Đào tạo"),
        ("YT", "Sở Y tế"),
        ("DTTG", "Sở Dân tộc và Tôn giáo"),
        ("TTR", "Thanh tra tỉnh"),
        ("VP", "Văn phòng Ủy ban nhân dân tỉnh"),
        ("CA", "Công an tỉnh"),
        ("KCN", "Ban Quản lý các khu công nghiệp tỉnh"),
        ("QS", "Bộ Chỉ huy Quân sự tỉnh"),
        ("BHXH", "Bảo hiểm xã hội tỉnh"),
        ("THUE", "Thuế tỉnh"),
    ];

    /// <summary>Former districts (until 30/06/2025): the city, the town and the rural districts.</summary>
    public static readonly DistrictSeed[] Districts =
    [
        new("Thành phố", "Sơn Hà", Wards: 14, Communes: 4, FavouritePrefix: "Hòa"),
        new("Thị xã", "An Lạc", Wards: 8, Communes: 10, FavouritePrefix: "An"),
        new("Huyện", "Tân Lập", Wards: 0, Communes: 19, FavouritePrefix: "Tân"),
        new("Huyện", "Vĩnh Phước", Wards: 0, Communes: 18, FavouritePrefix: "Vĩnh"),
        new("Huyện", "Thạch Bàn", Wards: 0, Communes: 17, FavouritePrefix: "Thạch"),
        new("Huyện", "Hòa Mỹ", Wards: 0, Communes: 19, FavouritePrefix: "Mỹ"),
        new("Huyện", "Phú Xuân", Wards: 0, Communes: 18, FavouritePrefix: "Phú"),
        new("Huyện", "Đông Khê", Wards: 0, Communes: 17, FavouritePrefix: "Đông"),
        new("Huyện", "Ngọc Lâm", Wards: 0, Communes: 15, FavouritePrefix: "Ngọc"),
    ];

    /// <summary>Ward names of the provincial city, after national heroes, as city wards often are.</summary>
    public static readonly string[] CityWardNames =
    [
        "Trần Hưng Đạo", "Lê Lợi", "Quang Trung", "Nguyễn Trãi", "Hoàng Diệu", "Lý Thường Kiệt",
        "Phan Bội Châu", "Hai Bà Trưng", "Bạch Đằng", "Hùng Vương", "Ngô Quyền", "Lê Hồng Phong",
        "Trần Phú", "Nguyễn Du",
    ];

    /// <summary>First syllables of generated commune names (Sino-Vietnamese, as most commune names are).</summary>
    public static readonly string[] FirstSyllables =
    [
        "An", "Bình", "Tân", "Phú", "Vĩnh", "Hòa", "Thạch", "Đông", "Tây", "Nam", "Bắc", "Quảng",
        "Xuân", "Thanh", "Minh", "Hưng", "Long", "Phước", "Thuận", "Hiệp", "Đức", "Nghĩa", "Trung",
        "Cẩm", "Kim", "Ngọc", "Sơn", "Hải", "Lạc", "Thái", "Gia", "Quang", "Hồng", "Mỹ", "Lộc",
        "Thịnh", "Yên", "Tiên", "Hương", "Cát", "Đại", "Hợp", "Liên", "Phong", "Tiến", "Vạn",
        "Định", "Khánh",
    ];

    /// <summary>Second syllables of generated commune names.</summary>
    public static readonly string[] SecondSyllables =
    [
        "An", "Bình", "Hòa", "Phú", "Lợi", "Thành", "Thịnh", "Hưng", "Lộc", "Phước", "Sơn", "Thủy",
        "Lâm", "Trung", "Tiến", "Hải", "Long", "Mỹ", "Tân", "Xuân", "Đông", "Tây", "Nam", "Bắc",
        "Hiệp", "Đức", "Nghĩa", "Quang", "Minh", "Hồng", "Lạc", "Yên", "Khê", "Cường", "Phong",
        "Thắng", "Vinh", "Hà", "Giang", "Châu", "Điền", "Trạch",
    ];

    public static readonly HashSet<string> Directions = ["Đông", "Tây", "Nam", "Bắc"];
}

/// <param name="Type">"Thành phố", "Thị xã" or "Huyện".</param>
/// <param name="Name">The name without its type ("Tân Lập").</param>
/// <param name="Wards">Wards (phường) of a city or town; a rural district has a town (thị trấn) instead.</param>
/// <param name="Communes">Rural communes (xã).</param>
/// <param name="FavouritePrefix">A syllable many of its commune names share, as neighbouring communes often do.</param>
internal sealed record DistrictSeed(string Type, string Name, int Wards, int Communes, string FavouritePrefix)
{
    public string FullName => $"{Type} {Name}";
    public bool IsUrban => Type != "Huyện";
}
