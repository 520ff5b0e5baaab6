namespace Reporting.Core.Agencies;

public enum AgencyKind
{
    Province,
    Department,
    ServiceCentre,
    District,
    Commune,
    Other,
}
