using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Access;
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
        Services.AddScoped<ReportWorklist>();
    }

    /// <summary>Signs in a user of <paramref name="agencyId"/> with the roles, as the pages will see them.</summary>
    protected void SignIn(string name, int agencyId, params string[] roles)
    {
        _auth.SetAuthorized(name);
        _auth.SetRoles(roles);
        _auth.SetClaims(new Claim(AccessClaims.Agency, WorkflowSetup.Code(agencyId)), new Claim(AccessClaims.ActorKind, AccessClaims.UserKind));
    }

    /// <summary>A number as the pages write it (vi-VN: "1.234").</summary>
    protected static int ParseVi(string text) => int.Parse(text.Trim(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("vi-VN"));

    void IDisposable.Dispose()
    {
        Setup.Dispose();
        GC.SuppressFinalize(this);
    }
}
