using Reporting.Core.Ingest.Files;

namespace Reporting.Web.Ingest;

/// <summary><c>GET /exports/templates/dossiers.csv</c>: the upload template (every DossierFeed column and one example dossier).</summary>
public static class DossierTemplateExport
{
    public const string Path = "/exports/templates/dossiers.csv";

    public static IEndpointRouteBuilder MapDossierTemplate(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, () => Results.File(DossierFileTemplate.Csv(), "text/csv; charset=utf-8", DossierFileTemplate.FileName))
            .WithName("DossierUploadTemplate").ExcludeFromDescription();
        return app;
    }
}
