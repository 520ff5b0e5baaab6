namespace Reporting.Core.Indicators;

/// <summary>Which dossiers behind a figure: the numerator, the denominator, or the denominator minus the numerator.</summary>
public enum DossierPart
{
    Numerator,
    Denominator,
    Rest,
}
