using Reporting.Core.Feeds;

namespace Reporting.Demo.Province;

/// <summary>
/// A deterministic, fictional but realistic Vietnamese province ("Sơn Hà", code 98) for demos and
/// tests: its agency tree with the 2025 reorganisation (<see cref="Tree"/>), its procedure catalogue
/// (<see cref="Procedures"/>), the dossier history of the months before <see cref="DemoOptions.EndDate"/>
/// (<see cref="Dossiers()"/>), the payment feed (<see cref="Payments()"/>) and a set of deliberately bad
/// records (<see cref="BadDossiers"/>). Only feed objects, no storage.
/// <para>
/// Each dossier is a <see cref="DossierLifecycle"/>; the feeds are projections as of an instant, so a
/// simulator can serve the province as it evolves. After the end date new dossiers keep arriving
/// (<see cref="DemoArrivals"/>, drawn per day from the seed), so a feed at a later instant also holds the
/// dossiers submitted by then. The tree and the catalogue are the same for every
/// seed; the agencies' behaviour and the dossiers come from <see cref="DemoOptions.Seed"/>.
/// </para>
/// </summary>
public sealed class DemoProvince
{
    /// <summary>Share of departments, districts and communes in the dossiers, before and after 01/07/2025.</summary>
    private const double DepartmentShare = 0.35;
    private const double DistrictShareBefore = 0.22;

    private readonly Lock _historyLock = new();
    private IReadOnlyList<DossierLifecycle>? _history;
    private WeakReference<IReadOnlyList<DossierLifecycle>>? _weakHistory;
    private readonly Lazy<HistoryTail> _tail;
    private readonly DossierSampler _beforeMerger;
    private readonly DossierSampler _afterMerger;
    private readonly DemoCatalogueContent _catalogue;

    private DemoProvince(DemoOptions options)
    {
        Options = options;
        StartDate = options.EndDate.AddMonths(-options.HistoryMonths).AddDays(1);
        Agencies = DemoTreeBuilder.Build();
        _catalogue = DemoCatalogue.Build();

        var profiles = new Random(DemoSeeds.Profiles(options.Seed));
        foreach (var agency in Agencies)
        {
            agency.Profile = AgencyProfile.Draw(profiles, agency.Kind);
        }
        (_beforeMerger, _afterMerger) = BuildSamplers();
        Factory = new DossierLifecycleFactory(StartDate, options.EndDate);

        Tree = new AgencyTreeDocument { Items = Agencies.Select(a => a.ToTreeItem()).ToList() };
        Procedures = CatalogueItems();
        _tail = new Lazy<HistoryTail>(() => HistoryTail.Of(Lifecycles, EndOfHistory));
        Arrivals = new DemoArrivals(this);
    }

    /// <summary>Builds the province; cheap: the dossiers are generated on first use.</summary>
    public static DemoProvince Build(DemoOptions? options = null)
    {
        options ??= new DemoOptions();
        options.Validate();
        // A copy: later changes to the caller's options do not change this province.
        return new DemoProvince(new DemoOptions
        {
            Seed = options.Seed,
            DossierCount = options.DossierCount,
            EndDate = options.EndDate,
            HistoryMonths = options.HistoryMonths,
            UnmatchedPaymentCount = options.UnmatchedPaymentCount,
            KeepHistory = options.KeepHistory,
        });
    }

    /// <summary>The day districts ended and the new communes started.</summary>
    public static DateOnly MergerDate => DemoCalendar.MergerDate;

    public DemoOptions Options { get; }

    /// <summary>First day of the history.</summary>
    public DateOnly StartDate { get; }

    /// <summary>The end of <see cref="DemoOptions.EndDate"/> (23:59:59 local): the instant of <see cref="Dossiers()"/>.</summary>
    public DateTime EndOfHistory => Options.EndDate.ToDateTime(new TimeOnly(23, 59, 59));

    /// <summary>The opening of the offices on the first working day after <see cref="DemoOptions.EndDate"/> (07:30 local).</summary>
    public DateTime NextOfficeMorning => DemoCalendar.ToOfficeHours(Options.EndDate.AddDays(1).ToDateTime(TimeOnly.MinValue));

    /// <summary>The agency tree in the shape of <c>PUT /api/v1/agencies</c>.</summary>
    public AgencyTreeDocument Tree { get; }

    /// <summary>The procedure catalogue (ProcedureCatalog feed).</summary>
    public List<ProcedureFeedItem> Procedures { get; }

    /// <summary>
    /// The history's lifecycles (submitted up to the end date) in submission order; generated on first use, and
    /// again after a collection when <see cref="DemoOptions.KeepHistory"/> is off (the same lifecycles: the seed decides).
    /// </summary>
    public IReadOnlyList<DossierLifecycle> Lifecycles
    {
        get
        {
            // Under the lock: two readers at once generate the 300,000 lifecycles once, not twice.
            lock (_historyLock)
            {
                if (_history is { } kept)
                {
                    return kept;
                }
                if (_weakHistory is not null && _weakHistory.TryGetTarget(out var alive))
                {
                    return alive;
                }

                var generated = DossierHistoryGenerator.Generate(this);
                if (Options.KeepHistory)
                {
                    _history = generated;
                }
                else
                {
                    _weakHistory = new WeakReference<IReadOnlyList<DossierLifecycle>>(generated);
                }
                return generated;
            }
        }
    }

    /// <summary>
    /// The history's lifecycles that still change at or after <see cref="EndOfHistory"/> (an event or a refund), with their
    /// positions in the history: all a feed read from <see cref="EndOfHistory"/> on can return of the history.
    /// </summary>
    internal HistoryTail Tail => _tail.Value;

    /// <summary>The dossiers submitted after the end date, generated per day on demand.</summary>
    internal DemoArrivals Arrivals { get; }

    internal IReadOnlyList<DemoAgency> Agencies { get; }
    internal DossierLifecycleFactory Factory { get; }

    /// <summary>The dossier feed at the end of <see cref="DemoOptions.EndDate"/>, ordered by <c>NgayCapNhat</c>, then <c>MaHoSo</c>.</summary>
    public IEnumerable<DossierFeedItem> Dossiers() => Dossiers(EndOfHistory);

    /// <summary>
    /// The dossier feed as a source would serve it at <paramref name="asOfLocal"/>: the dossiers submitted
    /// by then (after the end date too), each as of that instant, ordered by <c>NgayCapNhat</c>, then <c>MaHoSo</c> (ordinal).
    /// Streams: one feed item is built at a time.
    /// </summary>
    public IEnumerable<DossierFeedItem> Dossiers(DateTime asOfLocal) => Dossiers(asOfLocal, DateTime.MinValue);

    /// <summary>
    /// As <see cref="Dossiers(DateTime)"/>, only the dossiers with <c>NgayCapNhat</c> ≥
    /// <paramref name="updatedSinceLocal"/> (the feed's inclusive <c>updatedSince</c>); the others are not projected.
    /// </summary>
    public IEnumerable<DossierFeedItem> Dossiers(DateTime asOfLocal, DateTime updatedSinceLocal)
    {
        foreach (var dossier in InFeedOrder(asOfLocal, updatedSinceLocal))
        {
            yield return dossier.AsOf(asOfLocal)!;
        }
    }

    /// <summary>
    /// The lifecycles submitted by <paramref name="asOfLocal"/> and changed since <paramref name="updatedSinceLocal"/>
    /// (inclusive), in feed order at that instant.
    /// </summary>
    public IReadOnlyList<DossierLifecycle> InFeedOrder(DateTime asOfLocal, DateTime updatedSinceLocal = default)
    {
        var keyed = new List<(DateTime UpdatedAt, DossierLifecycle Dossier)>();
        void Consider(DossierLifecycle dossier)
        {
            if (dossier.LastEventAtOrBefore(asOfLocal) is { } updatedAt && updatedAt >= updatedSinceLocal)
            {
                keyed.Add((updatedAt, dossier));
            }
        }
        // A read from the end of the history on (every collector run after the demo load) needs only the tail.
        if (updatedSinceLocal >= EndOfHistory)
        {
            foreach (var (_, dossier) in Tail.Dossiers)
            {
                Consider(dossier);
            }
        }
        else
        {
            foreach (var dossier in Lifecycles)
            {
                Consider(dossier);
            }
        }
        foreach (var (dossier, _) in Arrivals.Until(asOfLocal, updatedSinceLocal))
        {
            Consider(dossier);
        }
        keyed.Sort(static (a, b) =>
        {
            var byTime = a.UpdatedAt.CompareTo(b.UpdatedAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(a.Dossier.MaHoSo, b.Dossier.MaHoSo);
        });
        return keyed.Select(k => k.Dossier).ToList();
    }

    /// <summary>The payment feed at the end of <see cref="DemoOptions.EndDate"/>.</summary>
    public IEnumerable<PaymentFeedItem> Payments() => Payments(EndOfHistory);

    /// <summary>The payment feed as of <paramref name="asOfLocal"/>, ordered by <c>NgayCapNhat</c>, then <c>MaGiaoDich</c>.</summary>
    public IEnumerable<PaymentFeedItem> Payments(DateTime asOfLocal) => DemoPayments.AsOf(this, asOfLocal, DateTime.MinValue);

    /// <summary>As <see cref="Payments(DateTime)"/>, only the payments with <c>NgayCapNhat</c> ≥ <paramref name="updatedSinceLocal"/>.</summary>
    public IEnumerable<PaymentFeedItem> Payments(DateTime asOfLocal, DateTime updatedSinceLocal) =>
        DemoPayments.AsOf(this, asOfLocal, updatedSinceLocal);

    /// <summary>A small fixed set of deliberately bad dossier records, each with its kind (<see cref="DemoBadRecordKinds"/>).</summary>
    public IReadOnlyList<DemoBadRecord> BadDossiers() => DemoBadRecords.Build(this);

    internal DossierSampler SamplerFor(DateOnly day) => day < MergerDate ? _beforeMerger : _afterMerger;

    /// <summary>A retired procedure (not in the catalogue) at the level of <paramref name="procedure"/>.</summary>
    internal DemoProcedure RetiredProcedureFor(DemoProcedure procedure, Random random)
    {
        var candidates = _catalogue.Retired.Where(r => procedure.AtProvince ? r.AtProvince : r.AtCommune).ToList();
        return candidates.Count == 0 ? procedure : candidates[random.Next(candidates.Count)];
    }

    private (DossierSampler Before, DossierSampler After) BuildSamplers()
    {
        var departments = Agencies.Where(a => a.Kind == DemoAgencyKinds.Department).ToDictionary(a => a.DepartmentKey!);
        var departmentPairs = _catalogue.Procedures
            .Where(p => p.AtProvince)
            .Select(p =>
            {
                var owner = departments[p.EffectiveOwnerKey];
                return (owner, p, p.Weight * owner.Profile.Size);
            })
            .ToList();

        List<(DemoAgency, DemoProcedure, double)> Local(Func<DemoAgency, bool> agencies, Func<DemoProcedure, bool> procedures) =>
            (from agency in Agencies.Where(agencies)
             from procedure in _catalogue.Procedures.Where(procedures)
             select (agency, procedure, procedure.Weight * agency.Profile.Size)).ToList();

        bool Before(DemoAgency a) => a.ValidTo is not null;
        var districts = Local(a => a.Kind == DemoAgencyKinds.District, p => p.AtDistrictBefore2025);
        var oldCommunes = Local(a => a.Kind == DemoAgencyKinds.Commune && Before(a), p => p.AtCommune && !p.AtDistrictBefore2025);
        var newCommunes = Local(a => a.Kind == DemoAgencyKinds.Commune && !Before(a), p => p.AtCommune);

        var before = DossierSampler.Create(
            (DepartmentShare, departmentPairs),
            (DistrictShareBefore, districts),
            (1 - DepartmentShare - DistrictShareBefore, oldCommunes));
        var after = DossierSampler.Create(
            (DepartmentShare, departmentPairs),
            (1 - DepartmentShare, newCommunes));
        return (before, after);
    }

    private List<ProcedureFeedItem> CatalogueItems()
    {
        // Each procedure was last updated on some office day of the history (fixed per seed).
        var random = new Random(DemoSeeds.Catalogue(Options.Seed));
        var span = Options.EndDate.DayNumber - StartDate.DayNumber + 1;
        return _catalogue.Procedures
            .Select(p =>
            {
                var day = DemoCalendar.NextWorkingDay(StartDate.AddDays(random.Next(span)));
                if (day > Options.EndDate)
                {
                    day = StartDate;
                }
                return p.ToFeedItem(FeedDates.Format14(DemoCalendar.RandomOfficeTime(day, random)));
            })
            .ToList();
    }
}
