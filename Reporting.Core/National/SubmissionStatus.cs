using Microsoft.EntityFrameworkCore;
using Reporting.Core.Persistence;

namespace Reporting.Core.National;

/// <summary>One attempt as the API's <c>submissions</c> list and the report page show it.</summary>
public sealed record SubmissionAttemptView(int Attempt, DateTimeOffset At, int? Status, string? ReceiptId, string? Error);

/// <summary>Where the submission of a report version stands, with every attempt.</summary>
public sealed record SubmissionStatusView(
    int Version, string IdempotencyKey, SubmissionState State, DateTimeOffset CreatedAt, string CreatedBy, string? Comment,
    string? ReceiptId, string? ReceivedAt, string? Error, DateTime? NextAttemptUtc, IReadOnlyList<SubmissionAttemptView> Attempts);

/// <summary>
/// Reads the submissions of an instance. No scope check here: callers read the instance through
/// <see cref="Reports.Workflow.ReportWorkflow"/> first, which refuses what is outside the caller's scope.
/// </summary>
public sealed class SubmissionStatusReader(IDbContextFactory<ReportingDbContext> dbFactory)
{
    /// <summary>The submissions of the instance, latest version first (usually one).</summary>
    public async Task<IReadOnlyList<SubmissionStatusView>> ListAsync(int instanceId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var submissions = await db.NationalSubmissions.AsNoTracking()
            .Where(s => s.InstanceId == instanceId)
            .OrderByDescending(s => s.Version)
            .Select(s => new { s.Id, s.Version, s.IdempotencyKey, s.State, s.CreatedAt, s.CreatedBy, s.Comment, s.ReceiptId, s.ReceivedAt, s.Error, s.NextAttemptUtc })
            .ToListAsync(ct);
        var ids = submissions.Select(s => s.Id).ToList();
        var attempts = (await db.NationalSubmissionAttempts.AsNoTracking()
                .Where(a => ids.Contains(a.SubmissionId))
                .ToListAsync(ct))
            .GroupBy(a => a.SubmissionId)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.Number).Select(a => new SubmissionAttemptView(a.Number, a.At, a.HttpStatus, a.ReceiptId, a.Error)).ToList());
        return submissions.Select(s => new SubmissionStatusView(
            s.Version, s.IdempotencyKey, s.State, s.CreatedAt, s.CreatedBy, s.Comment, s.ReceiptId, s.ReceivedAt, s.Error,
            s.State == SubmissionState.Sending ? s.NextAttemptUtc : null,
            attempts.GetValueOrDefault(s.Id) ?? [])).ToList();
    }
}

public static class SubmissionStates
{
    public static string Code(SubmissionState state) => state.ToString().ToLowerInvariant();

    public static string Label(SubmissionState state) => state switch
    {
        SubmissionState.Sending => "Đang gửi",
        SubmissionState.Received => "Đã nhận (có biên nhận)",
        SubmissionState.Rejected => "Bị từ chối",
        _ => "Không gửi được",
    };
}
