using System.ComponentModel.DataAnnotations;

namespace Reporting.Core.Ingest.Files;

/// <summary>Section <c>Ingest</c>: limits of pushed records and of dossier files uploaded by administrators.</summary>
public sealed class IngestUploadOptions
{
    public const string Section = "Ingest";

    /// <summary>Largest accepted upload, in megabytes.</summary>
    [Range(1, 2048)]
    public int UploadMaxMegabytes { get; set; } = 50;

    /// <summary>Most records one push call (<c>POST /api/v1/ingest/…</c>) may carry; more is answered 413 (spec access.md).</summary>
    [Range(1, 1_000_000, ErrorMessage = "Ingest:MaxRecordsPerCall phải từ 1 đến 1.000.000.")]
    public int MaxRecordsPerCall { get; set; } = 5000;

    public long UploadMaxBytes => UploadMaxMegabytes * 1024L * 1024L;
}
