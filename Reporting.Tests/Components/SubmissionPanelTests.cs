using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reporting.Core.Access;
using Reporting.Core.National;
using Reporting.Core.Reports.Workflow;
using Reporting.Tests.National;
using Reporting.Tests.Reports;
using Reporting.Web.Access;
using Reporting.Web.Reports;
using Reporting.Demo.Simulators;
using Reporting.Web.Reports.National;
using static Reporting.Tests.Reports.Bieu06Province;

namespace Reporting.Tests.Components;

/// <summary>The submission panel over the real workflow, outbox and delivery, against the receiver simulator over HTTP.</summary>
public sealed class SubmissionPanelTests : DashboardComponentContext, IAsyncLifetime
{
    private readonly WorkflowSetup _s = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("national-panel-").FullName;
    private ReceiverHost _receiver = null!;
    private ReportWorkflow _workflow = null!;
    private NationalDelivery _delivery = null!;
    private CurrentUser _current = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _receiver = await ReceiverHost.StartAsync();
        var certificate = Path.Combine(_folder, "signer.p12");
        SigningCertificate.CreateSelfSigned(certificate, null, "CN=Văn phòng UBND tỉnh (thử nghiệm)", DateTimeOffset.UtcNow);
        var options = Options.Create(new NationalOptions
        {
            BaseUrl = _receiver.BaseUrl,
            GiveUpAfterHours = 1,
            Signing = new NationalSigningOptions { CertificatePath = certificate },
        });
        _workflow = new ReportWorkflow(_s.Database, _s.Engine, _s.Reference, _s.Clock, new NationalOutbox(options, new SigningCertificate(options), _s.Clock));
        _delivery = new NationalDelivery(_s.Database, new PlainHttpClients(), options, _s.Clock, NullLogger<NationalDelivery>.Instance);
        _current = new CurrentUser(new HttpContextAccessor(), new NobodySignedIn());
        Services.AddSingleton(_workflow);
        Services.AddSingleton(new ReportCallers(new CallerScope(_s.Reference, _s.Clock), _s.Reference, _s.Clock));
        Services.AddSingleton(_current);
        Services.AddSingleton(new SubmissionStatusReader(_s.Database));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _receiver.DisposeAsync();
        _s.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static ClaimsPrincipal User(string name, int agency, string role) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role),
        new Claim(AccessClaims.Agency, WorkflowSetup.Code(agency)), new Claim(AccessClaims.ActorKind, AccessClaims.UserKind),
    ], "test"));

    private async Task<int> AcceptedProvinceReportAsync()
    {
        var id = await _s.CreateAsync(Root);
        await _workflow.ActAsync(_s.Caller("Lập", Root, Roles.Preparer), id, ReportActions.Submit, null);
        await _workflow.ActAsync(_s.Caller("Chánh Văn phòng", Root, Roles.Head), id, ReportActions.Approve, null);
        await _workflow.ActAsync(_s.Reviewer(), id, ReportActions.Accept, null);
        return id;
    }

    [Fact]
    public async Task The_reviewer_sends_with_a_reason_and_sees_the_attempt_and_the_receipt()
    {
        var id = await AcceptedProvinceReportAsync();
        _current.Use(User("Lê Văn Tổng Hợp", Root, Roles.Reviewer));
        var panel = Render<SubmissionPanel>(p => p.Add(x => x.InstanceId, id));
        panel.WaitForElement("[data-testid=submission-none]");

        Assert.Contains("chưa được gửi", panel.Find("[data-testid=submission-none]").TextContent);
        Assert.Contains("Gửi lên hệ thống quốc gia", panel.Find("button[data-testid=submission-send]").TextContent);
        await panel.Find("button[data-testid=submission-send]").ClickAsync(new());
        Assert.Contains("phải ghi lý do", panel.Find("[data-testid=submission-error]").TextContent);

        panel.Find("textarea").Change("Gửi đúng hạn theo chỉ đạo của UBND tỉnh");
        await panel.Find("button[data-testid=submission-send]").ClickAsync(new());
        Assert.Contains("Đang gửi", panel.Find("[data-testid=submission-state]").TextContent);
        Assert.Empty(panel.FindAll("button[data-testid=submission-send]"));

        await _delivery.DeliverDueAsync();
        await panel.InvokeAsync(() => panel.Instance.LoadAsync());
        panel.Render();

        var receipt = Assert.Single(_receiver.State.Received).ReceiptId!;
        Assert.Equal(receipt, panel.Find("[data-testid=submission-receipt]").TextContent);
        Assert.Contains("Hệ thống quốc gia đã nhận", panel.Find("[data-testid=submission-state]").TextContent);
        var cells = panel.FindAll("[data-testid=submission-attempts] tbody td").Select(td => td.TextContent).ToList();
        Assert.Equal("1", cells[0]);
        Assert.Equal("HTTP 202", cells[2]);
        Assert.Equal($"Số biên nhận {receipt}", cells[3]);
    }

    [Fact]
    public async Task A_failed_submission_shows_its_reason_and_only_the_reviewer_gets_the_retry_button()
    {
        var id = await AcceptedProvinceReportAsync();
        await _workflow.ActAsync(_s.Reviewer(), id, ReportActions.Send, "Gửi đúng hạn");
        _receiver.State.Failure = ReceiverFailure.ServerError;
        await _delivery.DeliverDueAsync();
        _s.Clock.Now += TimeSpan.FromHours(1);
        await _delivery.DeliverDueAsync();

        _current.Use(User("Phạm Chánh Văn Phòng", Root, Roles.Head));
        var head = Render<SubmissionPanel>(p => p.Add(x => x.InstanceId, id));
        head.WaitForElement("[data-testid=submission-state]");
        Assert.Contains("không thành công", head.Find("[data-testid=submission-state]").TextContent);
        Assert.Contains("HTTP 503", head.Find("[data-testid=submission-reason]").TextContent);
        Assert.Equal(2, head.FindAll("[data-testid=submission-attempts] tbody tr").Count);
        Assert.Empty(head.FindAll("button[data-testid=submission-send]"));

        _current.Use(User("Lê Văn Tổng Hợp", Root, Roles.Reviewer));
        var reviewer = Render<SubmissionPanel>(p => p.Add(x => x.InstanceId, id));
        reviewer.WaitForElement("button[data-testid=submission-send]");
        Assert.Equal("Gửi lại", reviewer.Find("button[data-testid=submission-send]").TextContent.Trim());
    }

    [Fact]
    public async Task Outside_the_scope_the_panel_shows_no_data()
    {
        var id = await AcceptedProvinceReportAsync();
        _current.Use(User("Cán bộ xã", NewCommune, Roles.Reviewer));
        var panel = Render<SubmissionPanel>(p => p.Add(x => x.InstanceId, id));
        panel.WaitForElement("[data-testid=submission-refused]");
        Assert.Contains("Không có quyền", panel.Find("[data-testid=submission-refused]").TextContent);
        Assert.Empty(panel.FindAll("[data-testid=submission-state]"));
    }

    private sealed class NobodySignedIn : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));
    }
}
