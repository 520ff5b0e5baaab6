using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Reporting.Core.Persistence;
using Reporting.Core.Reports.Workflow;

namespace Reporting.Core.National;

/// <summary>
/// The outbox side of the <c>send</c> transition: adds (or re-arms) the submission row in the caller's
/// DbContext, so it commits with the transition or not at all. The delivery job does the rest.
/// </summary>
public sealed class NationalOutbox(IOptions<NationalOptions> options, SigningCertificate certificate, TimeProvider clock)
{
    public bool Configured => options.Value.Configured;

    /// <summary>First send of the accepted version: builds and signs the body once, from the stored version.</summary>
    public NationalSubmission Add(ReportingDbContext db, ReportInstance instance, ReportVersion version, ReportCaller caller, string? comment)
    {
        var now = clock.GetUtcNow();
        var submission = new NationalSubmission
        {
            InstanceId = instance.Id,
            Version = version.Number,
            IdempotencyKey = SubmissionBody.IdempotencyKey(instance.Id, version.Number),
            Body = SubmissionBody.Build(instance, version, caller.Name, certificate.Get(), now, comment),
            State = SubmissionState.Sending,
            CreatedAt = now.ToOffset(Periods.VietnamTime.Offset),
            CreatedBy = caller.Name,
            Comment = comment,
            NextAttemptUtc = now.UtcDateTime,
            GiveUpUtc = now.UtcDateTime.AddHours(options.Value.GiveUpAfterHours),
        };
        db.NationalSubmissions.Add(submission);
        return submission;
    }

    /// <summary>The reviewer's retry of a failed submission: the same body and key, a new attempt now, a new give-up time.</summary>
    public async Task RetryAsync(ReportingDbContext db, ReportInstance instance, CancellationToken ct)
    {
        var submission = await db.NationalSubmissions.FirstOrDefaultAsync(s => s.InstanceId == instance.Id && s.Version == instance.Version, ct)
            ?? throw new WorkflowException(WorkflowRefusal.WrongState, "Không có lần gửi để gửi lại",
                $"Phiên bản {instance.Version} của báo cáo số {instance.Id} chưa được gửi lần nào.");
        var now = clock.GetUtcNow().UtcDateTime;
        submission.State = SubmissionState.Sending;
        submission.NextAttemptUtc = now;
        submission.GiveUpUtc = now.AddHours(options.Value.GiveUpAfterHours);
    }
}
