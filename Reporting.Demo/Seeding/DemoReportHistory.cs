using Microsoft.EntityFrameworkCore;
using Reporting.Core.Access;
using Reporting.Core.Agencies;
using Reporting.Core.Calendar;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;
using Reporting.Core.Reports.Templates;
using Reporting.Core.Reports.Workflow;

namespace Reporting.Demo.Seeding;

/// <summary>
/// A history of filed reports, so the report pages and the on-time figure show something on a fresh demo:
/// the departments' quarterly Biểu 06 of the two quarters before the last ended one, filed through the real
/// workflow as the people would have (mostly on time, about one in six late by a few working days, about one
/// in six returned once by the province reviewer, corrected and resubmitted), each step at its own past
/// instant. The last ended quarter is left for the department heads to file. Deterministic from the seed.
/// </summary>
internal static class DemoReportHistory
{
    private const string Regime = "tthc-quy";

    public static async Task<int> FileAsync(IServiceProvider services, int seed, DateOnly endDate, ILogger logger, CancellationToken ct)
    {
        var reference = await services.GetRequiredService<ReferenceData>().GetAsync(ct);
        var calendar = reference.Calendar;
        ReportRegime? regime;
        await using (var db = await services.GetRequiredService<IDbContextFactory<ReportingDbContext>>().CreateDbContextAsync(ct))
        {
            regime = await db.ReportRegimes.AsNoTracking().SingleOrDefaultAsync(r => r.Code == Regime, ct);
        }

        if (regime is null || reference.Tree.Root is null)
        {
            return 0;
        }

        var clock = new PastClock();
        var workflow = ActivatorUtilities.CreateInstance<ReportWorkflow>(services, (TimeProvider)clock);
        var last = regime.LastEndedPeriod(endDate);
        var departments = reference.Tree.All.Where(a => a.Kind == AgencyKind.Department && a.IsValidOn(endDate)).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        var random = new Random(seed + 6);
        var filed = 0;
        foreach (var period in new[] { last.Previous().Previous(), last.Previous() })
        {
            foreach (var agency in departments)
            {
                var late = random.Next(6) == 0;
                var returned = random.Next(6) == 0;
                var lateDays = 1 + random.Next(3);
                var earlyDays = random.Next(3);
                try
                {
                    await FileOneAsync(workflow, clock, calendar, agency, period, late ? lateDays : -earlyDays, returned, ct);
                    filed++;
                }
                catch (WorkflowException e)
                {
                    // A demo report the workflow refuses is left as it stands, with the reason in the log.
                    logger.LogWarning("Demo report {Agency} {Period} not filed: {Reason}", agency.Code, period, e.Message);
                }
            }
        }

        return filed;
    }

    private static async Task FileOneAsync(ReportWorkflow workflow, PastClock clock, WorkingCalendar calendar, Agency agency, PeriodKey period,
        int submitOffset, bool returned, CancellationToken ct)
    {
        var preparer = Caller("Chuyên viên tổng hợp (demo)", Roles.Preparer);
        var head = Caller("Thủ trưởng đơn vị (demo)", Roles.Head);
        var reviewer = Caller("Văn phòng UBND tỉnh (demo)", Roles.Reviewer);

        var windowEnd = period.Window(WindowKind.Cutoff).To;
        clock.At(windowEnd.AddDays(1), 8);
        var (view, _) = await workflow.CreateAsync(preparer, Regime, ReportForms.Bieu06, agency.Code, period.ToString(), ct);
        var id = view.Summary.Id;
        var due = view.Summary.DueDate;
        var day = submitOffset >= 0 ? calendar.AddWorkingDays(due, submitOffset) : Earlier(calendar, due, -submitOffset, windowEnd);

        clock.At(day, 9);
        await workflow.ActAsync(preparer, id, ReportActions.Submit, null, ct);
        clock.At(day, 15);
        await workflow.ActAsync(head, id, ReportActions.Approve, "Đồng ý gửi.", ct);
        day = calendar.AddWorkingDays(day, 1);
        if (returned)
        {
            clock.At(day, 10);
            await workflow.ActAsync(reviewer, id, ReportActions.Return, "Đề nghị rà soát lại số hồ sơ tồn kỳ trước chuyển sang.", ct);
            day = calendar.AddWorkingDays(day, 1);
            clock.At(day, 9);
            await workflow.ActAsync(preparer, id, ReportActions.Submit, "Đã rà soát, số liệu khớp hệ thống một cửa.", ct);
            clock.At(day, 14);
            await workflow.ActAsync(head, id, ReportActions.Approve, null, ct);
            day = calendar.AddWorkingDays(day, 1);
        }

        clock.At(day, 16);
        await workflow.ActAsync(reviewer, id, ReportActions.Accept, null, ct);
    }

    /// <summary>A working day <paramref name="days"/> working days before the due date, not before the window ended.</summary>
    private static DateOnly Earlier(WorkingCalendar calendar, DateOnly due, int days, DateOnly windowEnd)
    {
        var day = due;
        for (var i = 0; i < days && day > windowEnd.AddDays(1); i++)
        {
            do
            {
                day = day.AddDays(-1);
            }
            while (!calendar.IsWorkingDay(day) && day > windowEnd.AddDays(1));
        }

        return day;
    }

    private static ReportCaller Caller(string name, string role) => new(name, new HashSet<string> { role }, _ => true);

    /// <summary>The instant each step of the history happened (Asia/Ho_Chi_Minh).</summary>
    private sealed class PastClock : TimeProvider
    {
        private DateTimeOffset _now;

        public void At(DateOnly day, int hour) => _now = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), VietnamTime.Offset);

        public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();
    }
}
