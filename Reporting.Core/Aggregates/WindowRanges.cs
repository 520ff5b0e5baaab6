using System.Linq.Expressions;
using Reporting.Core.Periods;

namespace Reporting.Core.Aggregates;

/// <summary>
/// The bucket ranges of several disjoint windows as query parameters, and the CASE telling which
/// window a bucket falls in, so that one grouped query sums every window at once (a 12-month trend
/// is one query, not twelve). The SQL depends only on the number of windows, so EF Core compiles it
/// once per count.
/// </summary>
internal sealed class WindowRanges
{
    // Read by the query through the expression tree: EF Core turns each First[i] / Last[i] into a parameter.
    public readonly int[] First;
    public readonly int[] Last;

    private WindowRanges(IReadOnlyList<DateWindow> windows)
    {
        First = windows.Select(w => w.Buckets.First).ToArray();
        Last = windows.Select(w => w.Buckets.Last).ToArray();
    }

    public int Count => First.Length;
    public int Min => First.Min();
    public int Max => Last.Max();

    /// <summary>Marks where <see cref="Keyed{T, TKey}"/> puts the CASE; never runs.</summary>
    public static int IndexOf(int bucket) => throw new InvalidOperationException("Only inside a query built by WindowRanges.Keyed.");

    /// <summary>Marks a CASE for rows that also need <paramref name="ended"/> by the window's last bucket; never runs.</summary>
    public static int IndexOf(int bucket, int ended) => throw new InvalidOperationException("Only inside a query built by WindowRanges.Keyed.");

    /// <summary>
    /// Splits windows into groups of pairwise disjoint ones (in the callers' cases, one group: a period
    /// and the one before it, consecutive months); the CASE gives a bucket to one window only.
    /// </summary>
    public static IEnumerable<(List<int> Indexes, WindowRanges Ranges)> Disjoint(IReadOnlyList<DateWindow> windows)
    {
        var groups = new List<List<int>>();
        for (var i = 0; i < windows.Count; i++)
        {
            var window = windows[i];
            var group = groups.FirstOrDefault(g => g.All(j => windows[j].To < window.From || windows[j].From > window.To));
            if (group is null)
            {
                groups.Add([i]);
            }
            else
            {
                group.Add(i);
            }
        }

        return groups.Select(g => (g, new WindowRanges(g.Select(i => windows[i]).ToList())));
    }

    /// <summary>The key selector with each <see cref="IndexOf(int)"/> replaced by the CASE over these ranges (-1 outside all).</summary>
    public Expression<Func<T, TKey>> Keyed<T, TKey>(Expression<Func<T, TKey>> key) =>
        (Expression<Func<T, TKey>>)new CaseWriter(this).Visit(key);

    private sealed class CaseWriter(WindowRanges ranges) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(WindowRanges) || node.Method.Name != nameof(IndexOf))
            {
                return base.VisitMethodCall(node);
            }

            var bucket = Visit(node.Arguments[0]);
            var ended = node.Arguments.Count > 1 ? Visit(node.Arguments[1]) : null;
            var self = Expression.Constant(ranges);
            Expression result = Expression.Constant(-1);
            for (var i = ranges.Count - 1; i >= 0; i--)
            {
                var first = Expression.ArrayIndex(Expression.Field(self, nameof(First)), Expression.Constant(i));
                var last = Expression.ArrayIndex(Expression.Field(self, nameof(Last)), Expression.Constant(i));
                var inside = Expression.AndAlso(Expression.GreaterThanOrEqual(bucket, first), Expression.LessThanOrEqual(bucket, last));
                if (ended is not null)
                {
                    inside = Expression.AndAlso(inside, Expression.LessThanOrEqual(ended, last));
                }

                result = Expression.Condition(inside, Expression.Constant(i), result);
            }

            return result;
        }
    }
}
