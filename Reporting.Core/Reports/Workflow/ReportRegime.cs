using Reporting.Core.Agencies;
using Reporting.Core.Periods;
using Reporting.Core.Reports.Templates;

namespace Reporting.Core.Reports.Workflow;

/// <summary>
/// A reporting regime (chế độ báo cáo, reporting.md) as data an administrator edits: which forms, how
/// often, which window, who reports and who receives, and the deadline as N working days after the
/// window ends, with the legal source of each. Seeded regimes are unconfirmed ("cần xác nhận căn cứ").
/// </summary>
public sealed class ReportRegime
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string LegalBasis { get; set; }

    /// <summary>Form codes of <see cref="ReportForms"/>.</summary>
    public List<string> Forms { get; set; } = [];

    public PeriodKind Frequency { get; set; }
    public WindowKind Window { get; set; } = WindowKind.Cutoff;
    public int DeadlineWorkingDays { get; set; } = 2;

    /// <summary>Where the deadline comes from (a provincial decision); "cần xác nhận căn cứ" until confirmed.</summary>
    public required string DeadlineSource { get; set; }

    /// <summary>Agency kinds that file the agency forms (Biểu 06), e.g. Department, Commune.</summary>
    public List<AgencyKind> Reporters { get; set; } = [];

    /// <summary>The reviewer's unit (who receives), as shown on the form.</summary>
    public required string Recipient { get; set; }

    public bool Confirmed { get; set; }

    /// <summary>The period of this regime whose window ended most recently before <paramref name="today"/>.</summary>
    public PeriodKey LastEndedPeriod(DateOnly today)
    {
        var period = PeriodKey.Containing(Frequency, today);
        while (period.Window(Window).To >= today)
        {
            period = period.Previous();
        }

        return period;
    }

    /// <summary>
    /// Who files a form of this regime: Biểu 06 each agency of a reporter kind, and the province (its
    /// Biểu 06 is the consolidation, the report sent to the national system), II.06a the service
    /// centre, II.07b the province.
    /// </summary>
    public bool IsFiledBy(string form, Agency agency) => form switch
    {
        ReportForms.Bieu06 => agency.ParentId is null || Reporters.Contains(agency.Kind),
        ReportForms.Bieu06a => agency.Kind == AgencyKind.ServiceCentre,
        ReportForms.Bieu07b => agency.ParentId is null,
        _ => false,
    };
}
