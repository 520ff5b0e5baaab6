using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Reporting.Core.Agencies;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;
using Reporting.Core.Procedures;
using Reporting.Core.Reports.Templates;

namespace Reporting.Core.Reports.Bieu06;

/// <summary>
/// Fills Biểu 06 for an agency and a window from the aggregate tables, in the historical view
/// (agencies as they existed in the window). One agency: a row per field of its subtree's
/// procedures. The province root: agencies grouped by level (Cấp tỉnh, Cấp huyện before 01/07/2025,
/// Cấp xã), each group with a subtotal, and the grand total first or last as configured.
/// </summary>
public sealed class Bieu06Calculator(IDbContextFactory<ReportingDbContext> dbFactory, ReferenceData referenceData, TimeProvider clock)
{

    /// <param name="agencyCode">The agency's code; empty for the province root.</param>
    /// <param name="period">The period key.</param>
    /// <param name="windowKind">Periodic reports use the Decree 09 cut-off window by default.</param>
    /// <param name="ct">Cancellation.</param>
    /// <exception cref="QueryException">Unknown agency, or a period that has not started.</exception>
    public async Task<Bieu06Report> BuildAsync(string? agencyCode, PeriodKey period, WindowKind windowKind = WindowKind.Cutoff, CancellationToken ct = default)
    {
        var reference = await referenceData.GetAsync(ct);
        var tree = reference.Tree;
        var today = VietnamTime.Today(clock);
        var window = period.Window(windowKind);
        var agency = Resolve(tree, agencyCode, window, today);
        if (window.From > today)
        {
            throw QueryException.PeriodNotStarted(period, window);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var totalLast = await TotalRowLastAsync(db, ct);
        var province = agency.ParentId is null;
        var body = province
            ? await ProvinceRowsAsync(db, tree, agency, window, ct)
            : await FieldRowsAsync(db, tree, reference.Procedures, agency, window, ct);

        var parts = province ? body.Where(r => r.Kind == ReportRowKind.Subtotal) : body;
        var total = Bieu06Row.Sum(ReportRowKind.Total, Bieu06Template.TotalKey, Bieu06Template.TotalLabel, parts);
        List<Bieu06Row> rows = totalLast ? [.. body, total] : [total, .. body];

        var root = tree.PathTo(agency.Id)[0];
        return new Bieu06Report
        {
            Agency = new Bieu06Agency(agency.Code, agency.Name),
            Period = period,
            WindowKind = windowKind,
            From = window.From,
            To = window.To,
            ReportingUnit = agency.Name,
            ReceivingUnit = province ? Bieu06Template.NationalReceiver : $"Văn phòng {root.Name}",
            Grouped = province,
            ComputedAt = clock.GetUtcNow().ToOffset(VietnamTime.Offset),
            Rows = rows,
        };
    }

    /// <summary>
    /// Biểu II.06a: the public administration service centre, one row per agency whose procedures it
    /// receives. Dossiers carry no receiving point, so these are the provincial agencies other than
    /// the centre (departments and sector agencies, whose provincial-level procedures the one-stop
    /// shop receives), each with its subtree's results: the <c>Cấp tỉnh</c> rows of the province's
    /// Biểu 06 without the centre (docs/decisions/010-report-templates-as-data.md).
    /// </summary>
    /// <param name="agencyCode">The centre's code; empty for the province's centre.</param>
    /// <exception cref="QueryException">Unknown agency, not a service centre, or a period that has not started.</exception>
    public async Task<Bieu06Report> BuildServiceCentreAsync(string? agencyCode, PeriodKey period, WindowKind windowKind = WindowKind.Cutoff, CancellationToken ct = default)
    {
        var reference = await referenceData.GetAsync(ct);
        var tree = reference.Tree;
        var today = VietnamTime.Today(clock);
        var window = period.Window(windowKind);
        var root = tree.Root ?? throw new QueryException("Không tìm thấy đơn vị", "Chưa có cây đơn vị.", "agency-not-found");
        var centre = string.IsNullOrWhiteSpace(agencyCode)
            ? tree.Children(root.Id).Where(a => a.Kind == AgencyKind.ServiceCentre).OrderBy(a => a.ValidTo is null ? 0 : 1).FirstOrDefault()
                ?? throw new QueryException("Không tìm thấy đơn vị", "Tỉnh chưa có Trung tâm Phục vụ hành chính công trong cây đơn vị.", "agency-not-found")
            : Resolve(tree, agencyCode, window, today);
        if (centre.Kind != AgencyKind.ServiceCentre)
        {
            throw new QueryException("Biểu không áp dụng cho đơn vị",
                $"Biểu II.06a lập cho Trung tâm Phục vụ hành chính công; '{centre.Name}' ({centre.Code}) không phải trung tâm.", "form-not-applicable");
        }

        if (window.From > today)
        {
            throw QueryException.PeriodNotStarted(period, window);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var totalLast = await TotalRowLastAsync(db, ct);
        var byAgency = await Bieu06Reader.ReadByAgencyAsync(db, window, ct);
        var centreRoot = tree.PathTo(centre.Id)[0];
        var ordinal = 0;
        var items = ProvinceLayout.Of(tree, centreRoot).Provincial
            .Where(spec => spec.Agency.Id != centre.Id)
            .Select(spec => (spec, row: Bieu06Row.FromCounts(ReportRowKind.Item, spec.Agency.Code, spec.Agency.Name, Sum(byAgency, spec.Members))))
            .Where(x => !x.row.IsZero || (x.spec.Agency.ValidFrom <= window.To && (x.spec.Agency.ValidTo is null || x.spec.Agency.ValidTo >= window.From)))
            .Select(x => x.row with { Ordinal = (++ordinal).ToString(CultureInfo.InvariantCulture) })
            .ToList();
        var total = Bieu06Row.Sum(ReportRowKind.Total, Bieu06Template.TotalKey, Bieu06Template.TotalLabel, items);

        return new Bieu06Report
        {
            Template = ReportForms.ServiceCentre,
            Agency = new Bieu06Agency(centre.Code, centre.Name),
            Period = period,
            WindowKind = windowKind,
            From = window.From,
            To = window.To,
            ReportingUnit = centre.Name,
            ReceivingUnit = $"Văn phòng {centreRoot.Name}",
            ComputedAt = clock.GetUtcNow().ToOffset(VietnamTime.Offset),
            Rows = totalLast ? [.. items, total] : [total, .. items],
        };
    }

    private static Bieu06Counts Sum(Dictionary<int, Bieu06Counts> byAgency, IEnumerable<int> members)
    {
        var counts = default(Bieu06Counts);
        foreach (var id in members)
        {
            if (byAgency.TryGetValue(id, out var c))
            {
                counts += c;
            }
        }

        return counts;
    }

    /// <summary>The agency bearing the code in the window (codes can be reused), else as today.</summary>
    internal static Agency Resolve(AgencyTree tree, string? code, DateWindow window, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return tree.Root ?? throw new QueryException("Không tìm thấy đơn vị", "Chưa có cây đơn vị.", "agency-not-found");
        }

        code = code.Trim();
        return tree.Resolve(code, window.To) ?? tree.Resolve(code, window.From) ?? tree.FindByCode(code, today)
            ?? throw new QueryException("Không tìm thấy đơn vị", $"Không có đơn vị mã '{code}'.", "agency-not-found");
    }

    internal static async Task<bool> TotalRowLastAsync(ReportingDbContext db, CancellationToken ct)
    {
        var value = await db.Settings.AsNoTracking()
            .Where(s => s.Key == SettingKeys.Bieu06TotalRow)
            .Select(s => s.Value)
            .FirstOrDefaultAsync(ct);
        return string.Equals(value?.Trim(), "last", StringComparison.OrdinalIgnoreCase);
    }

    // One agency: a row per field.
    private static async Task<List<Bieu06Row>> FieldRowsAsync(
        ReportingDbContext db, AgencyTree tree, IReadOnlyDictionary<string, Procedure> catalogue, Agency agency, DateWindow window, CancellationToken ct)
    {
        var members = tree.Members(agency.Id, HistoryView.Historical).ToList();
        var byProcedure = await Bieu06Reader.ReadByProcedureAsync(db, members, window, ct);

        var fields = new Dictionary<string, (string Label, Bieu06Counts Counts)>(StringComparer.Ordinal);
        foreach (var (procedureCode, counts) in byProcedure)
        {
            var (key, label) = FieldOf(catalogue, procedureCode);
            fields[key] = fields.TryGetValue(key, out var field) ? (field.Label, field.Counts + counts) : (label, counts);
        }

        var ordinal = 0;
        return fields
            .Select(f => Bieu06Row.FromCounts(ReportRowKind.Item, f.Key, f.Value.Label, f.Value.Counts))
            .Where(r => !r.IsZero)
            .OrderBy(r => r.Key == Bieu06Template.OtherFieldKey)
            .ThenBy(r => r.Label, VietnameseText.Order)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => r with { Ordinal = (++ordinal).ToString(CultureInfo.InvariantCulture) })
            .ToList();
    }

    /// <summary>The field (lĩnh vực) of a procedure by the catalogue; "Khác" when unknown or unplaced.</summary>
    internal static (string Key, string Label) FieldOf(IReadOnlyDictionary<string, Procedure> catalogue, string procedureCode)
    {
        if (catalogue.TryGetValue(procedureCode, out var procedure) && !string.IsNullOrWhiteSpace(procedure.FieldCode))
        {
            var code = procedure.FieldCode.Trim();
            return (code, string.IsNullOrWhiteSpace(procedure.FieldName) ? code : procedure.FieldName.Trim());
        }

        return (Bieu06Template.OtherFieldKey, Bieu06Template.OtherFieldLabel);
    }

    // The province: agencies grouped by level.
    private static async Task<List<Bieu06Row>> ProvinceRowsAsync(
        ReportingDbContext db, AgencyTree tree, Agency root, DateWindow window, CancellationToken ct)
    {
        var byAgency = await Bieu06Reader.ReadByAgencyAsync(db, window, ct);
        var layout = ProvinceLayout.Of(tree, root);

        Bieu06Row? RowOf(AgencyRowSpec spec, bool showWhenZero)
        {
            var row = Bieu06Row.FromCounts(ReportRowKind.Item, spec.Agency.Code, spec.Agency.Name, Sum(byAgency, spec.Members));
            var valid = spec.Agency.ValidFrom <= window.To && (spec.Agency.ValidTo is null || spec.Agency.ValidTo >= window.From);

            // Agencies of the window are listed even without dossiers; others only when dossiers
            // still count for them (open ones carried over from before a reorganisation).
            return (valid && showWhenZero) || !row.IsZero ? row : null;
        }

        var provincial = new List<Bieu06Row>();
        if (RowOf(layout.RootOwn, showWhenZero: false) is { } own)
        {
            provincial.Add(own);
        }

        provincial.AddRange(layout.Provincial.Select(s => RowOf(s, true)).OfType<Bieu06Row>());
        var districts = layout.Districts.Select(s => RowOf(s, true)).OfType<Bieu06Row>().ToList();
        var communes = layout.Communes.Select(s => RowOf(s, true)).OfType<Bieu06Row>().ToList();

        var groups = new List<(string Name, List<Bieu06Row> Items)> { (Bieu06Template.ProvinceGroup, provincial) };
        if (window.From < Bieu06Template.DistrictsAbolished || districts.Any(r => !r.IsZero))
        {
            groups.Add((Bieu06Template.DistrictGroup, window.From < Bieu06Template.DistrictsAbolished ? districts : districts.Where(r => !r.IsZero).ToList()));
        }

        groups.Add((Bieu06Template.CommuneGroup, communes));

        var rows = new List<Bieu06Row>();
        for (var g = 0; g < groups.Count; g++)
        {
            var (name, items) = groups[g];
            var subtotal = Bieu06Row.Sum(ReportRowKind.Subtotal, name, name, items) with { Ordinal = Roman(g + 1) };
            rows.Add(subtotal);
            rows.AddRange(items.Select((r, i) => r with { Group = name, Ordinal = (i + 1).ToString(CultureInfo.InvariantCulture) }));
        }

        return rows;
    }

    private static string Roman(int n) => n switch
    {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        5 => "V",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>An item row of the province report: the agency and the agencies whose dossiers it counts.</summary>
internal sealed record AgencyRowSpec(Agency Agency, HashSet<int> Members);

/// <summary>
/// Which agencies of the province's tree make which row: departments, the service centre and other
/// provincial agencies with their subtrees; districts with their subtree except their communes;
/// every commune (under the root or a district) with its subtree; the root's own dossiers, if any,
/// in a provincial row of their own. Every agency of the tree lands in exactly one row.
/// </summary>
internal sealed record ProvinceLayout(AgencyRowSpec RootOwn, List<AgencyRowSpec> Provincial, List<AgencyRowSpec> Districts, List<AgencyRowSpec> Communes)
{
    public static ProvinceLayout Of(AgencyTree tree, Agency root)
    {
        var layout = new ProvinceLayout(new AgencyRowSpec(root, [root.Id]), [], [], []);
        foreach (var child in tree.Children(root.Id))
        {
            switch (child.Kind)
            {
                case AgencyKind.Commune:
                    layout.Communes.Add(new AgencyRowSpec(child, tree.Descendants(child.Id)));
                    break;
                case AgencyKind.District:
                    var district = new AgencyRowSpec(child, []);
                    layout.Districts.Add(district);
                    layout.CollectDistrict(tree, child, district);
                    break;
                default:
                    layout.Provincial.Add(new AgencyRowSpec(child, tree.Descendants(child.Id)));
                    break;
            }
        }

        return layout;
    }

    private void CollectDistrict(AgencyTree tree, Agency agency, AgencyRowSpec district)
    {
        district.Members.Add(agency.Id);
        foreach (var child in tree.Children(agency.Id))
        {
            if (child.Kind == AgencyKind.Commune)
            {
                Communes.Add(new AgencyRowSpec(child, tree.Descendants(child.Id)));
            }
            else
            {
                CollectDistrict(tree, child, district);
            }
        }
    }
}
