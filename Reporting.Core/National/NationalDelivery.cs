using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reporting.Core.Audit;
using Reporting.Core.Persistence;
using Reporting.Core.Reports.Workflow;

namespace Reporting.Core.National;

/// <summary>
/// Delivers the outbox (api.md): <c>POST {BaseUrl}/submissions</c> with the stored body and its
/// <c>Idempotency-Key</c>. 202 stores the receipt; 4xx the reason (rejected); 5xx, 408, 429,
/// timeouts and refused connections are retried with backoff until <c>National:GiveUpAfterHours</c>,
/// then failed. Every attempt is stored with the submission's and the report's new state in one
/// transaction. A delivery cut short by a stopping host records nothing, so the row is still due at
/// the next start; the receiver's idempotency turns an answer lost that way into the same receipt.
/// </summary>
public sealed class NationalDelivery(
    IDbContextFactory<ReportingDbContext> dbFactory, IHttpClientFactory httpClients, IOptions<NationalOptions> options, TimeProvider clock,
    ILogger<NationalDelivery> logger)
{
    public const string HttpClientName = "national";

    /// <summary>Longest wait between two attempts.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    /// <summary>Who the report's history and the audit log name for the receiver's answers.</summary>
    public static ReportCaller Caller { get; } = new("Hệ thống báo cáo quốc gia", new HashSet<string>(), _ => true)
    {
        Actor = AuditActor.System with { Name = "national-delivery" },
    };

    /// <summary>The wait after the n-th unanswered attempt: 30 s, 1, 2, 4 … minutes, at most <see cref="MaxBackoff"/>.</summary>
    public static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, 30 * Math.Pow(2, Math.Min(attempt - 1, 20))));

    /// <summary>Attempts every submission that is due; the number attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct = default)
    {
        if (!options.Value.Configured)
        {
            return 0;
        }

        List<int> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            due = await db.NationalSubmissions.AsNoTracking()
                .Where(s => s.State == SubmissionState.Sending && s.NextAttemptUtc <= now)
                .OrderBy(s => s.NextAttemptUtc)
                .Select(s => s.Id)
                .Take(100)
                .ToListAsync(ct);
        }

        foreach (var id in due)
        {
            await AttemptAsync(id, ct);
        }

        return due.Count;
    }

    /// <summary>How long an attempt holds its submission: its timeout and the time to store the answer.</summary>
    public TimeSpan Lease => TimeSpan.FromSeconds(options.Value.TimeoutSeconds) + TimeSpan.FromMinutes(1);

    /// <summary>
    /// One attempt of a submission still sending and due (not waiting for its backoff, nor held by an attempt
    /// under way elsewhere); its state afterwards.
    /// </summary>
    public async Task<SubmissionState> AttemptAsync(int submissionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var submission = await db.NationalSubmissions.FirstAsync(s => s.Id == submissionId, ct);
        if (submission.State != SubmissionState.Sending)
        {
            return submission.State;
        }

        if (submission.NextAttemptUtc > clock.GetUtcNow().UtcDateTime)
        {
            return submission.State;
        }

        if (!await ClaimAsync(db, submission, ct))
        {
            logger.LogInformation("National submission {Submission} is being attempted elsewhere; skipped", submission.Id);
            return SubmissionState.Sending;
        }

        var outcome = await PostAsync(submission, ct);
        ct.ThrowIfCancellationRequested();

        var now = clock.GetUtcNow();
        submission.Attempts++;
        db.NationalSubmissionAttempts.Add(new NationalSubmissionAttempt
        {
            SubmissionId = submission.Id,
            Number = submission.Attempts,
            At = now.ToOffset(Periods.VietnamTime.Offset),
            HttpStatus = outcome.Status,
            ReceiptId = outcome.ReceiptId,
            Error = Cut(outcome.Error),
        });

        var instance = await db.ReportInstances.FirstAsync(i => i.Id == submission.InstanceId, ct);
        var from = instance.State;
        string? answer = null;
        if (outcome.ReceiptId is not null)
        {
            submission.State = SubmissionState.Received;
            submission.ReceiptId = outcome.ReceiptId;
            submission.ReceivedAt = outcome.ReceivedAt;
            submission.Error = null;
            answer = $"Số biên nhận {outcome.ReceiptId}";
        }
        else if (outcome.Rejected)
        {
            submission.State = SubmissionState.Rejected;
            submission.Error = Cut(outcome.Error);
            answer = submission.Error;
        }
        else if (now.UtcDateTime >= submission.GiveUpUtc)
        {
            submission.State = SubmissionState.Failed;
            submission.Error = Cut(outcome.Error);
            answer = $"Sau {submission.Attempts} lần gửi không được trả lời: {submission.Error}";
        }
        else
        {
            submission.Error = Cut(outcome.Error);
            submission.NextAttemptUtc = now.UtcDateTime + Backoff(submission.Attempts);
        }

        if (submission.State != SubmissionState.Sending && instance.State == ReportState.Sending)
        {
            instance.State = submission.State switch
            {
                SubmissionState.Received => ReportState.Received,
                SubmissionState.Rejected => ReportState.Rejected,
                _ => ReportState.Failed,
            };
            instance.Revision++;
            ReportWorkflow.Record(db, clock, instance, Code(instance.State), from, submission.Version, Caller, answer);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation(
            "National submission {Submission} of report {Instance} v{Version}, attempt {Attempt}: HTTP {Status}, now {State}",
            submission.Id, submission.InstanceId, submission.Version, submission.Attempts, outcome.Status, submission.State);
        return submission.State;
    }

    private static string Code(ReportState state) => ReportStates.Code(state);

    /// <summary>
    /// Moves the row's due time past this attempt's lease, only if nobody moved it since it was read: of two
    /// nodes (or two runs) reading the same row, one claims it and the other leaves it (ADR 015). A host
    /// stopped mid-attempt leaves the lease behind; the row is due again when it ends.
    /// </summary>
    private async Task<bool> ClaimAsync(ReportingDbContext db, NationalSubmission submission, CancellationToken ct)
    {
        var seen = submission.NextAttemptUtc;
        var until = clock.GetUtcNow().UtcDateTime + Lease;
        var claimed = await db.NationalSubmissions
            .Where(s => s.Id == submission.Id && s.State == SubmissionState.Sending && s.NextAttemptUtc == seen)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.NextAttemptUtc, until), ct);
        if (claimed == 0)
        {
            return false;
        }

        // The tracked row must agree with what is stored, or the answer's save would put the old time back.
        submission.NextAttemptUtc = until;
        db.Entry(submission).Property(s => s.NextAttemptUtc).OriginalValue = until;
        return true;
    }

    private async Task<Outcome> PostAsync(NationalSubmission submission, CancellationToken ct)
    {
        var settings = options.Value;
        var baseUrl = settings.BaseUrl!.ToString().TrimEnd('/') + "/";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(baseUrl), "submissions"))
        {
            Content = new StringContent(submission.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", submission.IdempotencyKey);
        if (!string.IsNullOrEmpty(settings.ApiKey))
        {
            request.Headers.Add("X-Api-Key", settings.ApiKey);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                return Receipt(status, text);
            }

            if (status is >= 400 and < 500 and not (408 or 429))
            {
                return new Outcome(status, null, null, true, Reason(status, text));
            }

            return new Outcome(status, null, null, false, $"HTTP {status}: {Reason(status, text)}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Outcome(null, null, null, false, $"Quá {settings.TimeoutSeconds} giây không có trả lời.");
        }
        catch (HttpRequestException e)
        {
            return new Outcome(null, null, null, false, $"Không kết nối được: {e.Message}");
        }
    }

    private static Outcome Receipt(int status, string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("receiptId", out var id) && id.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(id.GetString()))
            {
                var at = json.RootElement.TryGetProperty("receivedAt", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                return new Outcome(status, id.GetString(), at, false, null);
            }
        }
        catch (JsonException)
        {
        }

        // A 202 without a receipt proves nothing; ask again (same key, so no duplicate).
        return new Outcome(status, null, null, false, "HTTP 202 không kèm số biên nhận (receiptId).");
    }

    /// <summary>The receiver's reason: a problem's detail or title, an <c>error</c>/<c>reason</c> field, or the text.</summary>
    private static string Reason(int status, string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in new[] { "detail", "reason", "error", "title" })
                {
                    if (json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
                    {
                        return value.GetString()!;
                    }
                }
            }
        }
        catch (JsonException)
        {
        }

        return string.IsNullOrWhiteSpace(text) ? $"HTTP {status}" : text.Trim();
    }

    private static string? Cut(string? text) =>
        text is null || text.Length <= Persistence.Configurations.NationalSubmissionConfigurationLengths.Error ? text : text[..(Persistence.Configurations.NationalSubmissionConfigurationLengths.Error - 1)] + "…";

    private sealed record Outcome(int? Status, string? ReceiptId, string? ReceivedAt, bool Rejected, string? Error);
}
