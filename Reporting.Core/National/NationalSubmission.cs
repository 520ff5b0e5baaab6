namespace Reporting.Core.National;

/// <summary>Where a submission stands (reporting.md: sending → received | rejected | failed).</summary>
public enum SubmissionState
{
    Sending,
    Received,
    Rejected,
    Failed,
}

/// <summary>
/// The outbox row of one accepted version's submission, written in the transaction of the <c>send</c>
/// transition. <see cref="Body"/> is the exact signed text built once from the accepted version, so
/// every attempt (and a retry after failure) sends the same bytes under the same idempotency key.
/// </summary>
public sealed class NationalSubmission
{
    public int Id { get; set; }
    public int InstanceId { get; set; }
    public int Version { get; set; }

    /// <summary>Instance id + version (reporting.md); unique.</summary>
    public required string IdempotencyKey { get; set; }

    /// <summary>The JSON body as sent, <c>signature</c> included.</summary>
    public required string Body { get; set; }

    public SubmissionState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    /// <summary>The reason given for sending with pending agencies.</summary>
    public string? Comment { get; set; }

    /// <summary>UTC, compared in queries (SQLite orders DateTime text, not DateTimeOffset).</summary>
    public DateTime NextAttemptUtc { get; set; }

    /// <summary>UTC: after this, 5xx and timeouts end in <see cref="SubmissionState.Failed"/>.</summary>
    public DateTime GiveUpUtc { get; set; }

    public int Attempts { get; set; }
    public string? ReceiptId { get; set; }
    public string? ReceivedAt { get; set; }

    /// <summary>The rejection reason or the last error.</summary>
    public string? Error { get; set; }
}

/// <summary>One delivery attempt: when, what the receiver answered (no status: timeout or no connection), receipt or error.</summary>
public sealed class NationalSubmissionAttempt
{
    public long Id { get; set; }
    public int SubmissionId { get; set; }
    public int Number { get; set; }
    public DateTimeOffset At { get; set; }
    public int? HttpStatus { get; set; }
    public string? ReceiptId { get; set; }
    public string? Error { get; set; }
}
