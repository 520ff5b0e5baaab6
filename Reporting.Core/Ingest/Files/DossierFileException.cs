namespace Reporting.Core.Ingest.Files;

/// <summary>A problem of an uploaded file as a whole (its type, encoding or columns), in Vietnamese; nothing of it is stored.</summary>
public sealed class DossierFileException(string message) : Exception(message);
