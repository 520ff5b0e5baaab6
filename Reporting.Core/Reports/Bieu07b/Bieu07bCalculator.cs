using System.Globalization;
using Reporting.Core.Agencies;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;
using Reporting.Core.Procedures;
using Reporting.Core.Reports.Bieu06;
using Reporting.Core.Reports.Templates;

namespace Reporting.Core.Reports.Bieu07b;

/// <summary>
/// Fills Biểu II.07b from the procedure catalogue: one row per field (lĩnh vực), the number of
/// procedures at province and commune level (the catalogue's <c>CapThucHien</c>) in the first group.
/// The province counts the whole catalogue; a provincial agency its province-level procedures; a
/// commune its commune-level ones. Every other cell (district level, one-stop shop, internal
/// processes) is manual: 0 here, typed in or uploaded on the report instance.
/// </summary>
public sealed class Bieu07bCalculator(ReferenceData referenceData, TimeProvider clock)
{

    /// <exception cref="QueryException">Unknown agency, or a period that has not started.</exception>
    public async Task<ReportDocument> BuildAsync(string? agencyCode, PeriodKey period, WindowKind windowKind = WindowKind.Cutoff, CancellationToken ct = default)
    {
        var reference = await referenceData.GetAsync(ct);
        var tree = reference.Tree;
        var today = VietnamTime.Today(clock);
        var window = period.Window(windowKind);
        var agency = Bieu06Calculator.Resolve(tree, agencyCode, window, today);
        if (window.From > today)
        {
            throw QueryException.PeriodNotStarted(period, window);
        }

        var template = ReportForms.For(ReportForms.Bieu07b, window)!;
        var province = agency.ParentId is null;
        var (countProvince, countCommune) = province ? (true, true) : agency.Kind switch
        {
            AgencyKind.Commune => (false, true),
            AgencyKind.District => (false, false),
            _ => (true, false),
        };

        var provinceColumn = template.Columns.First(c => c.Source == CellSource.Computed && c.Name.EndsWith("Cấp tỉnh", StringComparison.Ordinal)).Number;
        var communeColumn = template.Columns.First(c => c.Source == CellSource.Computed && c.Name.EndsWith("Cấp xã", StringComparison.Ordinal)).Number;

        var ordinal = 0;
        var items = reference.Procedures.Values
            .Where(p => (countProvince && p.AtProvinceLevel) || (countCommune && p.AtCommuneLevel))
            .GroupBy(p => Bieu06Calculator.FieldOf(reference.Procedures, p.Code))
            .Select(g => Row(template, g.Key.Key, g.Key.Label, provinceColumn, countProvince ? g.Count(p => p.AtProvinceLevel) : 0,
                communeColumn, countCommune ? g.Count(p => p.AtCommuneLevel) : 0))
            .OrderBy(r => r.Key == Bieu06Template.OtherFieldKey)
            .ThenBy(r => r.Label, VietnameseText.Order)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => r with { Ordinal = (++ordinal).ToString(CultureInfo.InvariantCulture) })
            .ToList();
        var total = ReportRow.Sum(template, ReportRowKind.Total, ReportRow.TotalKey, template.TotalLabel, items);
        var root = tree.PathTo(agency.Id)[0];

        return new ReportDocument
        {
            Template = template,
            Agency = new ReportAgency(agency.Code, agency.Name),
            Period = period,
            WindowKind = windowKind,
            Window = window,
            ReportingUnit = agency.Name,
            ReceivingUnit = province ? Bieu06Template.NationalReceiver : $"Văn phòng {root.Name}",
            ComputedAt = clock.GetUtcNow().ToOffset(VietnamTime.Offset),
            Rows = [total, .. items],
        };
    }

    private static ReportRow Row(ReportTemplate template, string key, string label, int provinceColumn, int provinceCount, int communeColumn, int communeCount) =>
        ReportRow.Create(ReportRowKind.Item, key, label, template.ColumnNumbers.Select(c => KeyValuePair.Create(c, 0)))
            .With(provinceColumn, provinceCount)
            .With(communeColumn, communeCount)
            .WithRowSums(template);
}
