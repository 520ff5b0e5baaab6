namespace Reporting.Core.Agencies;

/// <summary>
/// An immutable snapshot of the agency tree with its reorganisation links. Changing the tree never
/// rewrites dossiers: the views below are applied when figures are aggregated.
/// </summary>
public sealed class AgencyTree
{
    private readonly Dictionary<int, Agency> _byId;
    private readonly Dictionary<string, Agency[]> _byCode;
    private readonly ILookup<int?, Agency> _children;
    private readonly Dictionary<int, int> _currentOf;
    private readonly Dictionary<int, AgencySuccession[]> _successors;

    public AgencyTree(IEnumerable<Agency> agencies, IEnumerable<AgencySuccession> successions)
    {
        All = agencies.OrderBy(a => a.Order).ThenBy(a => a.Name, StringComparer.Ordinal).ToList();
        _byId = All.ToDictionary(a => a.Id);
        _byCode = All.GroupBy(a => a.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.ValidFrom).ToArray(), StringComparer.OrdinalIgnoreCase);
        _children = All.ToLookup(a => a.ParentId);
        _successors = successions.GroupBy(s => s.PredecessorId).ToDictionary(g => g.Key, g => g.ToArray());
        Successions = successions.ToList();
        // Resolved once here: the tree is shared by every request, and a cache filled lazily would be read and written from many threads.
        _currentOf = All.ToDictionary(a => a.Id, a => FollowSuccessors(a.Id));
    }

    public IReadOnlyList<Agency> All { get; }

    public IReadOnlyList<AgencySuccession> Successions { get; }

    public static AgencyTree Empty { get; } = new([], []);

    /// <summary>The root: the province agency without a parent that is valid last.</summary>
    public Agency? Root => All.Where(a => a.ParentId is null).OrderByDescending(a => a.ValidTo ?? DateOnly.MaxValue).FirstOrDefault();

    public Agency? Find(int id) => _byId.GetValueOrDefault(id);

    /// <summary>The agency that bore <paramref name="code"/> on <paramref name="date"/>, if any.</summary>
    public Agency? Resolve(string code, DateOnly date) =>
        _byCode.TryGetValue(code, out var candidates) ? candidates.FirstOrDefault(a => a.IsValidOn(date)) : null;

    /// <summary>The agency bearing <paramref name="code"/> today, else the one that bore it last.</summary>
    public Agency? FindByCode(string code, DateOnly today) =>
        _byCode.TryGetValue(code, out var candidates) ? candidates.FirstOrDefault(a => a.IsValidOn(today)) ?? candidates[^1] : null;

    public IEnumerable<Agency> Children(int id) => _children[id];

    public IEnumerable<AgencySuccession> SuccessorsOf(int id) => _successors.GetValueOrDefault(id) ?? [];

    /// <summary>Follows primary successor links until an agency without successors.</summary>
    public int CurrentOf(int id) => _currentOf.TryGetValue(id, out var current) ? current : FollowSuccessors(id);

    private int FollowSuccessors(int id)
    {
        var current = id;
        var seen = new HashSet<int> { id };
        while (_successors.TryGetValue(current, out var links))
        {
            var next = (links.FirstOrDefault(l => l.IsPrimary) ?? links[0]).SuccessorId;
            if (!seen.Add(next))
            {
                break;
            }

            current = next;
        }

        return current;
    }

    /// <summary>The agency itself and every agency below it, ended ones included.</summary>
    public HashSet<int> Descendants(int id)
    {
        var result = new HashSet<int>();
        var stack = new Stack<int>();
        stack.Push(id);
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            if (!result.Add(next))
            {
                continue;
            }

            foreach (var child in _children[next])
            {
                stack.Push(child.Id);
            }
        }

        return result;
    }

    /// <summary>The agencies whose dossiers count for <paramref name="id"/> in the given view.</summary>
    public HashSet<int> Members(int id, HistoryView view)
    {
        var below = Descendants(id);
        if (view == HistoryView.Historical)
        {
            return below;
        }

        return All.Where(a => below.Contains(CurrentOf(a.Id))).Select(a => a.Id).ToHashSet();
    }

    /// <summary>The agency figures are shown under in the view (the agency itself when historical).</summary>
    public int Attribute(int id, HistoryView view) => view == HistoryView.Current ? CurrentOf(id) : id;

    /// <summary>Path from the root down to the agency, for breadcrumbs.</summary>
    public IReadOnlyList<Agency> PathTo(int id)
    {
        var path = new List<Agency>();
        for (var a = Find(id); a is not null; a = a.ParentId is { } p ? Find(p) : null)
        {
            path.Add(a);
            if (path.Count > 64)
            {
                break;
            }
        }

        path.Reverse();
        return path;
    }
}
