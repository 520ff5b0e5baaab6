using System.ComponentModel.DataAnnotations;

namespace Reporting.Core.Ingest.Files;

/// <summary>Section <c>Ingest</c>: limits of dossier files uploaded by administrators.</summary>
public sealed class IngestUploadOptions
{
    public const string Section = "Ingest";

    /// <summary>Largest accepted upload, in megabytes.</summary>
    [Range(1, 2048)]
    public int UploadMaxMegabytes { get; set; } = 50;

    public long UploadMaxBytes => UploadMaxMegabytes * 1024L * 1024L;
}
