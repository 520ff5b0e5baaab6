using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Access;
using Reporting.Core.National;
using Reporting.Core.Persistence;
using Reporting.Core.Reports.Workflow;
using Reporting.Tests.Reports;
using Reporting.Web.Access;
using Reporting.Web.Reports;
using Reporting.Web.Reports.Pages;

namespace Reporting.Tests.Components;

/// <summary>
/// bUnit context for the report pages over the real workflow on the small province of <see cref="WorkflowSetup"/>
/// (a SQLite file), the caller built by the application's <see cref="ReportCallers"/> from a signed-in principal.
/// </summary>
public abstract class ReportPageContext : DashboardComponentContext, IDisposable
{
    private readonly BunitAuthorizationContext _auth;

    internal WorkflowSetup Setup { get; } = new();

    protected ReportPageContext()
    {
        _auth = AddAuthorization();
        Services.AddSingleton<IDbContextFactory<ReportingDbContext>>(Setup.Database);
        Services.AddSingleton(Setup.Reference);
        Services.AddSingleton<TimeProvider>(Setup.Clock);
        Services.AddSingleton(Setup.Workflow);
        Services.AddSingleton<CallerScope>();
        Services.AddSingleton<ReportCallers>();
        Services.AddSingleton<IHttpContextAccessor>(new HttpContextAccessor());
        Services.AddScoped<CurrentUser>();
        Services.AddScoped<NationalReachReader>();
        Services.AddScoped<ReportWorklist>();
    }

    /// <summary>Signs in a user of <paramref name="agencyId"/> with the roles, as the pages will see them.</summary>
    protected void SignIn(string name, int agencyId, params string[] roles)
    {
        _auth.SetAuthorized(name);
        _auth.SetRoles(roles);
        _auth.SetClaims(new Claim(AccessClaims.Agency, WorkflowSetup.Code(agencyId)), new Claim(AccessClaims.ActorKind, AccessClaims.UserKind));
    }

    /// <summary>
    /// The province's consolidated report of <paramref name="period"/>, accepted, then as the delivery leaves it
    /// (<paramref name="state"/>, with a receipt when received): the send and the delivery themselves are tested
    /// over HTTP in NationalSubmissionTests; the pages only read what they stored.
    /// </summary>
    internal async Task<int> ProvinceReportAsync(string period, SubmissionState? state, string? receipt = null, string? error = null)
    {
        var id = await Setup.CreateAsync(Bieu06Province.Root, period: period);
        await Setup.Workflow.ActAsync(Setup.Caller("Nguyễn Văn Lập", Bieu06Province.Root, Roles.Preparer), id, ReportActions.Submit, null);
        await Setup.Workflow.ActAsync(Setup.Caller("Phạm Chánh Văn Phòng", Bieu06Province.Root, Roles.Head), id, ReportActions.Approve, null);
        await Setup.Workflow.ActAsync(Setup.Reviewer(), id, ReportActions.Accept, null);
        if (state is not { } s)
        {
            return id;
        }

        await using var db = Setup.Database.CreateDbContext();
        var instance = await db.ReportInstances.SingleAsync(i => i.Id == id);
        instance.State = s switch
        {
            SubmissionState.Received => ReportState.Received,
            SubmissionState.Rejected => ReportState.Rejected,
            SubmissionState.Failed => ReportState.Failed,
            _ => ReportState.Sending,
        };
        db.NationalSubmissions.Add(new NationalSubmission
        {
            InstanceId = id, Version = instance.Version, IdempotencyKey = $"{id}-{instance.Version}", Body = "{}", State = s,
            CreatedAt = Setup.Clock.GetUtcNow(), CreatedBy = "Lê Văn Tổng Hợp", Attempts = 1, ReceiptId = receipt,
            ReceivedAt = receipt is null ? null : "2026-01-20T10:15:00+07:00", Error = error,
        });
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>A number as the pages write it (vi-VN: "1.234").</summary>
    protected static int ParseVi(string text) => int.Parse(text.Trim(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("vi-VN"));

    void IDisposable.Dispose()
    {
        Setup.Dispose();
        GC.SuppressFinalize(this);
    }
}
