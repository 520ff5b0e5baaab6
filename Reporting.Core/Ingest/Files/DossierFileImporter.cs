using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Reporting.Core.Ingest.Files;

/// <summary>
/// Stores an uploaded CSV or XLSX file of dossiers through the same ingest path as the push API and the
/// collectors (validation, quarantine, versions), in batches of <see cref="BatchSize"/> rows, each batch
/// its own transaction. The header is checked before anything is stored.
/// </summary>
public sealed class DossierFileImporter(DossierIngestor ingestor, IOptions<IngestUploadOptions> options, ILogger<DossierFileImporter> logger)
{
    public const int BatchSize = 5000;

    /// <summary>How many quarantined rows the result lists; the quarantine browser has them all.</summary>
    public const int QuarantinedShown = 20;

    public const string DefaultSource = "tep-tai-len";

    public long MaxBytes => options.Value.UploadMaxBytes;

    public int MaxMegabytes => options.Value.UploadMaxMegabytes;

    /// <summary>Null when <paramref name="source"/> can name the dossiers' source; otherwise why not, in Vietnamese.</summary>
    public static string? ValidateSource(string? source) =>
        string.IsNullOrWhiteSpace(source) ? "Hãy nhập tên nguồn của các hồ sơ trong tệp."
        : SourceName.Problem(source, DefaultSource);

    /// <summary>
    /// Reads and stores <paramref name="file"/> (a seekable stream, e.g. the upload copied to a temporary file),
    /// held to the uploader's <paramref name="scope"/> like a push.
    /// </summary>
    public async Task<DossierFileImport> ImportAsync(string source, Stream file, string fileName,
        IProgress<DossierFileProgress>? progress = null, CancellationToken ct = default, Reporting.Core.Access.AgencyScope? scope = null)
    {
        if (ValidateSource(source) is { } sourceProblem)
        {
            return DossierFileImport.Refused(source, sourceProblem);
        }

        if (file.Length > MaxBytes)
        {
            return DossierFileImport.Refused(source, TooLarge(file.Length));
        }

        IEnumerator<DossierFileRow> rows;
        try
        {
            rows = DossierFileReader.Open(file, fileName).GetEnumerator();
        }
        catch (DossierFileException e)
        {
            logger.LogWarning("Uploaded file {FileName} for {Source} refused: {Problem}", fileName, source, e.Message);
            return DossierFileImport.Refused(source, e.Message);
        }

        // The next batch is read while the current one is stored (two cores: parsing and SQLite overlap).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => ReadBatchesAsync(rows, file, batches.Writer, stop.Token), stop.Token);
        var total = new Totals();
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                var report = await ingestor.IngestAsync(source, batch.Rows.Select(r => r.Record).ToList(), scope ?? Reporting.Core.Access.AgencyScope.Everything, ct);
                total.Add(batch.Rows, report);
                progress?.Report(new DossierFileProgress(total.Rows, batch.Fraction));
            }
        }
        finally
        {
            await stop.CancelAsync();
            await reading.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        var error = await reading;
        logger.LogInformation(
            "Uploaded file {FileName} for {Source}: {Rows} rows, {Stored} stored, {Unchanged} unchanged, {Stale} stale, {Quarantined} quarantined",
            fileName, source, total.Rows, total.Stored, total.Unchanged, total.Stale, total.Quarantined);
        if (total.Rows == 0 && error is null)
        {
            return DossierFileImport.Refused(source, "Tệp chỉ có dòng tiêu đề, không có dòng hồ sơ nào.");
        }

        return new DossierFileImport(source, total.Rows, total.Stored, total.Unchanged, total.Stale, total.Quarantined, total.FirstQuarantined, error);
    }

    private sealed record Batch(List<DossierFileRow> Rows, double Fraction);

    /// <summary>Reads the rows in batches into <paramref name="output"/>; a failure part-way ends the reading with its message (the rows before it still go out).</summary>
    private static async Task<string?> ReadBatchesAsync(IEnumerator<DossierFileRow> rows, Stream file, ChannelWriter<Batch> output, CancellationToken ct)
    {
        string? error = null;
        var batch = new List<DossierFileRow>(BatchSize);
        var lastRow = 1;
        using (rows)
        {
            try
            {
                while (rows.MoveNext())
                {
                    batch.Add(rows.Current);
                    lastRow = rows.Current.RowNumber;
                    if (batch.Count == BatchSize)
                    {
                        // The position is only an estimate inside an XLSX (a zip); the end is reported as 1 below.
                        await output.WriteAsync(new Batch(batch, file.Length == 0 ? 0 : Math.Min(0.99, (double)file.Position / file.Length)), ct);
                        batch = new List<DossierFileRow>(BatchSize);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Whatever stops the reading (a damaged zip entry, an I/O error) is about the file: report it with the rows stored so far.
                error = $"Đọc tệp bị dừng sau dòng {lastRow}: {e.Message} Các dòng trước đó đã được xử lý như thống kê dưới đây.";
            }
        }

        try
        {
            if (batch.Count > 0)
            {
                await output.WriteAsync(new Batch(batch, 1), ct);
            }
        }
        finally
        {
            output.Complete();
        }

        return error;
    }

    public string TooLarge(long bytes) =>
        $"Tệp nặng {bytes / 1024.0 / 1024.0:0.#} MB, vượt giới hạn {MaxMegabytes} MB (cấu hình Ingest:UploadMaxMegabytes). Hãy chia tệp thành nhiều tệp nhỏ hơn.";

    private sealed class Totals
    {
        public int Rows { get; private set; }
        public int Stored { get; private set; }
        public int Unchanged { get; private set; }
        public int Stale { get; private set; }
        public int Quarantined { get; private set; }
        public List<QuarantinedRow> FirstQuarantined { get; } = [];

        public void Add(List<DossierFileRow> batch, IngestReport report)
        {
            Rows += batch.Count;
            foreach (var r in report.Records)
            {
                switch (r.Outcome)
                {
                    case RecordOutcome.Stored: Stored++; break;
                    case RecordOutcome.Unchanged: Unchanged++; break;
                    case RecordOutcome.Stale: Stale++; break;
                    default:
                        Quarantined++;
                        if (FirstQuarantined.Count < QuarantinedShown)
                        {
                            FirstQuarantined.Add(new QuarantinedRow(batch[r.Index].RowNumber, r.Key, r.Reasons));
                        }

                        break;
                }
            }
        }
    }
}
