using System.Linq.Expressions;
using Reporting.Core.Dossiers;
using Reporting.Core.Periods;

namespace Reporting.Core.Indicators;

/// <summary>
/// The dossier sets behind each computed indicator as SQL-translatable predicates. They restate the
/// rules of <see cref="DossierClock"/> and <see cref="IndicatorCalculator"/> on the derived day
/// columns; integration tests check that every list has exactly as many dossiers as its figure.
/// </summary>
public static class IndicatorFilters
{
    public static bool Supports(string code) => Build(code, new DateWindow(DateOnly.MinValue, DateOnly.MinValue)) is not null;

    public static (Expression<Func<Dossier, bool>> Numerator, Expression<Func<Dossier, bool>> Denominator)? Build(string code, DateWindow window)
    {
        var s = window.From.DayNumber;
        var e = window.To.DayNumber;
        Expression<Func<Dossier, bool>> received = d => d.Counted && d.ReceivedDay >= s && d.ReceivedDay <= e;
        Expression<Func<Dossier, bool>> inScope = d => d.Counted && d.ReceivedDay <= e && (d.EndDay == null || d.EndDay >= s);
        Expression<Func<Dossier, bool>> processedWithoutResult = d =>
            (d.Status == DossierStatus.Processed || d.Status == DossierStatus.Returned) && d.EndDay <= e && d.ResultExpected && !d.ElectronicResult;

        return code.ToUpperInvariant() switch
        {
            "1.4" => (And(received, d => d.SyncedToDvcqg == 1), received),
            "2.1" => (And(inScope, OnTime766(s, e)), inScope),
            "2.2" => (And(received, Processed), And(received, Processed)),
            "3.3" => (And(received, And(d => d.Channel == Channel.Online, Not(processedWithoutResult))), received),
            "ONLINE" => (And(received, d => d.Channel == Channel.Online), received),
            "3.6" => (And(received, d => d.FeeBearing && d.PaidOnline), And(received, d => d.FeeBearing)),
            "4.1" => (And(EndedIn(s, e), d => d.ElectronicResult), EndedIn(s, e)),
            "4.2" => (And(received, And(d => d.Digitised, Not(processedWithoutResult))), received),
            "4.3" => (And(received, d => d.Reused), received),
            "4.4" => (And(received, d => d.FromNationalStore), received),
            "4.5B" => (And(received, d => d.VneIdVerified || d.FromNationalStore), received),
            "5.4" => (And(inScope, Or(Not(OnTime766(s, e)), d => d.Satisfaction == 2 || d.Complaint)), inScope),
            _ => null,
        };
    }

    private static readonly Expression<Func<Dossier, bool>> Processed =
        d => d.Status == DossierStatus.Processed || d.Status == DossierStatus.Returned;

    private static Expression<Func<Dossier, bool>> EndedIn(int s, int e) =>
        d => d.Counted && (d.Status == DossierStatus.Processed || d.Status == DossierStatus.Returned)
             && d.EndDay >= s && d.EndDay <= e && d.ResultExpected;

    /// <summary>Handled on time by the 766 rule within the window, or in progress within the deadline at its end.</summary>
    private static Expression<Func<Dossier, bool>> OnTime766(int s, int e) => d =>
        (d.EndDay != null && d.EndDay <= e && d.OnTime766)
        || ((d.EndDay == null || d.EndDay > e)
            && d.SupplementCount <= 1
            && (d.PromisedUnknown
                || (d.SupplementCount == 1 && d.SupplementRequestedDay <= e && (d.SupplementSuppliedDay == null || d.SupplementSuppliedDay > e))
                || (d.SupplementCount == 0 && d.Status == DossierStatus.WaitingSupplement && d.EndDay == null)
                || (d.SupplementSuppliedDay != null && d.SupplementSuppliedDay <= e
                    ? e - (d.SupplementSuppliedDay - d.SupplementRequestedDay > 0 ? d.SupplementSuppliedDay - d.SupplementRequestedDay : 0) <= d.OriginalPromisedDay
                    : e <= d.OriginalPromisedDay)));

    public static Expression<Func<Dossier, bool>> And(Expression<Func<Dossier, bool>> a, Expression<Func<Dossier, bool>> b) =>
        Combine(a, b, Expression.AndAlso);

    public static Expression<Func<Dossier, bool>> Or(Expression<Func<Dossier, bool>> a, Expression<Func<Dossier, bool>> b) =>
        Combine(a, b, Expression.OrElse);

    public static Expression<Func<Dossier, bool>> Not(Expression<Func<Dossier, bool>> a) =>
        Expression.Lambda<Func<Dossier, bool>>(Expression.Not(a.Body), a.Parameters);

    private static Expression<Func<Dossier, bool>> Combine(
        Expression<Func<Dossier, bool>> a, Expression<Func<Dossier, bool>> b, Func<Expression, Expression, BinaryExpression> op)
    {
        var parameter = a.Parameters[0];
        var body = new ReplaceParameter(b.Parameters[0], parameter).Visit(b.Body);
        return Expression.Lambda<Func<Dossier, bool>>(op(a.Body, body), parameter);
    }

    private sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
