using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Web.Dashboard;

namespace Reporting.Tests.Components;

/// <summary>The dashboards' warnings about collector sources: stale by icon and text, paused as paused, refreshed on events.</summary>
public sealed class SourceAlertsTests : DashboardComponentContext
{
    private sealed class Reader : ISourceHealthReader
    {
        public List<SourceHealth> Sources { get; } = [];
        public int Reads { get; private set; }

        public event Action? Changed;

        public TimeSpan RecheckEvery { get; set; } = TimeSpan.FromHours(1);

        public Task<IReadOnlyList<SourceHealth>> GetAsync(CancellationToken ct = default)
        {
            Reads++;
            return Task.FromResult<IReadOnlyList<SourceHealth>>(Sources.ToList());
        }

        public void Raise() => Changed?.Invoke();
    }

    private readonly Reader _reader = new();

    public SourceAlertsTests() => Services.AddSingleton<ISourceHealthReader>(_reader);

    [Fact]
    public void A_stale_source_is_flagged_with_an_icon_and_Vietnamese_text_with_its_last_success()
    {
        _reader.Sources.Add(new SourceHealth("motcua-tinh", false, true, new DateTime(2026, 11, 23, 7, 5, 0), "Hệ thống nguồn trả lỗi 500."));
        _reader.Sources.Add(new SourceHealth("thanhtoan", false, false, new DateTime(2026, 11, 23, 9, 0, 0), null));

        var cut = Render<SourceAlerts>();

        var alert = cut.Find("[data-testid=source-alert]");
        Assert.Equal("stale", alert.GetAttribute("data-state"));
        Assert.Equal("motcua-tinh", alert.GetAttribute("data-source"));
        Assert.Contains("Nguồn motcua-tinh chưa cập nhật thành công từ 23/11/2026 07:05 — số liệu có thể chưa đầy đủ.", alert.TextContent);
        Assert.Contains("Lỗi gần nhất: Hệ thống nguồn trả lỗi 500.", alert.TextContent);
        Assert.NotNull(alert.QuerySelector("svg"));
        Assert.Single(cut.FindAll("[data-testid=source-alert]"));
    }

    [Fact]
    public void A_source_that_never_succeeded_says_so()
    {
        _reader.Sources.Add(new SourceHealth("danhmuc", false, true, null, null));

        var cut = Render<SourceAlerts>();

        Assert.Contains("Nguồn danhmuc chưa cập nhật thành công lần nào — số liệu có thể chưa đầy đủ.", cut.Find("[data-testid=source-alert]").TextContent);
    }

    [Fact]
    public void A_paused_source_is_shown_as_paused_not_stale()
    {
        _reader.Sources.Add(new SourceHealth("motcua-tinh", true, false, new DateTime(2026, 11, 20, 16, 30, 0), null));

        var cut = Render<SourceAlerts>();

        var alert = cut.Find("[data-testid=source-alert]");
        Assert.Equal("paused", alert.GetAttribute("data-state"));
        Assert.Contains("Nguồn motcua-tinh đang tạm dừng thu thập; lần cập nhật thành công cuối 20/11/2026 16:30.", alert.TextContent);
        Assert.DoesNotContain("chưa cập nhật thành công", alert.TextContent);
        Assert.NotNull(alert.QuerySelector("svg"));
    }

    [Fact]
    public void The_warning_goes_when_a_run_succeeds_and_comes_when_one_fails()
    {
        _reader.Sources.Add(new SourceHealth("motcua-tinh", false, true, new DateTime(2026, 11, 23, 7, 5, 0), "lỗi"));
        var cut = Render<SourceAlerts>();
        Assert.Single(cut.FindAll("[data-testid=source-alert]"));

        _reader.Sources[0] = _reader.Sources[0] with { Stale = false, LastError = null, LastSuccessAt = new DateTime(2026, 11, 23, 9, 0, 0) };
        _reader.Raise();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=source-alert]")));

        _reader.Sources[0] = _reader.Sources[0] with { Stale = true };
        _reader.Raise();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=source-alert]")));
    }

    [Fact]
    public void The_sources_are_read_again_periodically_since_a_source_turns_stale_by_time_alone()
    {
        _reader.RecheckEvery = TimeSpan.FromMilliseconds(50);
        _reader.Sources.Add(new SourceHealth("motcua-tinh", false, false, new DateTime(2026, 11, 23, 7, 5, 0), null));
        var cut = Render<SourceAlerts>();
        Assert.Empty(cut.FindAll("[data-testid=source-alert]"));

        _reader.Sources[0] = _reader.Sources[0] with { Stale = true };

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=source-alert]")), TimeSpan.FromSeconds(5));
        Assert.True(_reader.Reads >= 2);
    }

    [Fact]
    public void The_freshness_line_carries_the_warnings()
    {
        _reader.Sources.Add(new SourceHealth("motcua-tinh", false, true, new DateTime(2026, 11, 23, 7, 5, 0), null));

        var cut = Render<FreshnessBar>(p => p.Add(c => c.Data, new Freshness(new DateTime(2026, 11, 23, 9, 0, 0), 3,
            [new SourceFreshness("motcua-tinh", new DateTime(2026, 11, 23, 7, 5, 0))])));

        Assert.Contains("23/11/2026 09:00", cut.Find("[data-testid=last-change]").TextContent);
        Assert.Equal("stale", cut.Find("[data-testid=source-alert]").GetAttribute("data-state"));
    }
}
