using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Reporting.Core.National;

namespace Reporting.Demo.Simulators;

/// <summary>Section <c>Simulators:QuocGia</c>: the receiver simulator's failure switch and the key it expects (none: any).</summary>
public sealed class ReceiverSettings
{
    public const string Section = "Simulators:QuocGia";

    public ReceiverFailure Failure { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>
    /// A file that keeps the receipts across restarts (JSON lines), as the real receiver keeps them in its
    /// database. Demo mode puts it in the data folder; empty: kept in memory only.
    /// </summary>
    public string? ReceiptsPath { get; set; }
}

/// <summary>What the receiver simulator does wrong on purpose (demo and tests).</summary>
public enum ReceiverFailure
{
    None,

    /// <summary>Every submission answers HTTP 503.</summary>
    ServerError,

    /// <summary>
    /// Every submission is handled (a receipt issued and kept) but answered only after
    /// <see cref="NationalReceiverState.SlowDelay"/>: the answer a stopping sender never reads.
    /// </summary>
    Slow,

    /// <summary>Every submission is refused with 422 and a reason.</summary>
    Reject,
}

/// <summary>A submission as the receiver saw it, for the simulator's page and the tests.</summary>
public sealed record ReceivedSubmission(
    string? IdempotencyKey, DateTimeOffset At, int Status, string? ReceiptId, string? Reason,
    string? AgencyCode, string? FormCode, string? PeriodKey, int? Version, string? Signer, bool? SignatureValid, string Body);

/// <summary>
/// The simulated national receiver's memory: receipts by idempotency key (a repeat gets the same
/// receipt; the same key with another body is refused), everything received, and the failure switches.
/// With a <see cref="ReceiverSettings.ReceiptsPath"/> the receipts outlive a restart, so a sender that
/// stopped before reading an answer gets the same receipt when it asks again.
/// </summary>
public sealed class NationalReceiverState
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string BodyHash, string ReceiptId, string ReceivedAt)> _receipts = [];
    private readonly List<ReceivedSubmission> _received = [];
    private readonly TimeProvider _clock;
    private readonly string? _receiptsPath;
    private int _next;

    public NationalReceiverState(TimeProvider clock, string? receiptsPath = null)
    {
        _clock = clock;
        _receiptsPath = string.IsNullOrWhiteSpace(receiptsPath) ? null : receiptsPath;
        if (_receiptsPath is not null && File.Exists(_receiptsPath))
        {
            foreach (var line in File.ReadLines(_receiptsPath).Where(l => l.Length > 0))
            {
                var kept = JsonSerializer.Deserialize<KeptReceipt>(line)!;
                _receipts[kept.Key] = (kept.BodyHash, kept.ReceiptId, kept.ReceivedAt);
            }

            _next = _receipts.Count;
        }
    }

    public ReceiverFailure Failure { get; set; }

    /// <summary>Answer 503 to this many next submissions, then as usual ("5xx then success").</summary>
    public int FailNext { get; set; }

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When set, <c>X-Api-Key</c> must equal it (401 otherwise).</summary>
    public string? ApiKey { get; set; }

    public IReadOnlyList<ReceivedSubmission> Received
    {
        get { lock (_gate) return [.. _received]; }
    }

    /// <summary>Distinct receipts issued (one per accepted key).</summary>
    public int ReceiptCount
    {
        get { lock (_gate) return _receipts.Count; }
    }

    internal bool TakeFailure()
    {
        lock (_gate)
        {
            if (FailNext <= 0) return Failure == ReceiverFailure.ServerError;
            FailNext--;
            return true;
        }
    }

    internal void Record(ReceivedSubmission submission)
    {
        lock (_gate) _received.Add(submission);
    }

    /// <summary>The receipt of the key: the existing one for the same body, a new one for a new key, null when the key came with another body.</summary>
    internal (string ReceiptId, string ReceivedAt)? Receipt(string key, string body)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        lock (_gate)
        {
            if (_receipts.TryGetValue(key, out var existing))
            {
                return existing.BodyHash == hash ? (existing.ReceiptId, existing.ReceivedAt) : null;
            }

            var now = _clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7));
            var receipt = $"QG-{now:yyyyMMdd}-{++_next:D6}";
            var at = now.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
            if (_receiptsPath is not null)
            {
                // Kept before it is answered: a receipt the sender never read must still be the one it gets next time.
                File.AppendAllText(_receiptsPath, JsonSerializer.Serialize(new KeptReceipt(key, hash, receipt, at)) + "\n");
            }

            _receipts[key] = (hash, receipt, at);
            return (receipt, at);
        }
    }

    private sealed record KeptReceipt(string Key, string BodyHash, string ReceiptId, string ReceivedAt);
}

/// <summary>
/// The simulator of the national reporting system's receiver (reporting.md), behind the contract of
/// api.md: <c>POST /simulators/quocgia/submissions</c> with <c>Idempotency-Key</c>; it checks what a
/// real receiver must (<see cref="SubmissionCheck"/>: body, identities, signature), answers 202 with a
/// receipt (the same for a repeated key), 4xx with a reason, and fails on purpose when switched to.
/// </summary>
public static class NationalReceiverSimulator
{
    public const string Base = "/simulators/quocgia";

    /// <summary>
    /// The receiver's state; in demo mode (simulators on) also a self-signed signer certificate in the data
    /// folder (created on first start, never committed) and <c>National:BaseUrl</c> pointing at this simulator
    /// when the configuration names none.
    /// </summary>
    public static IHostApplicationBuilder AddNationalReceiverSimulator(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services => new NationalReceiverState(
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<IOptions<ReceiverSettings>>().Value.ReceiptsPath));
        builder.Services.AddOptions<ReceiverSettings>().BindConfiguration(ReceiverSettings.Section);
        if (!SimulatorExtensions.IsEnabled(builder.Configuration) || !builder.Configuration.GetValue<bool>("Demo:Enabled"))
        {
            return builder;
        }

        var configuration = builder.Configuration;
        if (string.IsNullOrWhiteSpace(configuration[ReceiverSettings.Section + ":ReceiptsPath"]))
        {
            configuration[ReceiverSettings.Section + ":ReceiptsPath"] = Path.Combine(DataFolder(configuration, builder.Environment.ContentRootPath), "quocgia-bien-nhan.jsonl");
        }

        if (string.IsNullOrWhiteSpace(configuration["National:BaseUrl"]))
        {
            // The app's own address: the first plain http one (a development https certificate is not trusted by the client).
            var urls = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "http://localhost:5000").Split(';', StringSplitOptions.RemoveEmptyEntries);
            var self = (urls.FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? urls[0])
                .Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost");
            configuration["National:BaseUrl"] = self.TrimEnd('/') + Base;
        }

        if (string.IsNullOrWhiteSpace(configuration["National:Signing:CertificatePath"]))
        {
            var path = Path.Combine(DataFolder(configuration, builder.Environment.ContentRootPath), "quocgia-ky-thu.p12");
            if (!File.Exists(path))
            {
                SigningCertificate.CreateSelfSigned(path, null, "CN=Văn phòng UBND tỉnh - chứng thư thử chế độ demo, O=Reporting System demo, C=VN", DateTimeOffset.UtcNow);
            }

            configuration["National:Signing:CertificatePath"] = path;
        }

        return builder;
    }

    /// <summary>Where the SQLite database lives (the data folder kept across restarts), else <c>data/</c> under the content root.</summary>
    private static string DataFolder(IConfiguration configuration, string contentRoot)
    {
        var connection = configuration.GetConnectionString(Core.Persistence.DatabaseOptions.ConnectionStringName) ?? Core.Persistence.DatabaseOptions.DefaultSqliteConnection;
        try
        {
            var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource;
            if (source is { Length: > 0 } && source != ":memory:" && !source.StartsWith("file:", StringComparison.Ordinal))
            {
                return Path.GetDirectoryName(Path.IsPathRooted(source) ? source : Path.GetFullPath(Path.Combine(contentRoot, source)))!;
            }
        }
        catch (ArgumentException)
        {
            // A SQL Server connection string: keep the certificate under the content root.
        }

        return Path.Combine(contentRoot, "data");
    }

    /// <summary>Serves <c>POST /simulators/quocgia/submissions</c> when the simulators are on.</summary>
    public static IEndpointRouteBuilder MapNationalReceiverSimulator(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<IConfiguration>() is { } configuration && !SimulatorExtensions.IsEnabled(configuration))
        {
            return app;
        }

        var settings = app.ServiceProvider.GetService<Microsoft.Extensions.Options.IOptions<ReceiverSettings>>()?.Value;
        if (settings is not null && app.ServiceProvider.GetService<NationalReceiverState>() is { } state)
        {
            state.Failure = settings.Failure;
            state.ApiKey ??= settings.ApiKey;
        }

        app.MapPost(Base + "/submissions", ReceiveAsync).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, NationalReceiverState state, TimeProvider clock, CancellationToken ct)
    {
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(ct);
        var now = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7));

        IResult Answer(int status, string? reason, SubmissionVerdict? verdict, (string ReceiptId, string ReceivedAt)? receipt = null)
        {
            state.Record(new ReceivedSubmission(key, now, status, receipt?.ReceiptId, reason, verdict?.AgencyCode, verdict?.FormCode, verdict?.PeriodKey,
                verdict?.Version, verdict?.Signer, verdict?.SignatureValid, body));
            return receipt is { } r
                ? Results.Json(new { receiptId = r.ReceiptId, receivedAt = r.ReceivedAt }, statusCode: 202)
                : Results.Problem(statusCode: status, title: status >= 500 ? "Hệ thống quốc gia (mô phỏng) đang lỗi" : "Hệ thống quốc gia (mô phỏng) từ chối", detail: reason);
        }

        if (state.ApiKey is { } apiKey && http.Request.Headers["X-Api-Key"].ToString() != apiKey)
        {
            return Answer(401, "Khóa X-Api-Key không đúng.", null);
        }

        if (state.TakeFailure())
        {
            return Answer(503, "Lỗi máy chủ giả lập (công tắc ServerError).", null);
        }

        var answer = Handle();
        if (state.Failure == ReceiverFailure.Slow)
        {
            // Handled and kept already; only the answer is late (a sender stopping now never reads it).
            try
            {
                await Task.Delay(state.SlowDelay, ct);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty; // the sender went away: nobody to answer
            }
        }

        return answer;

        IResult Handle()
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                return Answer(400, "Thiếu tiêu đề Idempotency-Key.", null);
            }

            if (state.Failure == ReceiverFailure.Reject)
            {
                return Answer(422, "Hệ thống quốc gia (mô phỏng) từ chối báo cáo theo công tắc Reject.", null);
            }

            var verdict = SubmissionCheck.Check(body);
            if (!verdict.Accepted)
            {
                return Answer(verdict.Status, verdict.Reason, verdict);
            }

            var receipt = state.Receipt(key, body);
            return receipt is not null
                ? Answer(202, null, verdict, receipt)
                : Answer(409, $"Khóa Idempotency-Key '{key}' đã dùng cho một nội dung khác.", verdict);
        }
    }
}
