using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Reporting.Core.Collectors;
using Reporting.Core.Ingest.Files;
using Reporting.Web.Collectors;
using Reporting.Web.Dashboard;

namespace Reporting.Web.Ingest;

/// <summary>
/// Upload of a CSV or XLSX file of dossiers on the collectors page. The browser stream is first copied to a
/// temporary file (the only copy: never held in memory), then read and stored in batches off the circuit's
/// thread, with progress, through <see cref="DossierFileImporter"/> (the same ingest path as the push API).
/// </summary>
public sealed partial class DossierUploadPanel : ComponentBase, IDisposable
{
    private const int CopyBuffer = 1 << 16;

    private readonly CancellationTokenSource _cts = new();
    private string _source = DossierFileImporter.DefaultSource;
    private string? _sourceError;
    private bool _busy;
    private string _stage = "";
    private double _fraction;
    private string? _error;
    private string? _fileName;
    private DossierFileImport? _result;

    /// <summary>The collector sources the page already shows: the dossier feeds among them are offered as names.</summary>
    [Parameter] public IReadOnlyList<CollectorsApi.SourceDto> Sources { get; set; } = [];

    private IEnumerable<string> FeedSources => Sources.Where(s => s.Kind == nameof(CollectorKind.DossierFeed)).Select(s => s.Name);

    // Resolved when a file is chosen rather than injected, so the collectors page still renders where only
    // its admin service is wired (its component tests).
    [Inject] private IServiceProvider Services { get; set; } = default!;

    [Inject] private ILogger<DossierUploadPanel> Logger { get; set; } = default!;

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null || _busy)
        {
            return;
        }

        _error = null;
        _result = null;
        _fileName = file.Name;
        _sourceError = DossierFileImporter.ValidateSource(_source);
        if (_sourceError is not null)
        {
            return;
        }

        var importer = Services.GetRequiredService<DossierFileImporter>();
        var currentUser = Services.GetRequiredService<Reporting.Web.Access.CurrentUser>();
        Reporting.Core.Access.AgencyScope scope;
        Reporting.Core.Audit.AuditActor actor;
        try
        {
            // Uploads are for administrators (access.md), checked here as well as by the page; the file is held to
            // the uploader's scope like a push.
            var principal = await currentUser.DemandAdminAsync();
            scope = await Services.GetRequiredService<Reporting.Web.Access.CallerScope>().ForAsync(principal);
            actor = await currentUser.ActorAsync();
        }
        catch (Reporting.Core.Access.AccessDeniedException e)
        {
            _error = e.Message;
            return;
        }

        try
        {
            DossierFileReader.CheckFileName(file.Name);
        }
        catch (DossierFileException e)
        {
            _error = e.Message;
            return;
        }

        if (file.Size > importer.MaxBytes)
        {
            _error = importer.TooLarge(file.Size);
            return;
        }

        _busy = true;
        var temp = Path.Combine(Path.GetTempPath(), $"reporting-upload-{Guid.NewGuid():N}{Path.GetExtension(file.Name).ToLowerInvariant()}");
        try
        {
            await using var copy = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, CopyBuffer,
                FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            await ReceiveAsync(file, importer.MaxBytes, copy);
            copy.Position = 0;

            SetStage("Đang kiểm tra và lưu hồ sơ…", 0);
            var source = _source;
            var progress = new UiProgress(this);
            _result = await Task.Run(() => importer.ImportAsync(source, copy, file.Name, progress, _cts.Token, scope), _cts.Token);
            _error = _result.Error;
            await WriteAuditAsync(actor, source, file.Name, _result);
        }
        catch (OperationCanceledException)
        {
            // The circuit went away; the batches already committed stay stored.
        }
        catch (IOException e)
        {
            Logger.LogWarning(e, "Upload of {FileName} failed while receiving it", file.Name);
            _error = $"Không nhận được tệp từ trình duyệt ({e.Message}). Không hồ sơ nào được lưu.";
        }
        catch (Exception e)
        {
            // A database failure: the batches committed before it stay stored, the quarantine shows their bad rows.
            Logger.LogError(e, "Upload of {FileName} for {Source} failed while storing", file.Name, _source);
            _error = $"Lỗi khi lưu hồ sơ của tệp ({e.Message}). Các lô đã lưu trước lỗi được giữ lại; hãy tải lại tệp sau khi khắc phục (hồ sơ đã lưu sẽ được tính là không đổi).";
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>The upload's audit line, with what the file did (its batches commit one by one, each through ingest).</summary>
    private async Task WriteAuditAsync(Reporting.Core.Audit.AuditActor actor, string source, string fileName, DossierFileImport result)
    {
        var dbFactory = Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Reporting.Core.Persistence.ReportingDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        Reporting.Core.Audit.AuditLog.Add(db, Services.GetRequiredService<TimeProvider>(), actor, Reporting.Core.Audit.AuditActions.Upload, source,
            after: result.Error is { } error ? $"tệp={fileName}; từ chối: {error}"
                : $"tệp={fileName}; dòng={result.Rows}; lưu={result.Stored}; không đổi={result.Unchanged}; cũ={result.Stale}; cách ly={result.Quarantined}");
        await db.SaveChangesAsync();
    }

    /// <summary>Copies the browser's stream to the temporary file, showing how much has arrived.</summary>
    private async Task ReceiveAsync(IBrowserFile file, long maxBytes, Stream target)
    {
        SetStage("Đang nhận tệp…", 0);
        await using var input = file.OpenReadStream(maxBytes, _cts.Token);
        var buffer = new byte[CopyBuffer];
        long received = 0;
        var shown = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, _cts.Token)) > 0)
        {
            await target.WriteAsync(buffer.AsMemory(0, read), _cts.Token);
            received += read;
            var percent = file.Size == 0 ? 100 : (int)(received * 100 / file.Size);
            if (percent >= shown + 5)
            {
                shown = percent;
                SetStage($"Đang nhận tệp… {percent} %", received / (double)Math.Max(1, file.Size));
                StateHasChanged();
            }
        }
    }

    private void SetStage(string stage, double fraction)
    {
        _stage = stage;
        _fraction = fraction;
    }

    private void OnProgress(DossierFileProgress p)
    {
        SetStage($"Đã xử lý {DashboardFormat.Count(p.Rows)} dòng ({(int)(p.Fraction * 100)} % tệp)…", p.Fraction);
        StateHasChanged();
    }

    // Not disposed: an import still running on the thread pool may yet observe the token.
    public void Dispose() => _cts.Cancel();

    /// <summary>Reports from the import's thread pool thread back onto the circuit.</summary>
    private sealed class UiProgress(DossierUploadPanel panel) : IProgress<DossierFileProgress>
    {
        public void Report(DossierFileProgress value) => _ = panel.InvokeAsync(() => panel.OnProgress(value));
    }
}
