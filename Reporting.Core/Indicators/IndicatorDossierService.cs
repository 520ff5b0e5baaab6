using Microsoft.EntityFrameworkCore;
using Reporting.Core.Agencies;
using Reporting.Core.Dossiers;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;

namespace Reporting.Core.Indicators;

public sealed record DossierListQuery(string IndicatorCode, IndicatorQuery Scope, DossierPart Part, int Page = 1, int PageSize = 50);

public sealed record DossierListItem(
    string Source, string Code, string ProcedureCode, string? ProcedureName, string AgencyCode, string? AgencyName,
    int Channel, int Status, DateTime? ReceivedAt, DateTime? PromisedAt, DateTime? EndedAt, bool PaidOnline, bool ElectronicResult);

public sealed record DossierListPage(
    string IndicatorCode, DossierPart Part, Agency Agency, DateWindow Window, int Page, int PageSize, int Total, IReadOnlyList<DossierListItem> Items);

/// <summary>The dossiers behind a figure, paged in the database.</summary>
public sealed class IndicatorDossierService(IDbContextFactory<ReportingDbContext> dbFactory, ReferenceData referenceData, TimeProvider clock)
{
    public const int MaxPageSize = 500;

    public async Task<DossierListPage> GetAsync(DossierListQuery query, CancellationToken ct = default)
    {
        var (agency, window, filtered) = await PrepareAsync(query, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = filtered(db.Dossiers.AsNoTracking());
        var total = await source.CountAsync(ct);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, query.Page);
        var tree = (await referenceData.GetAsync(ct)).Tree;
        var rows = await ListColumns(source
                .OrderByDescending(d => d.ReceivedDay).ThenBy(d => d.Code).ThenBy(d => d.Source)
                .Skip((page - 1) * pageSize).Take(pageSize))
            .ToListAsync(ct);
        var items = rows.Select(d => ToItem(d, tree)).ToList();
        return new DossierListPage(query.IndicatorCode, query.Part, agency, window, page, pageSize, total, items);
    }

    /// <summary>Every dossier of the list in order, streamed (for downloads of large lists).</summary>
    public async IAsyncEnumerable<DossierListItem> StreamAsync(DossierListQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var (_, _, filtered) = await PrepareAsync(query, ct);
        var tree = (await referenceData.GetAsync(ct)).Tree;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await foreach (var d in ListColumns(filtered(db.Dossiers.AsNoTracking()).OrderByDescending(d => d.ReceivedDay).ThenBy(d => d.Code))
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return ToItem(d, tree);
        }
    }

    private async Task<(Agency Agency, DateWindow Window, Func<IQueryable<Dossier>, IQueryable<Dossier>> Filter)> PrepareAsync(DossierListQuery query, CancellationToken ct)
    {
        var reference = await referenceData.GetAsync(ct);
        var agency = IndicatorService.ResolveAgency(reference.Tree, query.Scope.AgencyCode, query.Scope.View, VietnamTime.Today(clock));
        var window = query.Scope.Period.Window(query.Scope.WindowKind);
        var definition = IndicatorCatalog.Find(query.IndicatorCode)
            ?? throw new QueryException("Không có chỉ tiêu", $"Không có chỉ tiêu mã '{query.IndicatorCode}'.", "indicator-not-found");
        var filters = IndicatorFilters.Build(definition.Code, window)
            ?? throw new QueryException("Chỉ tiêu không tính theo hồ sơ",
                $"Chỉ tiêu {definition.Code} ({definition.Name}) được tính theo danh mục TTHC hoặc nhập tay, không có danh sách hồ sơ.",
                "indicator-not-dossier-based");
        var members = reference.Tree.Members(agency.Id, query.Scope.View).ToList();
        var predicate = query.Part switch
        {
            DossierPart.Numerator => filters.Numerator,
            DossierPart.Denominator => filters.Denominator,
            _ => IndicatorFilters.And(filters.Denominator, IndicatorFilters.Not(filters.Numerator)),
        };
        return (agency, window, q => q.Where(d => members.Contains(d.AgencyId)).Where(predicate));
    }

    /// <summary>
    /// Only the columns <see cref="ToItem"/> reads: the stored row has ≈ 55 columns and the lists' JSON, and SQLite
    /// sorts whole selected rows (in memory), so a million-row download read and sorted ten times what it shows.
    /// <c>DossierListColumnsTests</c> holds the projected list equal to the one mapped from whole rows.
    /// </summary>
    private static IQueryable<Dossier> ListColumns(IQueryable<Dossier> source) => source.Select(d => new Dossier
    {
        Source = d.Source,
        Code = d.Code,
        ProcedureCode = d.ProcedureCode,
        ProcedureName = d.ProcedureName,
        AgencyCode = d.AgencyCode,
        AgencyId = d.AgencyId,
        Channel = d.Channel,
        Status = d.Status,
        ReceivedAt = d.ReceivedAt,
        PromisedAt = d.PromisedAt,
        HandlingEndedAt = d.HandlingEndedAt,
        ReturnedAt = d.ReturnedAt,
        PaidOnline = d.PaidOnline,
        ElectronicResult = d.ElectronicResult,
    });

    /// <summary>A list row of a stored dossier (public so the projection can be checked against whole rows).</summary>
    public static DossierListItem ToItem(Dossier d, AgencyTree tree) => new(
        d.Source, d.Code, d.ProcedureCode, d.ProcedureName, d.AgencyCode, tree.Find(d.AgencyId)?.Name,
        d.Channel, d.Status, d.ReceivedAt, d.PromisedAt, DossierFacts.EndOf(d), d.PaidOnline, d.ElectronicResult);
}
