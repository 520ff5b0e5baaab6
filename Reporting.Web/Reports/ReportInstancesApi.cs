using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Reporting.Core.Access;
using Reporting.Core.Agencies;
using Reporting.Core.Audit;
using Reporting.Core.National;
using Reporting.Core.Persistence;
using Reporting.Core.Reports;
using Reporting.Core.Reports.Excel;
using Reporting.Core.Reports.Workflow;
using Reporting.Web.Access;
using Reporting.Web.Api;

namespace Reporting.Web.Reports;

/// <summary>
/// The regimes and report instances of reporting.md for machine clients (API keys act in their own
/// name: scope <c>report</c> creates, fills and submits for its agency subtree; <c>admin</c> may do
/// every action). Every rule is <see cref="ReportWorkflow"/>'s; this maps its refusals to 404, 403,
/// 409 and 422. The caller, person or key, is <see cref="ReportCallers"/>'s.
/// </summary>
public static class ReportInstancesApi
{
    public sealed record CreateBody(string? Regime, string? Form, string? Agency, string? Period);

    public sealed record CellsBody(List<CellEdit>? Cells);

    public sealed record ActionBody(string? Comment);

    public static IServiceCollection AddReportInstancesApi(this IServiceCollection services) =>
        services.AddSingleton<ReportCallers>();

    public static IEndpointRouteBuilder MapReportInstancesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/regimes", GetRegimes).RequireAuthorization(ApiScopes.Read).WithTags("Báo cáo định kỳ");
        app.MapPut("/api/v1/regimes", PutRegimes).RequireAuthorization(ApiScopes.Admin).WithTags("Báo cáo định kỳ");
        var instances = app.MapGroup("/api/v1/report-instances").RequireAuthorization(ApiScopes.Report).WithTags("Báo cáo định kỳ");
        instances.MapGet("", List);
        instances.MapPost("", Create);
        instances.MapGet("/{id:int}", Get);
        instances.MapPut("/{id:int}/cells", SetCells);
        instances.MapGet("/{id:int}/versions/{number:int}", GetVersion);
        instances.MapPost("/{id:int}/{action}", Act);
        return app;
    }

    private static async Task<IResult> GetRegimes(IDbContextFactory<ReportingDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regimes = await db.ReportRegimes.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);
        return Results.Ok(new { items = regimes.Select(RegimeItem.From) });
    }

    /// <summary>All or nothing, like the tree and the catalogue (api.md): 400 with every reason, or the counts.</summary>
    private static Task<IResult> PutRegimes(HttpRequest request, RegimeImport import, CancellationToken ct) =>
        ImportProblems.ReplaceAsync<RegimeItem>(request, "Chế độ báo cáo",
            items => import.ReplaceAsync(request.HttpContext.User, request.HttpContext.Connection.RemoteIpAddress?.ToString(), items, ct),
            result => new { counts = ImportProblems.Counts(result.Counts) },
            ct);

    private static Task<IResult> List(string? agency, string? period, string? state, ReportWorkflow workflow, ReportCallers callers, HttpContext http, CancellationToken ct) =>
        Run(async () =>
        {
            ReportState? filter = null;
            if (!string.IsNullOrWhiteSpace(state))
            {
                if (!Enum.TryParse<ReportState>(state, ignoreCase: true, out var parsed))
                {
                    return Problems.Validation(new Dictionary<string, string[]> { ["state"] = [$"state phải là một trong {string.Join(", ", Enum.GetValues<ReportState>().Select(ReportStates.Code))}, không phải '{state}'."] });
                }

                filter = parsed;
            }

            var caller = await callers.ForAsync(http, ct);
            var items = await workflow.ListAsync(caller, agency, period, filter, ct);
            return Results.Ok(new { items = items.Select(Summary) });
        });

    private static Task<IResult> Create(CreateBody body, ReportWorkflow workflow, ReportCallers callers, HttpContext http, CancellationToken ct) =>
        Run(async () =>
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(body.Regime)) errors["regime"] = ["Cần mã chế độ báo cáo."];
            if (string.IsNullOrWhiteSpace(body.Form)) errors["form"] = ["Cần mã biểu."];
            if (string.IsNullOrWhiteSpace(body.Agency)) errors["agency"] = ["Cần mã đơn vị."];
            if (string.IsNullOrWhiteSpace(body.Period)) errors["period"] = ["Cần kỳ báo cáo."];
            if (errors.Count > 0)
            {
                return Problems.Validation(errors);
            }

            var caller = await callers.ForAsync(http, ct);
            var (view, created) = await workflow.CreateAsync(caller, body.Regime!, body.Form!, body.Agency!, body.Period!, ct);
            var json = Instance(view);
            return created ? Results.Created($"/api/v1/report-instances/{view.Summary.Id}", json) : Results.Ok(json);
        });

    private static Task<IResult> Get(int id, ReportWorkflow workflow, SubmissionStatusReader submissions, ReportCallers callers, HttpContext http, CancellationToken ct) =>
        Run(async () =>
        {
            var view = await workflow.GetAsync(await callers.ForAsync(http, ct), id, ct);
            return Results.Ok(Instance(view, await submissions.ListAsync(id, ct)));
        });

    private static Task<IResult> SetCells(int id, CellsBody body, ReportWorkflow workflow, ReportCallers callers, HttpContext http, CancellationToken ct) =>
        Run(async () =>
        {
            var caller = await callers.ForAsync(http, ct);
            return Results.Ok(Instance(await workflow.SetCellsAsync(caller, id, body.Cells ?? [], ct)));
        });

    private static Task<IResult> Act(int id, string action, ActionBody? body, ReportWorkflow workflow, SubmissionStatusReader submissions, ReportCallers callers, HttpContext http, CancellationToken ct) =>
        Run(async () =>
        {
            var caller = await callers.ForAsync(http, ct);
            if (string.Equals(action, ReportActions.Refresh, StringComparison.OrdinalIgnoreCase))
            {
                // The instance, plus what the refresh moved: the page and a client show the same list.
                var refresh = await workflow.RefreshAsync(caller, id, ct);
                var json = JsonSerializer.SerializeToNode(Instance(refresh.View, await submissions.ListAsync(id, ct)), JsonOptions)!.AsObject();
                json["changes"] = JsonSerializer.SerializeToNode(refresh.Changes.Select(c => new
                {
                    rowKey = c.RowKey, rowLabel = c.RowLabel, column = c.Column, before = c.Before, after = c.After,
                }), JsonOptions);
                return Results.Json(json);
            }

            var view = await workflow.ActAsync(caller, id, action, body?.Comment, ct);
            return Results.Ok(Instance(view, await submissions.ListAsync(id, ct)));
        });

    private static Task<IResult> GetVersion(int id, int number, string? format, ReportWorkflow workflow, ReportCallers callers, HttpContext http, CancellationToken ct) =>
        Run(async () =>
        {
            if (format is not (null or "json" or "xlsx"))
            {
                return Problems.Validation(new Dictionary<string, string[]> { ["format"] = [$"format phải là json hoặc xlsx, không phải '{format}'."] });
            }

            var caller = await callers.ForAsync(http, ct);
            var version = await workflow.GetVersionAsync(caller, id, number, ct);
            if (format == "xlsx")
            {
                var stream = new MemoryStream();
                ReportExcelWriter.Write(version.Document, stream);
                stream.Position = 0;
                return Results.File(stream, ReportExcelWriter.ContentType, ReportExcelWriter.FileName(version.Document, $"_v{number}"));
            }

            return Results.Ok(new
            {
                version = version.Number,
                submittedBy = version.SubmittedBy,
                submittedAt = version.SubmittedAt,
                narrative = version.Narrative,
                report = ReportPayload.Of(version.Document),
            });
        });

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static object Summary(ReportInstanceSummary s) => new
    {
        id = s.Id,
        regime = s.Regime,
        form = s.Form,
        agency = s.Agency,
        agencyName = s.AgencyName,
        periodKey = s.PeriodKey,
        state = ReportStates.Code(s.State),
        version = s.Version,
        dueDate = s.DueDate,
        submittedOn = s.SubmittedOn,
        lateWorkingDays = s.LateWorkingDays,
        returned = s.Returned,
    };

    private static object Instance(ReportInstanceView view, IReadOnlyList<SubmissionStatusView>? submissions = null)
    {
        // api.md's `submissions` lists the attempts of the current version's submission; `submission` says where it stands.
        var current = submissions?.FirstOrDefault(s => s.Version == view.Summary.Version);
        var d = view.Document;
        var s = view.Summary;
        return new
        {
            id = s.Id,
            regime = s.Regime,
            form = s.Form,
            agency = s.Agency,
            agencyName = s.AgencyName,
            periodKey = s.PeriodKey,
            period = ApiQuery.PeriodJson(d.Period, d.WindowKind, d.Window),
            state = ReportStates.Code(s.State),
            version = s.Version,
            dueDate = s.DueDate,
            lateWorkingDays = s.LateWorkingDays,
            returned = s.Returned,
            editable = view.Editable,
            actions = view.Actions.Select(a => a.Code),
            columns = ReportJson.Columns(d),
            rows = ReportJson.Rows(d),
            overrides = d.Overrides.Select(o => new { rowKey = o.RowKey, column = o.Column, computed = o.Computed, value = o.Value, reason = o.Reason }),
            violations = ReportJson.Violations(view.Violations),
            pending = d.Pending,
            narrative = view.Narrative,
            versions = view.Versions,
            history = view.History.Select(h => new { action = h.Action, state = ReportStates.Code(h.State), at = h.At, by = h.By, comment = h.Comment, version = h.Version }),
            submissions = (current?.Attempts ?? []).Select(a => new { attempt = a.Attempt, at = a.At, status = a.Status, receiptId = a.ReceiptId, error = a.Error }),
            submission = current is null ? null : new
            {
                version = current.Version,
                idempotencyKey = current.IdempotencyKey,
                state = SubmissionStates.Code(current.State),
                sentBy = current.CreatedBy,
                sentAt = current.CreatedAt,
                reason = current.Comment,
                receiptId = current.ReceiptId,
                receivedAt = current.ReceivedAt,
                error = current.Error,
                nextAttemptAt = current.NextAttemptUtc is { } next ? new DateTimeOffset(next, TimeSpan.Zero) : (DateTimeOffset?)null,
            },
        };
    }

    /// <summary>Maps the workflow's refusals to 404, 403, 409 and 422 problems (the API and the report pages' downloads).</summary>
    internal static async Task<IResult> Run(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (WorkflowException e)
        {
            var (status, type) = e.Refusal switch
            {
                WorkflowRefusal.NotFound => (StatusCodes.Status404NotFound, "report-not-found"),
                WorkflowRefusal.Forbidden => (StatusCodes.Status403Forbidden, "report-forbidden"),
                WorkflowRefusal.WrongState => (StatusCodes.Status409Conflict, "report-wrong-state"),
                _ => (StatusCodes.Status422UnprocessableEntity, "report-invalid"),
            };
            var problem = Problems.Create(status, type, e.Title, e.Message);
            if (e.Violations.Count > 0)
            {
                problem.Extensions["violations"] = ReportJson.Violations(e.Violations);
            }

            return Results.Problem(problem);
        }
    }
}

/// <summary>
/// The caller of the workflow from the request, in the one agency scope of access.md (<see cref="CallerScope"/>):
/// a signed-in person acts with their roles; an API key in its own name, <c>admin</c> as an administrator,
/// <c>report</c> as a preparer.
/// </summary>
public sealed class ReportCallers(CallerScope scopes, ReferenceData reference, TimeProvider clock)
{
    public Task<ReportCaller> ForAsync(HttpContext http, CancellationToken ct) =>
        ForAsync(http.User, http.Connection.RemoteIpAddress?.ToString(), ct);

    /// <summary>The caller of a page: the circuit's signed-in user (<see cref="CurrentUser"/>), by the same rule as a request.</summary>
    public async Task<ReportCaller> ForAsync(ClaimsPrincipal user, string? address, CancellationToken ct)
    {
        var roles = Roles.All.Where(user.IsInRole).ToHashSet();
        var keyScopes = user.FindAll(ApiKeyAuthenticationHandler.ScopeClaim).Select(c => c.Value).ToHashSet();
        if (keyScopes.Contains(ApiScopes.Admin)) roles.Add(Roles.Admin);
        if (keyScopes.Contains(ApiScopes.Report)) roles.Add(Roles.Preparer);
        var name = user.FindFirstValue(ClaimTypes.Name) ?? "khóa API";
        var actor = AuditActor.From(user, address);
        var scope = await scopes.ForAsync(user, ct);
        if (scope.IsEverything)
        {
            return new ReportCaller(name, roles, _ => true) { Actor = actor };
        }

        var tree = (await reference.GetAsync(ct)).Tree;
        var today = clock.Today();
        return new ReportCaller(name, roles, code => scope.ContainsCode(tree, code, today)) { Actor = actor };
    }
}
