using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Reporting.Core.Agencies;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;
using Reporting.Web.Dashboard;

namespace Reporting.Tests.Components;

/// <summary>bUnit context with MudBlazor's services set up once, and small builders of dashboard data.</summary>
public abstract class DashboardComponentContext : BunitContext, IAsyncLifetime
{
    // MudBlazor's services are only IAsyncDisposable: xUnit must dispose the context asynchronously.
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    public static readonly DashboardQuery Q3 = new(PeriodKey.Quarter(2026, 3), WindowKind.Calendar, HistoryView.Current, null);

    protected DashboardComponentContext()
    {
        Services.AddMudServices();
        Services.AddVietnameseMudTexts();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public static IndicatorResult Result(string code, decimal? numerator, decimal? denominator, decimal? value, TargetStatus status,
        decimal? target = null, string? reason = null, decimal? score = null) =>
        new(IndicatorCatalog.Find(code)!, numerator, denominator, value, score, target, status, reason, null);

    /// <summary>A scorecard from the calculator over the given counts (empty counts: every item N/A).</summary>
    public static IndicatorAnswer Answer(string code, string name, AgencyKind kind, Action<WindowFigures>? fill = null)
    {
        var figures = new WindowFigures();
        fill?.Invoke(figures);
        var bands = new List<RatingBand> { new() { Name = "Tốt", MinScore = 0, LegalSource = "thử" } };
        var card = IndicatorCalculator.Compute(figures, [], new ScoringContext(_ => (50m, true), new Dictionary<string, ManualIndicatorValue>(), bands, 10m));
        var agency = new Agency { Id = code.GetHashCode(), Code = code, Name = name, Kind = kind };
        return new IndicatorAnswer(agency, Q3.Period, Q3.Window, Q3.DateWindow, Q3.View, DateTimeOffset.UnixEpoch, card, figures);
    }

    /// <summary>Figures where <paramref name="onTime"/> of 100 dossiers handled in the window were on time (item 2.1).</summary>
    public static Action<WindowFigures> OnTime(int onTime) => f =>
    {
        f.InWindow.Received = 100;
        f.InWindow.ReceivedOnline = onTime / 2;
        f.InWindow.Handled = 100;
        f.InWindow.HandledOnTime766 = onTime;
    };
}
