using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Quartz;
using Reporting.Collectors.National;
using Reporting.Core.Access;
using Reporting.Core.National;
using Reporting.Core.Reports;
using Reporting.Core.Reports.Workflow;
using Reporting.Tests.Reports;
using Reporting.Demo.Simulators;
using Reporting.Web.Reports.National;
using Xunit;
using static Reporting.Tests.Reports.Bieu06Province;

namespace Reporting.Tests.National;

/// <summary>
/// The province's consolidated report sent to the receiver simulator over real HTTP (issue 10 "Tests"):
/// the outbox written with the transition, receipts, repeats, 5xx, a receiver down across a restart,
/// rejection, give-up and retry, and a body that is the accepted version's, never live data.
/// The delivery service is driven directly, with the test's clock, so every step is deterministic.
/// </summary>
public sealed class NationalSubmissionTests : IAsyncLifetime
{
    private const string Reason = "Các đơn vị còn lại đã hứa nộp bổ sung; gửi đúng hạn theo chỉ đạo.";
    private readonly WorkflowSetup _s = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("national-").FullName;
    private ReceiverHost _receiver = null!;
    private NationalOptions _options = null!;

    private ReportWorkflow Workflow { get; set; } = null!;

    private NationalDelivery Delivery { get; set; } = null!;

    public async Task InitializeAsync()
    {
        _receiver = await ReceiverHost.StartAsync();
        var certificate = Path.Combine(_folder, "signer.p12");
        SigningCertificate.CreateSelfSigned(certificate, "thu-nghiem", "CN=Văn phòng UBND tỉnh (thử nghiệm)", DateTimeOffset.UtcNow);
        _options = new NationalOptions
        {
            BaseUrl = _receiver.BaseUrl,
            ApiKey = "khoa-quoc-gia",
            GiveUpAfterHours = 2,
            TimeoutSeconds = 5,
            Signing = new NationalSigningOptions { CertificatePath = certificate, CertificatePassword = "thu-nghiem" },
        };
        _receiver.State.ApiKey = "khoa-quoc-gia";
        Start();
    }

    /// <summary>The services of a (re)started host: nothing in memory carries over, only the database.</summary>
    private void Start()
    {
        var options = Options.Create(_options);
        Workflow = new ReportWorkflow(_s.Database, _s.Engine, _s.Reference, _s.Clock, new NationalOutbox(options, new SigningCertificate(options), _s.Clock));
        Delivery = new NationalDelivery(_s.Database, new PlainHttpClients(), options, _s.Clock, NullLogger<NationalDelivery>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _s.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private ReportCaller ProvincePreparer() => _s.Caller("Nguyễn Văn Lập", Root, Roles.Preparer);

    private ReportCaller ProvinceHead() => _s.Caller("Phạm Chánh Văn Phòng", Root, Roles.Head);

    /// <summary>The province's consolidated Biểu 06, submitted, approved and accepted (every agency still pending).</summary>
    private async Task<int> AcceptedProvinceReportAsync()
    {
        var id = await _s.CreateAsync(Root);
        await Workflow.ActAsync(ProvincePreparer(), id, ReportActions.Submit, null);
        await Workflow.ActAsync(ProvinceHead(), id, ReportActions.Approve, null);
        await Workflow.ActAsync(_s.Reviewer(), id, ReportActions.Accept, null);
        return id;
    }

    private async Task<NationalSubmission> SubmissionAsync(int id)
    {
        await using var db = _s.Database.CreateDbContext();
        return await db.NationalSubmissions.AsNoTracking().SingleAsync(s => s.InstanceId == id);
    }

    private async Task<List<NationalSubmissionAttempt>> AttemptsAsync(int id)
    {
        await using var db = _s.Database.CreateDbContext();
        var submission = await db.NationalSubmissions.AsNoTracking().SingleAsync(s => s.InstanceId == id);
        return await db.NationalSubmissionAttempts.AsNoTracking().Where(a => a.SubmissionId == submission.Id).OrderBy(a => a.Number).ToListAsync();
    }

    private void Later(TimeSpan by) => _s.Clock.Now += by;

    [Fact]
    public async Task Sent_with_a_reason_the_outbox_row_commits_with_the_transition_and_the_receipt_comes_back()
    {
        var id = await AcceptedProvinceReportAsync();

        var sent = await Workflow.ActAsync(_s.Reviewer(), id, ReportActions.Send, Reason);
        Assert.Equal(ReportState.Sending, sent.Summary.State);
        var queued = await SubmissionAsync(id);
        Assert.Equal(SubmissionState.Sending, queued.State);
        Assert.Equal($"{id}-1", queued.IdempotencyKey);
        Assert.Equal(Reason, queued.Comment);
        Assert.Empty(_receiver.State.Received);

        Assert.Equal(1, await Delivery.DeliverDueAsync());

        var received = await SubmissionAsync(id);
        Assert.Equal(SubmissionState.Received, received.State);
        var answer = Assert.Single(_receiver.State.Received);
        Assert.Equal(202, answer.Status);
        Assert.True(answer.SignatureValid);
        Assert.Equal(answer.ReceiptId, received.ReceiptId);
        Assert.Equal($"{id}-1", answer.IdempotencyKey);
        var attempt = Assert.Single(await AttemptsAsync(id));
        Assert.Equal((1, 202, received.ReceiptId), (attempt.Number, attempt.HttpStatus, attempt.ReceiptId));

        var view = await Workflow.GetAsync(_s.Reviewer(), id);
        Assert.Equal(ReportState.Received, view.Summary.State);
        Assert.Equal(new[] { "send", "received" }, view.History.TakeLast(2).Select(h => h.Action));
        Assert.Contains(received.ReceiptId!, view.History[^1].Comment);
        Assert.Empty(view.Actions);
        await using var db = _s.Database.CreateDbContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.After!.StartsWith("send →") || a.After!.StartsWith("received →")));
    }

    [Fact]
    public async Task The_send_is_refused_without_a_reason_while_agencies_are_pending_and_to_anyone_but_a_reviewer()
    {
        var id = await AcceptedProvinceReportAsync();

        var noReason = await Assert.ThrowsAsync<WorkflowException>(() => Workflow.ActAsync(_s.Reviewer(), id, ReportActions.Send, " "));
        Assert.Equal(WorkflowRefusal.Invalid, noReason.Refusal);
        Assert.Contains("chưa được duyệt", noReason.Message);
        foreach (var caller in new[] { _s.Admin(), ProvinceHead(), ProvincePreparer(), _s.Caller("Lãnh đạo", Root, Roles.Leader) })
        {
            var refused = await Assert.ThrowsAsync<WorkflowException>(() => Workflow.ActAsync(caller, id, ReportActions.Send, Reason));
            Assert.Equal(WorkflowRefusal.Forbidden, refused.Refusal);
        }

        Assert.DoesNotContain(ReportActions.Send, (await Workflow.GetAsync(_s.Admin(), id)).Actions.Select(a => a.Code));
        Assert.Contains(ReportActions.Send, (await Workflow.GetAsync(_s.Reviewer(), id)).Actions.Select(a => a.Code));

        // An agency's own report is not sent to the national system, even accepted.
        var justice = await _s.CreateAsync(Justice);
        await Workflow.ActAsync(_s.Preparer(), justice, ReportActions.Submit, null);
        await Workflow.ActAsync(_s.Head(), justice, ReportActions.Approve, null);
        await Workflow.ActAsync(_s.Reviewer(), justice, ReportActions.Accept, null);
        Assert.DoesNotContain(ReportActions.Send, (await Workflow.GetAsync(_s.Reviewer(), justice)).Actions.Select(a => a.Code));
        var agency = await Assert.ThrowsAsync<WorkflowException>(() => Workflow.ActAsync(_s.Reviewer(), justice, ReportActions.Send, Reason));
        Assert.Equal(WorkflowRefusal.WrongState, agency.Refusal);

        await using var db = _s.Database.CreateDbContext();
        Assert.Empty(await db.NationalSubmissions.ToListAsync());
    }

    [Fact]
    public async Task A_repeated_delivery_gets_the_same_receipt_and_the_same_key_with_another_body_is_refused()
    {
        var id = await AcceptedProvinceReportAsync();
        await Workflow.ActAsync(_s.Reviewer(), id, ReportActions.Send, Reason);
        await Delivery.DeliverDueAsync();
        var first = await SubmissionAsync(id);

        // The answer lost (a crash after the receiver accepted): the row is still "sending" and goes again.
        await using (var db = _s.Database.CreateDbContext())
        {
            await db.NationalSubmissions.Where(s => s.Id == first.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.State, SubmissionState.Sending));
        }

        Later(Delivery.Lease);
        Assert.Equal(SubmissionState.Received, await Delivery.AttemptAsync(first.Id));
        var again = await SubmissionAsync(id);
        Assert.Equal(first.ReceiptId, again.ReceiptId);
        Assert.Equal(1, _receiver.State.ReceiptCount);
        Assert.All(_receiver.State.Received, r => Assert.Equal(first.ReceiptId, r.ReceiptId));

        var changed = JsonNode.Parse(first.Body)!.AsObject();
        changed["agencyName"] = "Tỉnh khác";
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _receiver.BaseUrl + "/submissions") { Content = new StringContent(changed.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", first.IdempotencyKey);
        request.Headers.Add("X-Api-Key", "khoa-quoc-gia");
        using var response = await http.SendAsync(request);
        Assert.Equal(422, (int)response.StatusCode);
        Assert.Contains("Chữ ký", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_until_one_receipt()
    {
        var id = await AcceptedProvinceReportAsync();
        await Workflow.ActAsync(_s.Reviewer(), id, ReportActions.Send, Reason);
        _receiver.State.FailNext = 2;

        await Delivery.DeliverDueAsync();
        var waiting = await SubmissionAsync(id);
        Assert.Equal(SubmissionState.Sending, waiting.State);
        Assert.Equal(_s.Clock.Now.UtcDateTime + NationalDelivery.Backoff(1), waiting.NextAttemptUtc);
        Assert.Equal(0, await Delivery.DeliverDueAsync()); // not due yet

        Later(NationalDelivery.Backoff(1));
        await Delivery.DeliverDueAsync();
        Later(NationalDelivery.Backoff(2));
        await Delivery.DeliverDueAsync();

        var attempts = await AttemptsAsync(id);
        Assert.Equal(new[] { 503, 503, 202 }, attempts.Select(a => a.HttpStatus ?? 0));
        Assert.Equal(SubmissionState.Received, (await SubmissionAsync(id)).State);
        Assert.Equal(1, _receiver.State.ReceiptCount);
        Assert.Equal(ReportState.Received, (await Workflow.GetAsync(_s.Reviewer(), id)).Summary.State);
    }

    [Fact]
    public async Task A_receiver_down_across_a_restart_the_outbox_survives_and_delivery_resumes()
    {
        var id = await AcceptedProvinceReportAsync();
        await Workflow.ActAsync(_s.Reviewer(), id, ReportActions.Send, Reason);
        var port = _receiver.Port;
        var memory = _receiver.State;
        await _receiver.DisposeAsync();

        await Delivery.DeliverDueAsync();
        var attempt = Assert.Single(await AttemptsAsync(id));
        Assert.Null(attempt.HttpStatus);
        Assert.Contains("Không kết nối được", attempt.Error);

        // Our host restarts (new services, same database) and the receiver comes back.
        Start();
        _receiver = await ReceiverHost.StartAsync(port, memory);
        Later(NationalDelivery.Backoff(1));
        Assert.Equal(1, await Delivery.DeliverDueAsync());

        var submission = await SubmissionAsync(id);
        Assert.Equal(SubmissionState.Received, submission.State);
        Assert.Equal(2, submission.Attempts);
        Assert.Equal(1, memory.ReceiptCount);
    }

    [Fact]
    public async Task A_server_stopped_mid_delivery_and_started_again_ends_with_exactly_one_receipt()
    {
        var id = await AcceptedProvinceReportAsync();
        await Workflow.ActAsync(_s.Reviewer(), id, ReportActions.Send, Reason);

        // The receiver keeps its receipts in a file, as the real one keeps them in its database, and answers late.
        var receipts = Path.Combine(_folder, "quocgia-bien-nhan.jsonl");
        var port = _receiver.Port;
        await _receiver.DisposeAsync();
        _receiver = await ReceiverHost.StartAsync(port, new NationalReceiverState(TimeProvider.System, receipts) { ApiKey = "khoa-quoc-gia" });
        _receiver.State.Failure = ReceiverFailure.Slow;
        _receiver.State.SlowDelay = TimeSpan.FromMinutes(10);

        using var stopping = new CancellationTokenSource();
        var delivering = Delivery.DeliverDueAsync(stopping.Token);
        await Eventually.True(() => Task.FromResult(_receiver.State.ReceiptCount == 1), "the receiver has issued its receipt and is still answering");
        var issued = Assert.Single(_receiver.State.Received).ReceiptId;

        // The host stops before the answer arrives (and the receiver simulator, in the same process, with it).
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => delivering);
        await _receiver.DisposeAsync();
        Assert.Empty(await AttemptsAsync(id));
        Assert.Equal(SubmissionState.Sending, (await SubmissionAsync(id)).State);

        // Started again: new services on the same database, the receiver with its kept receipts.
        Start();
        _receiver = await ReceiverHost.StartAsync(port, new NationalReceiverState(TimeProvider.System, receipts) { ApiKey = "khoa-quoc-gia" });
        Assert.Equal(0, await Delivery.DeliverDueAsync());
        Later(Delivery.Lease);
        Assert.Equal(1, await Delivery.DeliverDueAsync());

        var submission = await SubmissionAsync(id);
        Assert.Equal(SubmissionState.Received, submission.State);
        Assert.Equal(issued, submission.ReceiptId);
        Assert.Equal(1, _receiver.State.ReceiptCount);
        Assert.Single(File.ReadAllLines(receipts));
        var attempt = Assert.Single(await AttemptsAsync(id));
        Assert.Equal((202, issued), (attempt.HttpStatus, attempt.ReceiptId));
        Assert.Equal(ReportState.Received, (await Workflow.GetAsync(_s.Reviewer(), id)).Summary.State);
    }

    [Fact]
    public async Task Two_nodes_delivering_at_once_post_the_submission_once()
    {
        var id = await AcceptedProvinceReportAsync();
        await Workflow.ActAsync(_s.Reviewer(), id, ReportActions.Send, Reason);
        _receiver.State.Failure = ReceiverFailure.Slow;
        _receiver.State.SlowDelay = TimeSpan.FromSeconds(1);
        var other = new NationalDelivery(_s.Database, new PlainHttpClients(), Options.Create(_options), _s.Clock, NullLogger<NationalDelivery>.Instance);

        await Task.WhenAll(Delivery.DeliverDueAsync(), other.DeliverDueAsync());

        Assert.Single(_receiver.State.Received);
        var attempt = Assert.Single(await AttemptsAsync(id));
        Assert.Equal(202, attempt.HttpStatus);
        Assert.Equal(SubmissionState.Received, (await SubmissionAsync(id)).State);
    }

    [Fact]
    public async Task Which_periods_reached_the_national_system_is_read_through_the_workflow_and_its_scope()
    {
        var reader = new NationalReachReader(Workflow, _s.Database, _s.Reference);
        IReadOnlyList<(string, Core.Periods.PeriodKey)> periods =
            [(WorkflowSetup.Regime, Core.Periods.PeriodKey.Parse("2025-Q4")), (WorkflowSetup.Regime, Core.Periods.PeriodKey.Parse("2025-Q3"))];
        var id = await AcceptedProvinceReportAsync();

        var before = await reader.ReadAsync(_s.Reviewer(), periods);
        Assert.Equal(["Đã tiếp nhận, chưa gửi", "Chưa lập báo cáo tổng hợp"], before.Select(r => r.Label));
        Assert.Equal(id, before[0].Report!.Id);
        Assert.DoesNotContain(before, r => r.Reached);

        await Workflow.ActAsync(_s.Reviewer(), id, ReportActions.Send, Reason);
        Assert.Equal("Đang gửi lên hệ thống quốc gia", (await reader.ReadAsync(_s.Reviewer(), periods))[0].Label);
        await Delivery.DeliverDueAsync();

        var after = await reader.ReadAsync(_s.Caller("Lãnh đạo tỉnh", Root, Roles.Leader), periods);
        Assert.True(after[0].Reached);
        Assert.Equal("Hệ thống quốc gia đã nhận", after[0].Label);
        Assert.Equal((await SubmissionAsync(id)).ReceiptId, after[0].Submission!.ReceiptId);
        Assert.False(after[1].Reached);

        // A department's head does not see the province's report, so the reader tells them nothing.
        Assert.Empty(await reader.ReadAsync(_s.Head(), periods));
    }

    [Fact]
    public async Task A_rejection_stores_and_shows_the_reason_and_the_reviewer_returns_the_report()
    {
        var id = await AcceptedProvinceReportAsync();
        await Workflow.ActAsync(_s.Reviewer(), id, ReportActions.Send, Reason);
        _receiver.State.Failure = ReceiverFailure.Reject;

        Assert.Equal(1, await Delivery.DeliverDueAsync());

        var submission = await SubmissionAsync(id);
        Assert.Equal(SubmissionState.Rejected, submission.State);
        Assert.Contains("công tắc Reject", submission.Error);
        Assert.Equal(0, await Delivery.DeliverDueAsync()); // a rejection is not retried
        var view = await Workflow.GetAsync(_s.Reviewer(), id);
        Assert.Equal(ReportState.Rejected, view.Summary.State);
        Assert.Contains("công tắc Reject", view.History[^1].Comment);
        var status = Assert.Single(await new SubmissionStatusReader(_s.Database).ListAsync(id));
        Assert.Equal((422, "Hệ thống quốc gia (mô phỏng) từ chối báo cáo theo công tắc Reject."), (status.Attempts[0].Status, status.Attempts[0].Error));

        Assert.Equal(new[] { ReportActions.Return }, view.Actions.Select(a => a.Code));
        var returned = await Workflow.ActAsync(_s.Reviewer(), id, ReportActions.Return, "Sửa theo lý do hệ thống quốc gia trả về");
        Assert.Equal(ReportState.Draft, returned.Summary.State);
    }

    [Fact]
    public async Task After_giving_up_the_report_is_failed_and_the_reviewer_retries_with_the_same_key_and_body()
    {
        var id = await AcceptedProvinceReportAsync();
        await Workflow.ActAsync(_s.Reviewer(), id, ReportActions.Send, Reason);
        _receiver.State.Failure = ReceiverFailure.ServerError;
        var body = (await SubmissionAsync(id)).Body;

        await Delivery.DeliverDueAsync();
        Later(TimeSpan.FromHours(_options.GiveUpAfterHours));
        await Delivery.DeliverDueAsync();

        Assert.Equal(SubmissionState.Failed, (await SubmissionAsync(id)).State);
        var failed = await Workflow.GetAsync(_s.Reviewer(), id);
        Assert.Equal(ReportState.Failed, failed.Summary.State);
        Assert.Equal(ReportActions.Send, Assert.Single(failed.Actions).Code);
        Assert.Equal(0, await Delivery.DeliverDueAsync());
        await Assert.ThrowsAsync<WorkflowException>(() => Workflow.ActAsync(ProvinceHead(), id, ReportActions.Send, null));

        _receiver.State.Failure = ReceiverFailure.None;
        var retried = await Workflow.ActAsync(_s.Reviewer(), id, ReportActions.Send, null);
        Assert.Equal(ReportState.Sending, retried.Summary.State);
        await Delivery.DeliverDueAsync();

        var submission = await SubmissionAsync(id);
        Assert.Equal(SubmissionState.Received, submission.State);
        Assert.Equal(body, submission.Body);
        Assert.Equal(new[] { 503, 503, 202 }, (await AttemptsAsync(id)).Select(a => a.HttpStatus ?? 0));
        Assert.All(_receiver.State.Received, r => Assert.Equal($"{id}-1", r.IdempotencyKey));
        Assert.Equal(body, _receiver.State.Received[^1].Body);
    }

    [Fact]
    public async Task The_body_is_the_accepted_version_cell_for_cell_not_live_data_changed_afterwards()
    {
        var id = await AcceptedProvinceReportAsync();
        var accepted = await Workflow.GetVersionAsync(_s.Reviewer(), id, 1);

        // After the province accepted, Sở Tư pháp's own report is accepted with an override: the live consolidation moves.
        var justice = await _s.CreateAsync(Justice);
        var draft = await Workflow.GetAsync(_s.Preparer(), justice);
        var row = draft.Document.Rows.First(r => r.Kind == ReportRowKind.Item && r[4] > 0);
        await Workflow.SetCellsAsync(_s.Preparer(), justice, [new CellEdit(row.Key, 4, row[4] - 1, "Hồ sơ thử nghiệm"), new CellEdit(row.Key, 12, Math.Max(0, row[12] - 1), "Hồ sơ thử nghiệm")]);
        await Workflow.ActAsync(_s.Preparer(), justice, ReportActions.Submit, null);
        await Workflow.ActAsync(_s.Head(), justice, ReportActions.Approve, null);
        await Workflow.ActAsync(_s.Reviewer(), justice, ReportActions.Accept, null);
        var live = await _s.Consolidation.BuildAsync(Core.Periods.PeriodKey.Parse(WorkflowSetup.Period));
        Assert.NotEqual(accepted.Document.Total.Cells, live.Total.Cells);

        await Workflow.ActAsync(_s.Reviewer(), id, ReportActions.Send, Reason);
        var body = JsonNode.Parse((await SubmissionAsync(id)).Body)!.AsObject();

        var rows = body["rows"]!.AsArray();
        Assert.Equal(accepted.Document.Rows.Count, rows.Count);
        foreach (var (expected, actual) in accepted.Document.Rows.Zip(rows))
        {
            Assert.Equal(expected.Key, actual!["key"]!.GetValue<string>());
            Assert.Equal(expected.Label, actual["label"]!.GetValue<string>());
            var values = actual["values"]!.AsObject().ToDictionary(v => int.Parse(v.Key), v => v.Value!.GetValue<int>());
            Assert.Equal(expected.Cells.ToDictionary(), values);
        }

        Assert.Equal(accepted.Document.Pending, body["pending"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(("tthc-quy", "bieu-06", WorkflowSetup.Period, WorkflowSetup.Code(Root), 1, Reason),
            (body["regimeCode"]!.GetValue<string>(), body["formCode"]!.GetValue<string>(), body["periodKey"]!.GetValue<string>(),
             body["agencyCode"]!.GetValue<string>(), body["version"]!.GetValue<int>(), body["pendingReason"]!.GetValue<string>()));
        Assert.Equal("Lê Văn Tổng Hợp", body["signer"]!["name"]!.GetValue<string>());

        // The stored body is canonical, and its signature covers it without the signature.
        Assert.Equal(Encoding.UTF8.GetBytes((await SubmissionAsync(id)).Body), CanonicalJson.Canonicalize((await SubmissionAsync(id)).Body));
        var verdict = SubmissionCheck.Check(body.ToJsonString());
        Assert.True(verdict.Accepted, verdict.Reason);
    }

    [Fact]
    public async Task The_Quartz_job_delivers_what_the_send_queued()
    {
        var id = await AcceptedProvinceReportAsync();
        await Workflow.ActAsync(_s.Reviewer(), id, ReportActions.Send, Reason);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Delivery);
        services.AddSingleton<IHostApplicationLifetime>(new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance));
        services.AddQuartz(q => q.AddNationalDeliveryJob(intervalSeconds: 1));
        await using var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        try
        {
            await Eventually.True(async () => (await SubmissionAsync(id)).State == SubmissionState.Received, "the scheduled job delivers the submission",
                seen: async () => $"{(await SubmissionAsync(id)).State}, {_receiver.State.Received.Count} received");
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }

        Assert.Equal(1, _receiver.State.ReceiptCount);
        Assert.Equal(ReportState.Received, (await Workflow.GetAsync(_s.Reviewer(), id)).Summary.State);
    }

    [Fact]
    public async Task A_stopping_host_abandons_the_attempt_under_way_and_records_nothing()
    {
        var id = await AcceptedProvinceReportAsync();
        await Workflow.ActAsync(_s.Reviewer(), id, ReportActions.Send, Reason);
        _receiver.State.Failure = ReceiverFailure.Slow;
        _receiver.State.SlowDelay = TimeSpan.FromMinutes(10);
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Delivery);
        services.AddSingleton<IHostApplicationLifetime>(lifetime);
        services.AddQuartz(q => q.AddNationalDeliveryJob(intervalSeconds: 3600));
        await using var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        await Eventually.True(() => Task.FromResult(_receiver.State.ReceiptCount == 1), "the receiver has issued its receipt and is still answering");

        lifetime.StopApplication();
        // The scheduler waits for its jobs, as the host's does: this returns only once the delivery has let go.
        await scheduler.Shutdown(waitForJobsToComplete: true);

        Assert.Empty(await AttemptsAsync(id));
        var submission = await SubmissionAsync(id);
        Assert.Equal(SubmissionState.Sending, submission.State);
        Assert.True(submission.NextAttemptUtc > _s.Clock.GetUtcNow().UtcDateTime, "the abandoned attempt's lease holds the row until it runs out");
    }

    [Fact]
    public async Task Without_National_BaseUrl_the_send_is_refused_and_nothing_is_queued()
    {
        var id = await AcceptedProvinceReportAsync();
        var unconfigured = new ReportWorkflow(_s.Database, _s.Engine, _s.Reference, _s.Clock);
        var refused = await Assert.ThrowsAsync<WorkflowException>(() => unconfigured.ActAsync(_s.Reviewer(), id, ReportActions.Send, Reason));
        Assert.Contains("National:BaseUrl", refused.Message);
        await using var db = _s.Database.CreateDbContext();
        Assert.Empty(await db.NationalSubmissions.ToListAsync());
        Assert.Equal(ReportState.Accepted, (await Workflow.GetAsync(_s.Reviewer(), id)).Summary.State);
    }
}
