using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Dossiers;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;
using Reporting.Core.Reports;
using Reporting.Core.Reports.Bieu06;
using Reporting.Core.Reports.Excel;
using static Reporting.Tests.Reports.Bieu06Province;

namespace Reporting.Tests.Reports;

/// <summary>A province with generated dossiers, built once for the yardstick tests.</summary>
public sealed class GeneratedProvince : IDisposable
{
    internal Bieu06Database Db { get; } = Create();

    public GeneratedProvince() => Db.AddDossiers(Generated(1500, seed: 6));

    public void Dispose() => Db.Dispose();
}

public class Bieu06CalculatorTests(GeneratedProvince generated) : IClassFixture<GeneratedProvince>
{
    private static DateTime At(int month, int day, int hour = 8) => new(2025, month, day, hour, 0, 0);

    /// <summary>Hand-made dossiers with known places in the 2025-Q2 cut-off window (15/03 – 14/06/2025).</summary>
    private static IEnumerable<Dossier> Known() =>
    [
        // Sở Tư pháp, field Tư pháp: carried over and handled early; new online handled on time.
        Dossier(Justice, "1.001", Channel.InPerson, DossierStatus.Returned, At(3, 1), promised: At(4, 20, 17), ended: At(4, 10)),
        Dossier(Justice, "1.001", Channel.Online, DossierStatus.Processed, At(4, 1), promised: At(4, 15, 17), ended: At(4, 15, 10)),
        // Its notary office (in its subtree), field Tư pháp: new online on the last day, no promised date → within.
        Dossier(Notary, "1.002", Channel.Online, DossierStatus.Received, At(6, 14, 23)),
        // Field Đất đai: new in person handled late; new by post in progress within the deadline.
        Dossier(Justice, "2.001", Channel.InPerson, DossierStatus.Returned, At(4, 2), promised: At(4, 5, 17), ended: At(4, 20)),
        Dossier(Justice, "2.001", Channel.Postal, DossierStatus.InProgress, At(5, 1), promised: At(7, 1, 17)),
        // Khác: a catalogued procedure without a field (overdue), and an unknown procedure (within: promised on E).
        Dossier(Justice, "3.001", Channel.InPerson, DossierStatus.WaitingSupplement, At(5, 2), promised: At(5, 10, 17)),
        Dossier(Justice, "9.999", Channel.Online, DossierStatus.Received, At(6, 1), promised: At(6, 14, 17)),
        // Outside the window, refused, or only submitted: counted nowhere.
        Dossier(Justice, "1.001", Channel.InPerson, DossierStatus.Returned, At(1, 2), promised: At(1, 20, 17), ended: At(2, 1)),
        Dossier(Justice, "1.001", Channel.InPerson, DossierStatus.Refused, At(4, 3)),
        Dossier(Justice, "1.001", Channel.Online, DossierStatus.Submitted, At(4, 4)),
        // District office: new in person in Q2, never finished (still open after the district ended).
        Dossier(DistrictOffice, "1.001", Channel.InPerson, DossierStatus.InProgress, At(6, 10), promised: At(6, 20, 17)),
        // Commune Yên Phú: received after the window, still open after the merger.
        Dossier(YenPhu, "2.001", Channel.Online, DossierStatus.InProgress, At(6, 20), promised: At(6, 25, 17)),
    ];

    private static int[] Columns(Bieu06Row row) => Bieu06Template.Columns.Select(c => row[c]).ToArray();

    [Fact]
    public async Task One_agency_has_a_row_per_field_of_its_subtree_and_a_total_first()
    {
        using var db = Create();
        db.AddDossiers(Known());

        var report = await db.Calculator().BuildAsync("000.00.12.H42", PeriodKey.Quarter(2025, 2), WindowKind.Cutoff, CancellationToken.None);

        Assert.Equal(["total", "G09-DD", "G09-TP", "khac"], report.Rows.Select(r => r.Key));
        Assert.Equal(["Tổng cộng", "Đất đai", "Tư pháp", "Khác"], report.Rows.Select(r => r.Label));
        Assert.Equal(["", "1", "2", "3"], report.Rows.Select(r => r.Ordinal));
        Assert.Equal([ReportRowKind.Total, ReportRowKind.Item, ReportRowKind.Item, ReportRowKind.Item], report.Rows.Select(r => r.Kind));

        //                 3  4  5  6  7  8  9 10 11 12 13
        Assert.Equal([2, 0, 2, 0, 1, 0, 0, 1, 1, 1, 0], Columns(report.Rows[1]));  // Đất đai
        Assert.Equal([3, 2, 0, 1, 2, 1, 1, 0, 1, 1, 0], Columns(report.Rows[2]));  // Tư pháp
        Assert.Equal([2, 1, 1, 0, 0, 0, 0, 0, 2, 1, 1], Columns(report.Rows[3]));  // Khác
        Assert.Equal([7, 3, 3, 1, 3, 1, 1, 1, 4, 3, 1], Columns(report.Rows[0]));  // Tổng cộng
        Assert.Empty(Bieu06Identities.Check(report));
    }

    [Fact]
    public async Task Report_header_carries_agency_period_window_and_units()
    {
        using var db = Create();
        db.AddDossiers(Known());

        var report = await db.Calculator().BuildAsync("000.00.12.H42", PeriodKey.Quarter(2025, 2), ct: CancellationToken.None);

        Assert.Equal("bieu-06", report.FormCode);
        Assert.Equal(new Bieu06Agency("000.00.12.H42", "Sở Tư pháp"), report.Agency);
        Assert.Equal("2025-Q2", report.Period.ToString());
        Assert.Equal("Quý II/2025", report.PeriodLabel);
        Assert.Equal(WindowKind.Cutoff, report.WindowKind);
        Assert.Equal(new DateOnly(2025, 3, 15), report.From);
        Assert.Equal(new DateOnly(2025, 6, 14), report.To);
        Assert.Equal("Sở Tư pháp", report.ReportingUnit);
        Assert.Equal("Văn phòng UBND tỉnh Hà Giang", report.ReceivingUnit);
        Assert.False(report.Grouped);
        Assert.Equal(Bieu06Template.Title, report.Title);
    }

    [Fact]
    public async Task Province_groups_agencies_by_level_with_subtotals_before_July_2025()
    {
        using var db = Create();
        db.AddDossiers(Known());

        var report = await db.Calculator().BuildAsync(null, PeriodKey.Quarter(2025, 2), WindowKind.Cutoff, CancellationToken.None);

        Assert.True(report.Grouped);
        Assert.Equal("Văn phòng Chính phủ", report.ReceivingUnit);
        Assert.Equal(
            ["total", "Cấp tỉnh", "000.00.12.H42", "000.00.30.H42", "000.00.13.H42", "Cấp huyện", "000.00.51.H42", "Cấp xã", "000.21.51.H42", "000.22.51.H42"],
            report.Rows.Select(r => r.Key));
        Assert.Equal(["", "I", "1", "2", "3", "II", "1", "III", "1", "2"], report.Rows.Select(r => r.Ordinal));
        Assert.Equal([null, null, "Cấp tỉnh", "Cấp tỉnh", "Cấp tỉnh", null, "Cấp huyện", null, "Cấp xã", "Cấp xã"], report.Rows.Select(r => r.Group));

        var justice = report.Rows.Single(r => r.Key == "000.00.12.H42");
        Assert.Equal([7, 3, 3, 1, 3, 1, 1, 1, 4, 3, 1], Columns(justice));
        Assert.Equal(Columns(justice), Columns(report.Rows.Single(r => r.Key == "Cấp tỉnh")));
        Assert.Equal([1, 0, 1, 0, 0, 0, 0, 0, 1, 1, 0], Columns(report.Rows.Single(r => r.Key == "000.00.51.H42")));
        Assert.True(report.Rows.Single(r => r.Key == "000.00.13.H42").IsZero);
        Assert.True(report.Rows.Single(r => r.Key == "Cấp xã").IsZero);
        Assert.Equal([8, 3, 4, 1, 3, 1, 1, 1, 5, 4, 1], Columns(report.Total));
        Assert.Empty(Bieu06Identities.Check(report));
    }

    [Fact]
    public async Task After_July_2025_communes_of_the_window_are_listed_and_open_dossiers_of_ended_agencies_are_not_lost()
    {
        using var db = Create();
        db.AddDossiers(Known());

        var report = await db.Calculator().BuildAsync(null, PeriodKey.Quarter(2025, 4), WindowKind.Cutoff, CancellationToken.None);

        // The district and Yên Phú ended on 30/06/2025 but still have open dossiers; Minh Ngọc has none.
        Assert.Equal(
            ["total", "Cấp tỉnh", "000.00.12.H42", "000.00.30.H42", "000.00.13.H42", "Cấp huyện", "000.00.51.H42", "Cấp xã", "000.21.51.H42", "000.31.00.H42"],
            report.Rows.Select(r => r.Key));
        Assert.Equal([1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1], Columns(report.Rows.Single(r => r.Key == "000.00.51.H42")));
        Assert.Equal([1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1], Columns(report.Rows.Single(r => r.Key == "000.21.51.H42")));
        Assert.True(report.Rows.Single(r => r.Key == "000.31.00.H42").IsZero);
        Assert.Empty(Bieu06Identities.Check(report));
    }

    [Fact]
    public async Task After_July_2025_there_is_no_district_level_when_districts_have_nothing_left()
    {
        using var db = Create();
        db.AddDossiers([Dossier(NewCommune, "2.001", Channel.Online, DossierStatus.Returned, new DateTime(2025, 10, 1, 8, 0, 0), ended: new DateTime(2025, 10, 3, 8, 0, 0))]);

        var report = await db.Calculator().BuildAsync(null, PeriodKey.Quarter(2025, 4), WindowKind.Cutoff, CancellationToken.None);

        Assert.Equal(
            ["total", "Cấp tỉnh", "000.00.12.H42", "000.00.30.H42", "000.00.13.H42", "Cấp xã", "000.31.00.H42"],
            report.Rows.Select(r => r.Key));
        Assert.Equal(["", "I", "1", "2", "3", "II", "1"], report.Rows.Select(r => r.Ordinal));
        // No promised date: 10 working days from the catalogue, so handled early.
        Assert.Equal([1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0], Columns(report.Total));
    }

    [Fact]
    public async Task The_total_row_comes_last_when_configured()
    {
        using var db = Create();
        db.AddDossiers(Known());
        db.SetSetting(SettingKeys.Bieu06TotalRow, "last");

        var province = await db.Calculator().BuildAsync(null, PeriodKey.Quarter(2025, 2), WindowKind.Cutoff, CancellationToken.None);
        var justice = await db.Calculator().BuildAsync("000.00.12.H42", PeriodKey.Quarter(2025, 2), WindowKind.Cutoff, CancellationToken.None);

        Assert.Equal(ReportRowKind.Subtotal, province.Rows[0].Kind);
        Assert.Equal(ReportRowKind.Total, province.Rows[^1].Kind);
        Assert.Equal(ReportRowKind.Total, justice.Rows[^1].Kind);
        Assert.Empty(Bieu06Identities.Check(province));
    }

    [Fact]
    public async Task Unknown_agency_and_a_period_not_started_are_refused()
    {
        using var db = Create();
        var calculator = db.Calculator();

        var unknown = await Assert.ThrowsAsync<QueryException>(() => calculator.BuildAsync("999.99.99.H99", PeriodKey.Quarter(2025, 2), ct: CancellationToken.None));
        var future = await Assert.ThrowsAsync<QueryException>(() => calculator.BuildAsync(null, PeriodKey.Quarter(2026, 2), ct: CancellationToken.None));

        Assert.Equal("agency-not-found", unknown.Type);
        Assert.Equal("period-not-started", future.Type);
    }

    [Fact]
    public async Task A_new_agency_without_dossiers_gets_a_zero_total_only()
    {
        using var db = Create();

        var report = await db.Calculator().BuildAsync("000.00.13.H42", PeriodKey.Month(2025, 8), WindowKind.Calendar, CancellationToken.None);

        var total = Assert.Single(report.Rows);
        Assert.Equal(ReportRowKind.Total, total.Kind);
        Assert.True(total.IsZero);
    }

    /// <summary>Members of each row of the province report, as the spec describes them.</summary>
    private static readonly Dictionary<string, int[]> ProvinceRowMembers = new()
    {
        ["000.00.00.H42"] = [Root],
        ["000.00.12.H42"] = [Justice, Notary],
        ["000.00.30.H42"] = [Centre],
        ["000.00.13.H42"] = [Construction],
        ["000.00.51.H42"] = [District, DistrictOffice],
        ["000.21.51.H42"] = [YenPhu],
        ["000.22.51.H42"] = [MinhNgoc],
        ["000.31.00.H42"] = [NewCommune],
    };

    public static TheoryData<string, WindowKind> Periods() => new()
    {
        { "2025-Q1", WindowKind.Cutoff },
        { "2025-Q2", WindowKind.Cutoff },
        { "2025-Q3", WindowKind.Cutoff },
        { "2025-Q3", WindowKind.Calendar },
        { "2025-Q4", WindowKind.Cutoff },
        { "2025-07", WindowKind.Cutoff },
        { "2025-06", WindowKind.Calendar },
        { "2025-H2", WindowKind.Cutoff },
        { "2025-9M", WindowKind.Calendar },
        { "2025", WindowKind.Cutoff },
        { "2026-01", WindowKind.Cutoff },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public async Task Every_row_equals_the_figures_counted_straight_from_dossiers(string periodKey, WindowKind windowKind)
    {
        var db = generated.Db;
        var period = PeriodKey.Parse(periodKey);
        var window = period.Window(windowKind);
        var calculator = db.Calculator();
        var ct = CancellationToken.None;

        Bieu06Row Expected(IEnumerable<int> agencies, Func<Dossier, bool>? filter = null)
        {
            var set = agencies.ToHashSet();
            var figures = FiguresFromDossiers.Compute(db.Dossiers.Where(d => set.Contains(d.AgencyId) && (filter is null || filter(d))), window);
            return Bieu06Row.FromFigures(ReportRowKind.Item, "", "", figures);
        }

        // The province: each agency row, and the total over every dossier.
        db.Commands.Texts.Clear();
        var province = await calculator.BuildAsync(null, period, windowKind, ct);
        Assert.Contains(db.Commands.Texts, sql => sql.Contains("\"AgencyBucketStats\"", StringComparison.Ordinal));
        Assert.DoesNotContain(db.Commands.Texts, sql => sql.Contains("\"Dossiers\"", StringComparison.Ordinal));
        Assert.Empty(Bieu06Identities.Check(province));
        Assert.True(province.Total.InScope > 0 && province.Total.Handled > 0, "the window has dossiers");
        Assert.Equal(Columns(Expected(ProvinceRowMembers.Values.SelectMany(m => m))), Columns(province.Total));
        foreach (var row in province.Rows.Where(r => r.Kind == ReportRowKind.Item))
        {
            Assert.Equal(Columns(Expected(ProvinceRowMembers[row.Key])), Columns(row));
        }

        // Every agency of the window is listed, each in its level.
        foreach (var agency in Agencies.Where(a => a.Id != Root && a.ValidFrom <= window.To && (a.ValidTo is null || a.ValidTo >= window.From) && ProvinceRowMembers.ContainsKey(a.Code)))
        {
            Assert.Contains(province.Rows, r => r.Kind == ReportRowKind.Item && r.Key == agency.Code);
        }

        Assert.Equal(window.From < new DateOnly(2025, 7, 1) || province.Rows.Any(r => r.Key == "000.00.51.H42"), province.Rows.Any(r => r.Key == "Cấp huyện"));

        // One agency: each field row, over its subtree.
        foreach (var (code, members) in new[] { ("000.00.12.H42", new[] { Justice, Notary }), ("000.00.51.H42", [District, DistrictOffice, YenPhu, MinhNgoc]), ("000.31.00.H42", [NewCommune]) })
        {
            db.Commands.Texts.Clear();
            var report = await calculator.BuildAsync(code, period, windowKind, ct);
            Assert.Contains(db.Commands.Texts, sql => sql.Contains("\"ProcedureBucketStats\"", StringComparison.Ordinal));
            Assert.DoesNotContain(db.Commands.Texts, sql => sql.Contains("\"Dossiers\"", StringComparison.Ordinal));
            Assert.Empty(Bieu06Identities.Check(report));
            Assert.Equal(Columns(Expected(members)), Columns(report.Total));
            foreach (var row in report.Rows.Where(r => r.Kind == ReportRowKind.Item))
            {
                Assert.False(row.IsZero);
                Assert.Equal(Columns(Expected(members, d => Bieu06Calculator.FieldOf(db.Catalogue, d.ProcedureCode).Key == row.Key)), Columns(row));
            }

            var fieldsWithFigures = db.Dossiers.Where(d => members.Contains(d.AgencyId))
                .GroupBy(d => Bieu06Calculator.FieldOf(db.Catalogue, d.ProcedureCode).Key)
                .Where(g => !Expected(members, d => Bieu06Calculator.FieldOf(db.Catalogue, d.ProcedureCode).Key == g.Key).IsZero)
                .Select(g => g.Key);
            Assert.Equal(fieldsWithFigures.Order(), report.Rows.Where(r => r.Kind == ReportRowKind.Item).Select(r => r.Key).Order());
        }
    }
}

public class Bieu06EndToEndTests(GeneratedProvince generated) : IClassFixture<GeneratedProvince>
{
    [Theory]
    [InlineData(null)]
    [InlineData("000.00.12.H42")]
    public async Task A_computed_report_written_to_Excel_reads_back_cell_for_cell(string? agency)
    {
        var report = await generated.Db.Calculator().BuildAsync(agency, PeriodKey.Quarter(2025, 2), WindowKind.Cutoff, CancellationToken.None);
        using var stream = new MemoryStream();
        ReportExcelWriter.Write(report.ToDocument(), stream);
        stream.Position = 0;

        using var workbook = new XLWorkbook(stream);
        var sheet = workbook.Worksheet(1);
        for (var i = 0; i < report.Rows.Count; i++)
        {
            var r = new ReportSheetLayout(Bieu06Template.Form).FirstDataRow + i;
            Assert.Equal(report.Rows[i].Label, sheet.Cell(r, 2).GetString());
            foreach (var c in Bieu06Template.Columns)
            {
                Assert.Equal(report.Rows[i][c], Convert.ToInt32(sheet.Cell(r, c).CachedValue, CultureInfo.InvariantCulture));
                Assert.Equal(report.Rows[i][c], sheet.Cell(r, c).GetValue<int>());
            }
        }
    }

    [Fact]
    public void AddReports_registers_the_engine_and_calculators_that_resolve()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IDbContextFactory<ReportingDbContext>>(generated.Db);
        services.AddSingleton<DataVersions>();
        services.AddSingleton<ReferenceData>();

        services.AddReports();

        using var provider = services.BuildServiceProvider(validateScopes: true);
        using var scope = provider.CreateScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<Bieu06Calculator>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<ReportEngine>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }
}
