using Microsoft.EntityFrameworkCore;
using Reporting.Core.Access;
using Reporting.Core.Agencies;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;
using Reporting.Core.Reports.Excel;
using Reporting.Core.Reports.Templates;

namespace Reporting.Core.Reports.Workflow;

/// <summary>
/// Report instances and their workflow (reporting.md): create (or find) an instance, fill its cells,
/// take the actions of <see cref="ReportActions"/>, freeze versions, compare them. Every door (API,
/// page, scheduled job) calls here, so the checks are the same: 404 unknown, 403 outside the caller's
/// scope or role, 409 wrong state, 422 missing reason or broken identity.
/// </summary>
public sealed class ReportWorkflow(
    IDbContextFactory<ReportingDbContext> dbFactory, ReportEngine engine, ReferenceData referenceData, TimeProvider clock, National.NationalOutbox? national = null)
{
    public const string Created = "create";
    public const string CellsChanged = "cells";
    public const string Uploaded = "upload";
    public const string NarrativeChanged = "narrative";

    /// <summary>History entries that change a draft's content, not its place in the workflow ("returned" looks past them).</summary>
    private static readonly string[] Edits = [CellsChanged, Uploaded, NarrativeChanged, ReportActions.Refresh];

    /// <summary>The instance of (regime, form, agency, period), created when missing; <c>Created</c> says which.</summary>
    public async Task<(ReportInstanceView View, bool Created)> CreateAsync(
        ReportCaller caller, string regimeCode, string form, string agencyCode, string period, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regime = await db.ReportRegimes.AsNoTracking().FirstOrDefaultAsync(r => r.Code == regimeCode, ct)
            ?? throw Invalid($"Không có chế độ báo cáo '{regimeCode}'.");
        if (!PeriodKey.TryParse(period, out var key))
        {
            throw Invalid($"Kỳ '{period}' không đúng dạng (ví dụ 2026-Q3, 2026-H1, 2026-9M, 2026).");
        }

        var instance = await EnsureAsync(db, caller, regime, form, agencyCode, key, ct);
        var created = instance.Id == 0;
        if (created)
        {
            instance.ComputedJson = Snapshot(await LiveAsync(instance, ct));
            db.ReportInstances.Add(instance);
            try
            {
                await db.SaveChangesAsync(ct);
                Record(db, instance, Created, ReportState.Draft, null, caller, null);
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Created at the same moment by another caller (the job, a colleague): use theirs.
                created = false;
                db.ChangeTracker.Clear();
                var existing = await FindAsync(db, regime.Code, form.Trim().ToLowerInvariant(), instance.AgencyCode, key, ct);
                if (existing is null)
                {
                    throw;
                }

                instance = existing;
            }
        }

        return (await ViewAsync(db, caller, instance, ct), created);
    }

    /// <summary>
    /// For every regime, creates the missing instances of the period whose window ended most recently
    /// (the scheduled job; idempotent, so a missed night is caught up the next).
    /// </summary>
    public async Task<int> CreateEndedPeriodsAsync(CancellationToken ct = default)
    {
        List<ReportRegime> regimes;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            regimes = await db.ReportRegimes.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);
        }

        var today = VietnamTime.Today(clock);
        var count = 0;
        foreach (var regime in regimes)
        {
            count += await CreatePeriodAsync(regime, regime.LastEndedPeriod(today), ct);
        }

        return count;
    }

    /// <summary>Creates the missing instances of a regime's period for every agency that files each form (the scheduled job).</summary>
    public async Task<int> CreatePeriodAsync(ReportRegime regime, PeriodKey period, CancellationToken ct = default)
    {
        var reference = await referenceData.GetAsync(ct);
        var window = period.Window(regime.Window);
        var agencies = reference.Tree.All.Where(a => a.ValidFrom <= window.To && (a.ValidTo is null || a.ValidTo >= window.To)).ToList();
        var count = 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = (await db.ReportInstances.AsNoTracking()
                .Where(i => i.RegimeCode == regime.Code && i.PeriodKey == period.ToString())
                .Select(i => new { i.FormCode, i.AgencyCode })
                .ToListAsync(ct))
            .Select(i => (i.FormCode, i.AgencyCode)).ToHashSet();
        foreach (var form in regime.Forms)
        {
            foreach (var agency in agencies.Where(a => regime.IsFiledBy(form, a) && !existing.Contains((form, a.Code))))
            {
                db.ReportInstances.Add(NewInstance(reference, regime, form, agency, period, ReportCaller.System));
                count++;
            }
        }

        await db.SaveChangesAsync(ct);
        foreach (var instance in db.ChangeTracker.Entries<ReportInstance>().Select(e => e.Entity).ToList())
        {
            Record(db, instance, Created, ReportState.Draft, null, ReportCaller.System, "Tạo tự động khi kỳ báo cáo kết thúc");
        }

        await db.SaveChangesAsync(ct);
        return count;
    }

    public async Task<ReportInstanceView> GetAsync(ReportCaller caller, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var instance = await LoadAsync(db, caller, id, ct);
        return await ViewAsync(db, caller, instance, ct);
    }

    /// <summary>The worklist: instances in the caller's scope, filtered.</summary>
    public async Task<IReadOnlyList<ReportInstanceSummary>> ListAsync(
        ReportCaller caller, string? agency = null, string? period = null, ReportState? state = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.ReportInstances.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(agency)) query = query.Where(i => i.AgencyCode == agency);
        if (!string.IsNullOrWhiteSpace(period)) query = query.Where(i => i.PeriodKey == period);
        if (state is { } s) query = query.Where(i => i.State == s);
        var instances = (await query.OrderBy(i => i.PeriodKey).ThenBy(i => i.AgencyCode).ThenBy(i => i.FormCode).ToListAsync(ct))
            .Where(i => caller.InScope(i.AgencyCode)).ToList();
        var ids = instances.Select(i => i.Id).ToList();
        var lastActions = (await db.ReportTransitions.AsNoTracking()
                .Where(t => ids.Contains(t.InstanceId))
                .Where(t => !Edits.Contains(t.Action))
                .Select(t => new { t.InstanceId, t.Id, t.Action, t.Comment })
                .ToListAsync(ct))
            .GroupBy(t => t.InstanceId)
            .ToDictionary(g => g.Key, g => g.MaxBy(t => t.Id)!);
        var calendar = (await referenceData.GetAsync(ct)).Calendar;
        return instances.Select(i => lastActions.TryGetValue(i.Id, out var last)
            ? Summary(i, calendar, last.Action, last.Comment)
            : Summary(i, calendar, null, null)).ToList();
    }

    /// <summary>Writes manual cells and overrides of a draft, all or nothing.</summary>
    public async Task<ReportInstanceView> SetCellsAsync(ReportCaller caller, int id, IReadOnlyList<CellEdit> edits, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var instance = await LoadForEditAsync(db, caller, id, ct);
        var computed = await ComputeAsync(instance, ct);
        instance.ComputedJson ??= Snapshot(computed);
        var manual = StoredJson.Read<List<CellEntry>>(instance.ManualCellsJson);
        var overrides = StoredJson.Read<List<CellEntry>>(instance.OverridesJson);
        var errors = new List<ReportViolation>();
        foreach (var edit in edits)
        {
            var row = computed.Rows.FirstOrDefault(r => r.Kind == ReportRowKind.Item && r.Key == edit.RowKey);
            if (row is null || !computed.Template.HasColumn(edit.Column))
            {
                errors.Add(new ReportViolation(edit.RowKey, edit.Column, $"Biểu không có ô cột ({edit.Column}) ở dòng '{edit.RowKey}' để ghi số."));
                continue;
            }

            var cell = ReportIdentities.Cell(row, edit.Column);
            var column = computed.Template.Column(edit.Column);
            if (edit.Value < 0)
            {
                errors.Add(new ReportViolation(row.Key, edit.Column, $"{cell}: số liệu không được âm."));
            }
            else if (column.Source == CellSource.Sum)
            {
                errors.Add(new ReportViolation(row.Key, edit.Column, $"{cell}: ô tổng tự cộng từ các ô thành phần, không ghi trực tiếp."));
            }
            else if (column.Source == CellSource.Manual)
            {
                manual.RemoveAll(c => c.RowKey == row.Key && c.Column == edit.Column);
                manual.Add(new CellEntry(row.Key, edit.Column, edit.Value, Blank(edit.Reason) ? null : edit.Reason!.Trim()));
            }
            else if (edit.Value == row[edit.Column])
            {
                overrides.RemoveAll(c => c.RowKey == row.Key && c.Column == edit.Column);
            }
            else if (Blank(edit.Reason))
            {
                errors.Add(new ReportViolation(row.Key, edit.Column,
                    $"{cell}: là số tính từ dữ liệu ({row[edit.Column]}); muốn sửa thành {edit.Value} phải ghi lý do."));
            }
            else
            {
                overrides.RemoveAll(c => c.RowKey == row.Key && c.Column == edit.Column);
                overrides.Add(new CellEntry(row.Key, edit.Column, edit.Value, edit.Reason!.Trim()));
            }
        }

        if (errors.Count > 0)
        {
            throw new WorkflowException(WorkflowRefusal.Invalid, "Không ghi được số liệu", string.Join(" ", errors.Select(e => e.Message)), errors);
        }

        instance.ManualCellsJson = StoredJson.Write(manual);
        instance.OverridesJson = StoredJson.Write(overrides);
        Record(db, instance, CellsChanged, instance.State, null, caller, $"{edits.Count} ô");
        await SaveAsync(db, ct);
        return await ViewAsync(db, caller, instance, ct);
    }

    /// <summary>Takes the manual cells of an uploaded filled form (templates.md), refused whole with the cells and reasons.</summary>
    public async Task<ReportInstanceView> UploadAsync(ReportCaller caller, int id, Stream file, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var instance = await LoadForEditAsync(db, caller, id, ct);
        var current = await ComposeAsync(instance, ct);
        instance.ComputedJson ??= Snapshot(await ComputeAsync(instance, ct));
        var result = ReportExcelReader.Read(current, file);
        if (!result.Accepted)
        {
            throw new WorkflowException(WorkflowRefusal.Invalid, "Tệp không được nhận",
                string.Join(" ", result.Errors.Select(e => e.Message)),
                result.Errors.Select(e => new ReportViolation(e.Cell, 0, e.Message)).ToList());
        }

        var manual = result.Rows
            .Where(r => r.Kind == ReportRowKind.Item)
            .SelectMany(r => current.Template.Columns.Where(c => c.Source == CellSource.Manual).Select(c => new CellEntry(r.Key, c.Number, r[c.Number])))
            .ToList();
        instance.ManualCellsJson = StoredJson.Write(manual);
        Record(db, instance, Uploaded, instance.State, null, caller, $"{manual.Count} ô nhập tay từ tệp");
        await SaveAsync(db, ct);
        return await ViewAsync(db, caller, instance, ct);
    }

    /// <summary>Writes the narrative sections (đề cương) of a draft; only the template's headings are kept.</summary>
    public async Task<ReportInstanceView> SetNarrativeAsync(ReportCaller caller, int id, IReadOnlyDictionary<string, string> sections, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var instance = await LoadForEditAsync(db, caller, id, ct);
        var unknown = sections.Keys.Except(ReportNarrative.Headings).ToList();
        if (unknown.Count > 0)
        {
            throw Invalid($"Đề cương không có mục: {string.Join("; ", unknown)}.");
        }

        instance.ComputedJson ??= Snapshot(await ComputeAsync(instance, ct));
        instance.NarrativeJson = StoredJson.Write(sections.Where(s => !string.IsNullOrWhiteSpace(s.Value)).ToDictionary(s => s.Key, s => s.Value.Trim()));
        Record(db, instance, NarrativeChanged, instance.State, null, caller, null);
        await SaveAsync(db, ct);
        return await ViewAsync(db, caller, instance, ct);
    }

    /// <summary>Takes an action of <see cref="ReportActions"/>; a submit freezes the next version.</summary>
    public async Task<ReportInstanceView> ActAsync(ReportCaller caller, int id, string actionCode, string? comment, CancellationToken ct = default)
    {
        var action = ReportActions.Find(actionCode)
            ?? throw new WorkflowException(WorkflowRefusal.NotFound, "Không có thao tác",
                $"Không có thao tác '{actionCode}'. Các thao tác: {string.Join(", ", ReportActions.All.Select(a => a.Code))}.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var instance = await LoadAsync(db, caller, id, ct, tracking: true);
        var from = instance.State;
        Check(action, caller, from, comment);
        if (action.Code == ReportActions.Refresh)
        {
            return (await RefreshAsync(db, caller, instance, ct)).View;
        }

        int? version = null;
        if (action.Code == ReportActions.Send)
        {
            await SendAsync(db, instance, caller, comment, ct);
        }

        if (action.Code == ReportActions.Submit)
        {
            var document = await ComposeAsync(instance, ct);
            var violations = ReportIdentities.Check(document);
            if (violations.Count > 0)
            {
                throw new WorkflowException(WorkflowRefusal.Invalid, "Số liệu không khớp",
                    "Báo cáo chưa gửi được vì số liệu không khớp: " + string.Join(" ", violations.Select(v => v.Message)), violations);
            }

            var now = clock.GetUtcNow().ToOffset(VietnamTime.Offset);
            instance.Version++;
            version = instance.Version;
            db.ReportVersions.Add(new ReportVersion
            {
                InstanceId = instance.Id,
                Number = instance.Version,
                RowsJson = StoredJson.Write(new StoredDocument(document.ReportingUnit, document.ReceivingUnit, document.Rows.Select(StoredRow.Of).ToList())),
                OverridesJson = StoredJson.Write(document.Overrides),
                NarrativeJson = instance.NarrativeJson,
                ViolationsJson = StoredJson.Write(violations),
                ComputedAt = document.ComputedAt,
                SubmittedBy = caller.Name,
                SubmittedAt = now,
            });
            instance.FirstSubmittedOn ??= VietnamTime.Today(clock);
        }

        instance.State = action.To;
        Record(db, instance, action.Code, from, version ?? (instance.Version == 0 ? null : instance.Version), caller, Blank(comment) ? null : comment!.Trim());
        await SaveAsync(db, ct);
        return await ViewAsync(db, caller, instance, ct);
    }

    public async Task<ReportVersionView> GetVersionAsync(ReportCaller caller, int id, int number, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var instance = await LoadAsync(db, caller, id, ct);
        return await VersionAsync(db, instance, number, ct);
    }

    /// <summary>The cells that differ between two versions, row by row in the order of the later one.</summary>
    public async Task<IReadOnlyList<CellDifference>> CompareAsync(ReportCaller caller, int id, int before, int after, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var instance = await LoadAsync(db, caller, id, ct);
        var a = (await VersionAsync(db, instance, before, ct)).Document;
        var b = (await VersionAsync(db, instance, after, ct)).Document;
        return Differences(a, b);
    }

    /// <summary>
    /// "Cập nhật số liệu" (reporting.md, ADR 013): takes a draft's computed cells again from live data
    /// and says which moved. Typed cells and overrides stay; an override now shows its new computed value.
    /// </summary>
    public async Task<ReportRefresh> RefreshAsync(ReportCaller caller, int id, CancellationToken ct = default)
    {
        var action = ReportActions.Find(ReportActions.Refresh)!;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var instance = await LoadAsync(db, caller, id, ct, tracking: true);
        Check(action, caller, instance.State, null);
        return await RefreshAsync(db, caller, instance, ct);
    }

    private async Task<ReportRefresh> RefreshAsync(ReportingDbContext db, ReportCaller caller, ReportInstance instance, CancellationToken ct)
    {
        var before = await ComputeAsync(instance, ct);
        var live = await LiveAsync(instance, ct);
        var changes = Differences(before, live);
        instance.ComputedJson = Snapshot(live);
        Record(db, instance, ReportActions.Refresh, instance.State, instance.Version == 0 ? null : instance.Version, caller,
            changes.Count == 0 ? "Số liệu không thay đổi" : $"{changes.Count} ô thay đổi");
        await SaveAsync(db, ct);
        return new ReportRefresh(await ViewAsync(db, caller, instance, ct), changes);
    }

    /// <summary>The cells that differ between two documents of one form, row by row in the order of the later one.</summary>
    public static IReadOnlyList<CellDifference> Differences(ReportDocument a, ReportDocument b)
    {
        var differences = new List<CellDifference>();
        var keys = b.Rows.Select(r => r.Key).Concat(a.Rows.Select(r => r.Key)).Distinct();
        foreach (var key in keys)
        {
            var x = a.Row(key);
            var y = b.Row(key);
            foreach (var column in b.Template.ColumnNumbers)
            {
                int? old = x?[column], now = y?[column];
                if (old != now)
                {
                    differences.Add(new CellDifference(key, (y ?? x)!.Label, column, old, now));
                }
            }
        }

        return differences;
    }

    /// <summary>The refusals of an action, in their order: role (403), state (409), missing reason (422).</summary>
    private static void Check(ReportAction action, ReportCaller caller, ReportState from, string? comment)
    {
        if (!ReportActions.RoleAllows(action, caller, from))
        {
            throw new WorkflowException(WorkflowRefusal.Forbidden, "Không có quyền",
                $"'{action.Label}' dành cho {string.Join(" hoặc ", action.Roles.Select(Roles.Label))}; {caller.Name} không có vai trò này.");
        }

        if (!action.From.Contains(from))
        {
            throw new WorkflowException(WorkflowRefusal.WrongState, "Không thực hiện được ở trạng thái này",
                $"Báo cáo đang ở trạng thái '{ReportStates.Label(from)}'; '{action.Label}' chỉ làm được khi báo cáo {string.Join(" hoặc ", action.From.Select(s => $"'{ReportStates.Label(s)}'"))}.");
        }

        if (action.NeedsComment && Blank(comment))
        {
            throw new WorkflowException(WorkflowRefusal.Invalid, "Cần ghi lý do", $"'{action.Label}' cần ghi lý do để người lập biết phải sửa gì.");
        }
    }

    /// <summary>
    /// <c>send</c> (reporting.md): only the province's consolidated report, only with a reason while an
    /// agency is pending; the outbox row joins this transition's transaction. From <c>failed</c> it
    /// re-arms the same submission (same body, same key).
    /// </summary>
    private async Task SendAsync(ReportingDbContext db, ReportInstance instance, ReportCaller caller, string? comment, CancellationToken ct)
    {
        if (national is not { Configured: true })
        {
            throw new WorkflowException(WorkflowRefusal.WrongState, "Chưa cấu hình hệ thống quốc gia",
                "Máy chủ chưa cấu hình National:BaseUrl và chứng thư ký nên chưa gửi được báo cáo lên hệ thống quốc gia.");
        }

        if (!await IsProvinceReportAsync(instance, ct))
        {
            throw new WorkflowException(WorkflowRefusal.WrongState, "Chỉ gửi báo cáo tổng hợp của tỉnh",
                $"Chỉ báo cáo tổng hợp của tỉnh được gửi lên hệ thống quốc gia; báo cáo này của '{instance.AgencyName}'.");
        }

        if (instance.State == ReportState.Failed)
        {
            await national.RetryAsync(db, instance, ct);
            return;
        }

        var version = await db.ReportVersions.AsNoTracking().FirstAsync(v => v.InstanceId == instance.Id && v.Number == instance.Version, ct);
        var pending = StoredJson.Read<StoredDocument>(version.RowsJson).Rows.Where(r => r.Pending).Select(r => r.Label).ToList();
        if (pending.Count > 0 && Blank(comment))
        {
            throw new WorkflowException(WorkflowRefusal.Invalid, "Cần ghi lý do",
                $"Còn {pending.Count} đơn vị chưa được duyệt báo cáo ({string.Join(", ", pending)}); muốn gửi vẫn gửi thì phải ghi lý do.");
        }

        national.Add(db, instance, version, caller, Blank(comment) ? null : comment!.Trim());
    }

    /// <summary>The province's consolidated report: the Biểu 06 of the root of the agency tree.</summary>
    private async Task<bool> IsProvinceReportAsync(ReportInstance instance, CancellationToken ct) =>
        instance.FormCode == ReportForms.Bieu06 && (await referenceData.GetAsync(ct)).Tree.Root?.Code == instance.AgencyCode;

    /// <summary>The one place a transition is written (moves to the audit log when the access branch lands).</summary>
    private void Record(ReportingDbContext db, ReportInstance instance, string action, ReportState from, int? version, ReportCaller caller, string? comment) =>
        Record(db, clock, instance, action, from, version, caller, comment);

    /// <summary>A transition with its audit line, in the caller's DbContext (also the national delivery's answers).</summary>
    internal static void Record(ReportingDbContext db, TimeProvider clock, ReportInstance instance, string action, ReportState from, int? version, ReportCaller caller, string? comment)
    {
        db.ReportTransitions.Add(new ReportTransition
        {
            InstanceId = instance.Id,
            Action = action,
            FromState = from,
            ToState = instance.State,
            Version = version,
            At = clock.GetUtcNow().ToOffset(VietnamTime.Offset),
            By = caller.Name,
            Comment = comment,
        });

        // Every transition is an audited change (access.md), written in the transaction that makes it.
        Audit.AuditLog.Add(db, clock, caller.Actor, Audit.AuditActions.ReportTransition,
            $"báo cáo {instance.Id} ({instance.FormCode}, {instance.AgencyCode}, {instance.PeriodKey})",
            before: from.ToString(), after: comment is null ? $"{action} → {instance.State}" : $"{action} → {instance.State}: {comment}");
    }

    private async Task<ReportInstance> EnsureAsync(
        ReportingDbContext db, ReportCaller caller, ReportRegime regime, string form, string agencyCode, PeriodKey period, CancellationToken ct)
    {
        form = form.Trim().ToLowerInvariant();
        if (!regime.Forms.Contains(form))
        {
            throw Invalid($"Chế độ '{regime.Name}' không có biểu '{form}'; có: {string.Join(", ", regime.Forms)}.");
        }

        if (period.Kind != regime.Frequency)
        {
            throw Invalid($"Chế độ '{regime.Name}' báo cáo theo {Frequency(regime.Frequency)}; kỳ '{period}' không phải kỳ như vậy.");
        }

        var reference = await referenceData.GetAsync(ct);
        var window = period.Window(regime.Window);
        var agency = reference.Tree.Resolve(agencyCode.Trim(), window.To) ?? reference.Tree.FindByCode(agencyCode.Trim(), VietnamTime.Today(clock))
            ?? throw new WorkflowException(WorkflowRefusal.NotFound, "Không tìm thấy đơn vị", $"Không có đơn vị mã '{agencyCode}'.");
        if (!caller.InScope(agency.Code))
        {
            throw Forbidden(agency);
        }

        if (!caller.HasAny(Roles.Preparer, Roles.Head))
        {
            throw new WorkflowException(WorkflowRefusal.Forbidden, "Không có quyền", $"Tạo báo cáo dành cho {Roles.Label(Roles.Preparer)} hoặc {Roles.Label(Roles.Head)}.");
        }

        if (!regime.IsFiledBy(form, agency))
        {
            throw Invalid($"'{agency.Name}' không lập biểu '{form}' theo chế độ '{regime.Name}'.");
        }

        return await FindAsync(db, regime.Code, form, agency.Code, period, ct)
            ?? NewInstance(reference, regime, form, agency, period, caller);
    }

    private ReportInstance NewInstance(ReferenceSnapshot reference, ReportRegime regime, string form, Agency agency, PeriodKey period, ReportCaller caller)
    {
        var window = period.Window(regime.Window);
        return new ReportInstance
        {
            RegimeCode = regime.Code,
            FormCode = form,
            AgencyCode = agency.Code,
            AgencyName = agency.Name,
            PeriodKey = period.ToString(),
            WindowKind = regime.Window,
            From = window.From,
            To = window.To,
            DueDate = ReportDeadlines.DueDate(reference.Calendar, window.To, regime.DeadlineWorkingDays),
            State = ReportState.Draft,
            CreatedAt = clock.GetUtcNow().ToOffset(VietnamTime.Offset),
            CreatedBy = caller.Name,
        };
    }

    private static Task<ReportInstance?> FindAsync(ReportingDbContext db, string regime, string form, string agency, PeriodKey period, CancellationToken ct) =>
        db.ReportInstances.FirstOrDefaultAsync(i => i.RegimeCode == regime && i.FormCode == form && i.AgencyCode == agency && i.PeriodKey == period.ToString(), ct);

    private static async Task<ReportInstance> LoadAsync(ReportingDbContext db, ReportCaller caller, int id, CancellationToken ct, bool tracking = false)
    {
        var query = tracking ? db.ReportInstances : db.ReportInstances.AsNoTracking();
        var instance = await query.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw WorkflowException.NotFound(id);
        if (!caller.InScope(instance.AgencyCode))
        {
            throw new WorkflowException(WorkflowRefusal.Forbidden, "Ngoài phạm vi",
                $"Báo cáo của '{instance.AgencyName}' ({instance.AgencyCode}) nằm ngoài phạm vi đơn vị của {caller.Name}.");
        }

        return instance;
    }

    private static async Task<ReportInstance> LoadForEditAsync(ReportingDbContext db, ReportCaller caller, int id, CancellationToken ct)
    {
        var instance = await LoadAsync(db, caller, id, ct, tracking: true);
        if (!caller.HasAny(Roles.Preparer, Roles.Head))
        {
            throw new WorkflowException(WorkflowRefusal.Forbidden, "Không có quyền",
                $"Sửa số liệu dành cho {Roles.Label(Roles.Preparer)} hoặc {Roles.Label(Roles.Head)}; {caller.Name} không có vai trò này.");
        }

        if (instance.State != ReportState.Draft)
        {
            throw new WorkflowException(WorkflowRefusal.WrongState, "Báo cáo không còn sửa được",
                $"Báo cáo đang ở trạng thái '{ReportStates.Label(instance.State)}'; chỉ sửa được khi '{ReportStates.Label(ReportState.Draft)}' (hoặc sau khi bị trả lại).");
        }

        return instance;
    }

    private static async Task SaveAsync(ReportingDbContext db, CancellationToken ct)
    {
        foreach (var entry in db.ChangeTracker.Entries<ReportInstance>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Revision++;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new WorkflowException(WorkflowRefusal.WrongState, "Báo cáo vừa được thay đổi",
                "Báo cáo vừa được người khác thay đổi; hãy tải lại rồi làm lại thao tác.");
        }
    }

    /// <summary>The draft's computed cells: its snapshot once someone worked on it (ADR 013), live data before.</summary>
    private async Task<ReportDocument> ComputeAsync(ReportInstance instance, CancellationToken ct)
    {
        if (instance.ComputedJson is { } json)
        {
            var snapshot = StoredJson.Read<StoredComputation>(json);
            return Rebuild(instance, snapshot.Document, snapshot.ComputedAt);
        }

        return await LiveAsync(instance, ct);
    }

    private static string Snapshot(ReportDocument computed) => StoredJson.Write(new StoredComputation(
        computed.ComputedAt, new StoredDocument(computed.ReportingUnit, computed.ReceivingUnit, computed.Rows.Select(StoredRow.Of).ToList())));

    private static ReportDocument Rebuild(ReportInstance instance, StoredDocument stored, DateTimeOffset? computedAt) => new()
    {
        Template = ReportForms.For(instance.FormCode, instance.Window)!,
        Agency = new ReportAgency(instance.AgencyCode, instance.AgencyName),
        Period = instance.Period,
        WindowKind = instance.WindowKind,
        Window = instance.Window,
        ReportingUnit = stored.ReportingUnit,
        ReceivingUnit = stored.ReceivingUnit,
        ComputedAt = computedAt,
        Rows = stored.Rows.Select(r => r.ToRow()).ToList(),
    };

    /// <summary>The form filled from live data, as the API's form; the province's Biểu 06 is the consolidation of accepted versions.</summary>
    private async Task<ReportDocument> LiveAsync(ReportInstance instance, CancellationToken ct)
    {
        try
        {
            if (await IsProvinceReportAsync(instance, ct))
            {
                return await new ReportConsolidation(dbFactory, engine).BuildAsync(instance.Period, instance.WindowKind, ct);
            }

            return await engine.BuildAsync(instance.FormCode, instance.AgencyCode, instance.Period, instance.WindowKind, ct);
        }
        catch (QueryException e)
        {
            throw new WorkflowException(WorkflowRefusal.Invalid, e.Title, e.Message);
        }
    }

    /// <summary>Live data with the typed cells laid over it: what a draft shows and what a submit freezes.</summary>
    private async Task<ReportDocument> ComposeAsync(ReportInstance instance, CancellationToken ct) =>
        ReportComposer.Apply(await ComputeAsync(instance, ct),
            StoredJson.Read<List<CellEntry>>(instance.ManualCellsJson),
            StoredJson.Read<List<CellEntry>>(instance.OverridesJson)) with
        {
            Narrative = StoredJson.Read<Dictionary<string, string>>(instance.NarrativeJson),
        };

    private async Task<ReportVersionView> VersionAsync(ReportingDbContext db, ReportInstance instance, int number, CancellationToken ct)
    {
        var version = await db.ReportVersions.AsNoTracking().FirstOrDefaultAsync(v => v.InstanceId == instance.Id && v.Number == number, ct)
            ?? throw new WorkflowException(WorkflowRefusal.NotFound, "Không có phiên bản", $"Báo cáo số {instance.Id} không có phiên bản {number}.");
        var document = Rebuild(instance, StoredJson.Read<StoredDocument>(version.RowsJson), version.ComputedAt) with
        {
            Overrides = StoredJson.Read<List<CellOverride>>(version.OverridesJson),
            Narrative = StoredJson.Read<Dictionary<string, string>>(version.NarrativeJson),
        };
        return new ReportVersionView(version.Number, document, StoredJson.Read<Dictionary<string, string>>(version.NarrativeJson),
            StoredJson.Read<List<ReportViolation>>(version.ViolationsJson), version.SubmittedBy, version.SubmittedAt);
    }

    private async Task<ReportInstanceView> ViewAsync(ReportingDbContext db, ReportCaller caller, ReportInstance instance, CancellationToken ct)
    {
        var document = instance.State == ReportState.Draft
            ? await ComposeAsync(instance, ct)
            : (await VersionAsync(db, instance, instance.Version, ct)).Document;
        var history = await db.ReportTransitions.AsNoTracking()
            .Where(t => t.InstanceId == instance.Id)
            .OrderBy(t => t.Id)
            .Select(t => new HistoryEntry(t.Action, t.FromState, t.ToState, t.At, t.By, t.Comment, t.Version))
            .ToListAsync(ct);
        var versions = await db.ReportVersions.AsNoTracking().Where(v => v.InstanceId == instance.Id).OrderBy(v => v.Number).Select(v => v.Number).ToListAsync(ct);
        var calendar = (await referenceData.GetAsync(ct)).Calendar;
        var editable = instance.State == ReportState.Draft && caller.InScope(instance.AgencyCode) && caller.HasAny(Roles.Preparer, Roles.Head);
        var lastTransition = history.LastOrDefault(h => !Edits.Contains(h.Action));
        return new ReportInstanceView(
            Summary(instance, calendar, lastTransition?.Action, lastTransition?.Comment),
            document,
            ReportIdentities.Check(document),
            StoredJson.Read<Dictionary<string, string>>(instance.NarrativeJson),
            history,
            versions,
            ReportActions.Available(caller, instance.State, instance.AgencyCode, await IsProvinceReportAsync(instance, ct)).ToList(),
            editable);
    }

    /// <summary>The line of an instance; "returned" reads the last workflow action, not the edits made since.</summary>
    private ReportInstanceSummary Summary(ReportInstance i, Calendar.WorkingCalendar calendar, string? lastAction, string? lastComment)
    {
        var returned = i.State == ReportState.Draft && lastAction == ReportActions.Return;
        return new(
            i.Id, i.RegimeCode, i.FormCode, i.AgencyCode, i.AgencyName, i.PeriodKey, i.State, i.Version, i.DueDate, i.FirstSubmittedOn,
            ReportDeadlines.LateWorkingDays(calendar, i.DueDate, i.FirstSubmittedOn, VietnamTime.Today(clock)),
            returned, returned ? lastComment : null);
    }

    private static string Frequency(PeriodKind kind) => kind switch
    {
        PeriodKind.Month => "tháng",
        PeriodKind.Quarter => "quý",
        PeriodKind.HalfYear => "6 tháng",
        PeriodKind.NineMonths => "9 tháng",
        _ => "năm",
    };

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    private static WorkflowException Invalid(string detail) => new(WorkflowRefusal.Invalid, "Yêu cầu không hợp lệ", detail);

    private static WorkflowException Forbidden(Agency agency) =>
        new(WorkflowRefusal.Forbidden, "Ngoài phạm vi", $"'{agency.Name}' ({agency.Code}) nằm ngoài phạm vi đơn vị của người dùng.");
}
