using Microsoft.EntityFrameworkCore;
using Reporting.Core.Agencies;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;
using Reporting.Core.Reports.Templates;
using Reporting.Core.Reports.Workflow;

namespace Reporting.Core.National;

/// <summary>The latest submission of the province's report of one period: which version, where it stands, the receipt or the reason.</summary>
public sealed record NationalSubmissionSummary(
    int Version, SubmissionState State, DateTimeOffset SentAt, int Attempts, string? ReceiptId, string? ReceivedAt, string? Error);

/// <summary>
/// One period of a regime as the national system has it: the province's consolidated report (null: not made
/// yet) and its latest submission (null: never sent). The period has reached the national system when that
/// submission holds a receipt.
/// </summary>
public sealed record NationalPeriodReach(string Regime, PeriodKey Period, ReportInstanceSummary? Report, NationalSubmissionSummary? Submission)
{
    public bool Reached => Submission is { State: SubmissionState.Received };

    /// <summary>What the period's cell says, in the words of the report's states (colour is never the only cue).</summary>
    public string Label => (Report, Submission) switch
    {
        (null, _) => "Chưa lập báo cáo tổng hợp",
        (_, { State: SubmissionState.Received }) => ReportStates.Label(ReportState.Received),
        (_, { State: SubmissionState.Sending }) => ReportStates.Label(ReportState.Sending),
        (_, { State: SubmissionState.Failed }) => ReportStates.Label(ReportState.Failed),
        ({ State: ReportState.Accepted }, _) => "Đã tiếp nhận, chưa gửi",
        ({ State: ReportState.Draft }, { State: SubmissionState.Rejected }) => "Bị từ chối, đang sửa",
        ({ } r, _) => ReportStates.Label(r.State),
    };

    /// <summary>The state's short code for the colour of the cell: reached, sending, refused, failed or open.</summary>
    public string Tone => Reached ? "received"
        : Submission?.State == SubmissionState.Sending ? "sending"
        : Submission?.State is SubmissionState.Rejected || Report?.State == ReportState.Rejected ? "rejected"
        : Submission?.State == SubmissionState.Failed ? "failed"
        : Report is null ? "none" : "open";
}

/// <summary>
/// Which periods reached the national system (issue 10): the province's consolidated Biểu 06 of each
/// period, read through the workflow's own list (so the viewer's scope is the workflow's: a viewer whose
/// scope does not contain the province gets nothing), with the latest submission of each.
/// </summary>
public sealed class NationalReachReader(ReportWorkflow workflow, IDbContextFactory<ReportingDbContext> dbFactory, ReferenceData referenceData)
{
    /// <summary>The periods asked for, in the order given; empty when the caller's scope does not contain the province.</summary>
    public async Task<IReadOnlyList<NationalPeriodReach>> ReadAsync(
        ReportCaller caller, IReadOnlyList<(string Regime, PeriodKey Period)> periods, CancellationToken ct = default)
    {
        var root = (await referenceData.GetAsync(ct)).Tree.Root;
        if (root is null || !caller.InScope(root.Code) || periods.Count == 0)
        {
            return [];
        }

        var reports = (await workflow.ListAsync(caller, agency: root.Code, ct: ct))
            .Where(r => r.Form == ReportForms.Bieu06)
            .ToDictionary(r => (r.Regime, r.PeriodKey));
        var ids = reports.Values.Select(r => r.Id).ToList();
        Dictionary<int, NationalSubmissionSummary> latest;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            latest = (await db.NationalSubmissions.AsNoTracking()
                    .Where(s => ids.Contains(s.InstanceId))
                    .Select(s => new { s.InstanceId, s.Version, s.State, s.CreatedAt, s.Attempts, s.ReceiptId, s.ReceivedAt, s.Error })
                    .ToListAsync(ct))
                .GroupBy(s => s.InstanceId)
                .Select(g => g.MaxBy(s => s.Version)!)
                .ToDictionary(s => s.InstanceId, s => new NationalSubmissionSummary(s.Version, s.State, s.CreatedAt, s.Attempts, s.ReceiptId, s.ReceivedAt, s.Error));
        }

        return periods.Select(p =>
        {
            var report = reports.GetValueOrDefault((p.Regime, p.Period.ToString()));
            return new NationalPeriodReach(p.Regime, p.Period, report, report is null ? null : latest.GetValueOrDefault(report.Id));
        }).ToList();
    }

    /// <summary>
    /// The last <paramref name="count"/> ended periods of every regime, oldest first as a timeline reads, for the
    /// dashboards' grid; empty when the caller's scope does not contain the province.
    /// </summary>
    public async Task<IReadOnlyList<(ReportRegime Regime, IReadOnlyList<NationalPeriodReach> Periods)>> RecentAsync(
        ReportCaller caller, DateOnly today, int count, CancellationToken ct = default)
    {
        List<ReportRegime> regimes;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            regimes = await db.ReportRegimes.AsNoTracking().OrderBy(r => r.Frequency).ThenBy(r => r.Code).ToListAsync(ct);
        }

        var periods = new List<(string, PeriodKey)>();
        foreach (var regime in regimes)
        {
            var recent = new List<PeriodKey> { regime.LastEndedPeriod(today) };
            while (recent.Count < count)
            {
                recent.Add(recent[^1].Previous());
            }

            recent.Reverse();
            periods.AddRange(recent.Select(p => (regime.Code, p)));
        }

        var reach = await ReadAsync(caller, periods, ct);
        return reach.Count == 0 ? [] : regimes
            .Select(r => (r, (IReadOnlyList<NationalPeriodReach>)reach.Where(p => p.Regime == r.Code).ToList()))
            .ToList();
    }
}
