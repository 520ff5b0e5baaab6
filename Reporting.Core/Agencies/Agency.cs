namespace Reporting.Core.Agencies;

/// <summary>
/// An agency as it existed over [ValidFrom, ValidTo]. A code can be reused by a later agency, so the
/// surrogate <see cref="Id"/> is what dossiers keep; the code resolves to an agency on a date.
/// </summary>
public sealed class Agency
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public AgencyKind Kind { get; set; }
    public int? ParentId { get; set; }
    public string? AdminUnitCode { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public int Order { get; set; }

    public bool IsValidOn(DateOnly date) => date >= ValidFrom && (ValidTo is null || date <= ValidTo);
}
