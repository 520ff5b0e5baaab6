using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Reporting.Core.Access;
using Reporting.Web.Access;
using Reporting.Core.Indicators;
using Reporting.Core.Ingest;

namespace Reporting.Web.Dashboard;

/// <summary>
/// A dashboard page that reads its state from the URL query and refreshes itself when new data is
/// committed (<see cref="DataChangeNotifier"/>, relayed by <see cref="DashboardChanges"/>), keeping what it shows until the new figures are ready.
/// </summary>
public abstract class LiveDashboardBase : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private int _refreshQueued;
    private long _lastRefresh = long.MinValue / 2;
    private bool _refreshingLive;
    private Task? _trendInRefresh;
    private IDisposable? _subscription;
    private IDisposable? _view;
    private string? _viewKey;

    [Inject] protected DashboardService Service { get; set; } = null!;
    [Inject] protected DashboardChanges Changes { get; set; } = null!;
    [Inject] protected NavigationManager Navigation { get; set; } = null!;
    [Inject] protected CallerScope Callers { get; set; } = null!;

    /// <summary>The signed-in user; without one (no cascade) the page sees nothing.</summary>
    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    [SupplyParameterFromQuery(Name = "period")] public string? PeriodParam { get; set; }
    [SupplyParameterFromQuery(Name = "window")] public string? WindowParam { get; set; }
    [SupplyParameterFromQuery(Name = "structure")] public string? StructureParam { get; set; }
    [SupplyParameterFromQuery(Name = "agency")] public string? AgencyParam { get; set; }

    /// <summary>The agencies this viewer may see (access.md): every read of the page takes it.</summary>
    protected AgencyScope Scope { get; private set; } = AgencyScope.Nothing(null);

    /// <summary>Whether the error shown is a read outside the viewer's scope ("Không có quyền").</summary>
    protected bool OutsideScope => Error?.Type == DashboardService.OutsideScope;

    protected DashboardQuery Query { get; private set; } = null!;
    protected QueryException? Error { get; private set; }
    protected bool Loading { get; private set; }

    /// <summary>Minimum time between two live refreshes (the first comes at once), so a burst of ingest batches costs one reload.</summary>
    protected virtual TimeSpan RefreshDelay => TimeSpan.FromSeconds(1);

    protected CancellationToken Disposed => _disposed.Token;

    protected override void OnInitialized() => _subscription = Changes.Subscribe(OnDataChanged);

    protected override async Task OnParametersSetAsync()
    {
        // The query first: the page renders while the scope is read, and its pickers need the query.
        Query = BuildQuery();
        Scope = AuthState is null ? AgencyScope.Nothing(null) : await Callers.ForAsync((await AuthState).User, Disposed);
        ShowView();
        await ReloadAsync();
    }

    /// <summary>
    /// Everything the page shows from its reads, compared with <see cref="object.Equals(object)"/> before and after a live
    /// refresh: equal, the page does not render. Null (the default): every refresh renders.
    /// </summary>
    protected virtual object? Shown => null;

    /// <summary>
    /// The reads of this page's view (its shared answers) for <see cref="DashboardChanges"/>, which does them once for every
    /// page showing the view before telling the pages of a change; null when the page has no shared reads. Must not capture
    /// the page (only the service, the scope and the query).
    /// </summary>
    protected virtual Func<Task>? ViewReads(DashboardService service, AgencyScope scope, DashboardQuery query) => null;

    private void ShowView()
    {
        var key = $"{GetType().Name}|{(Scope.IsEverything ? "*" : Scope.RootCode)}|{Query.QueryString()}";
        if (key == _viewKey)
        {
            return;
        }

        _view?.Dispose();
        _view = ViewReads(Service, Scope, Query) is { } reads ? Changes.Show(key, reads) : null;
        _viewKey = key;
    }

    protected virtual DashboardQuery BuildQuery() => DashboardQuery.From(PeriodParam, WindowParam, StructureParam, AgencyParam, Service.Today);

    /// <summary>Loads everything the page shows for <see cref="Query"/>.</summary>
    protected abstract Task LoadAsync(CancellationToken ct);

    protected async Task ReloadAsync()
    {
        Loading = true;
        try
        {
            await LoadAsync(Disposed);
            Error = null;
        }
        catch (QueryException e)
        {
            Error = e;
        }
        finally
        {
            Loading = false;
        }
    }

    /// <summary>
    /// Reads the 12-month trend after the rest of the page is shown (it takes twelve reads), then
    /// hands it to <paramref name="set"/> unless the query has changed meanwhile. In a live refresh the page still
    /// shows the old trend, so the new one is read with the rest and shown in the same render: one render of every
    /// open overview per data change, not two (issue 13).
    /// </summary>
    protected void LoadTrendLater(IReadOnlyList<string> codes, Action<IReadOnlyList<TrendPoint>> set)
    {
        var query = Query;
        async Task<bool> ReadAsync()
        {
            try
            {
                var trend = await Service.GetTrendAsync(Scope, DashboardService.MonthlyTrendOf(query), codes, ct: Disposed);
                if (query == Query)
                {
                    set(trend);
                    return true;
                }
            }
            catch (Exception e) when (e is QueryException or OperationCanceledException)
            {
            }

            return false;
        }

        if (_refreshingLive)
        {
            _trendInRefresh = ReadAsync();
            return;
        }

        _ = InvokeAsync(async () =>
        {
            if (await ReadAsync())
            {
                StateHasChanged();
            }
        });
    }

    protected void Go(DashboardQuery query, string? path = null) =>
        Navigation.NavigateTo((path ?? new Uri(Navigation.Uri).AbsolutePath) + "?" + query.QueryString());

    private void OnDataChanged(DataChange change)
    {
        if (Interlocked.Exchange(ref _refreshQueued, 1) == 1)
        {
            return;
        }

        _ = InvokeAsync(async () =>
        {
            try
            {
                // The first change after a quiet spell is shown at once; a burst of ingest batches
                // waits out the rest of RefreshDelay and then costs one reload.
                var wait = _lastRefresh + (long)RefreshDelay.TotalMilliseconds - Environment.TickCount64;
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(wait), Disposed);
                }

                Interlocked.Exchange(ref _refreshQueued, 0);
                _lastRefresh = Environment.TickCount64;
                _refreshingLive = true;
                var before = Shown;
                try
                {
                    await ReloadAsync();
                    if (_trendInRefresh is { } trend)
                    {
                        _trendInRefresh = null;
                        await trend;
                    }
                }
                finally
                {
                    _refreshingLive = false;
                }

                // The shared cache keeps a view's answer objects when a new version shows the same figures (ShownAnswers),
                // so an unchanged view costs no render, diff or message (ADR 028).
                if (before is null || !before.Equals(Shown))
                {
                    StateHasChanged();
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _view?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
