using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Ingest;
using Reporting.Web.Collectors;
using static Reporting.Web.Collectors.CollectorsApi;

namespace Reporting.Tests.Components;

public sealed class CollectorsPageTests : DashboardComponentContext
{
    private sealed class FakeAdmin : ICollectorsAdmin
    {
        public List<SourceDto> Sources { get; } = [];
        public List<QuarantinedRecord> Quarantine { get; } = [];
        public List<string> Calls { get; } = [];
        public QuarantineFilter? LastFilter { get; private set; }

        public Task<IReadOnlyList<SourceDto>> ListSourcesAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<SourceDto>>(Sources.ToList());

        public Task<bool> SourceExistsAsync(string name, CancellationToken ct = default) => Task.FromResult(Sources.Any(s => s.Name == name));

        public Task RunNowAsync(string name, CancellationToken ct = default) { Calls.Add("run:" + name); return Task.CompletedTask; }

        public Task PauseAsync(string name, CancellationToken ct = default)
        {
            Calls.Add("pause:" + name);
            var i = Sources.FindIndex(s => s.Name == name);
            Sources[i] = Sources[i] with { Paused = true };
            return Task.CompletedTask;
        }

        public Task ResumeAsync(string name, CancellationToken ct = default) { Calls.Add("resume:" + name); return Task.CompletedTask; }

        public Task<QuarantinePage> QuarantineAsync(QuarantineFilter filter, int skip, int take, CancellationToken ct = default)
        {
            LastFilter = filter;
            var items = Quarantine.Where(q => (filter.Source is null || q.Source == filter.Source) && (filter.State is null || q.State == filter.State)).ToList();
            return Task.FromResult(new QuarantinePage(items.Skip(skip).Take(take).ToList(), items.Count));
        }

        public Task<(int Tried, int Stored)> ReprocessAsync(string? source, string? reasonCode, CancellationToken ct = default)
        {
            Calls.Add($"reprocess:{source}:{reasonCode}");
            return Task.FromResult((3, 2));
        }
    }

    private readonly FakeAdmin _admin = new();

    public CollectorsPageTests()
    {
        Services.AddSingleton<ICollectorsAdmin>(_admin);
        var run = new RunDto(7, new DateTime(2026, 11, 23, 8, 0, 0), new DateTime(2026, 11, 23, 8, 0, 12), "Succeeded", 2, 1234, 1200, 30, 1, 3, null);
        _admin.Sources.Add(new SourceDto("mot-cua-tinh", "DossierFeed", "http://localhost/feed", true, "0 */5 * * * ?", 500, false, "Failing",
            "Hệ thống nguồn trả lỗi 500.", null, true, new DateTime(2026, 11, 23, 7, 45, 0), null, [run]));
        _admin.Quarantine.Add(new QuarantinedRecord
        {
            Id = 1, Source = "mot-cua-tinh", Kind = RecordKinds.Dossier, RecordKey = "HS-001", ReasonCodes = "unknown-agency",
            Reasons = "Không có đơn vị mã 'X99' trong danh mục.", RawJson = "{\"code\":\"HS-001\"}", QuarantinedAt = new DateTime(2026, 11, 23, 8, 0, 5),
        });
        _admin.Quarantine.Add(new QuarantinedRecord
        {
            Id = 2, Source = "mot-cua-tinh", Kind = RecordKinds.Dossier, RecordKey = "HS-002", ReasonCodes = "missing",
            Reasons = "Thiếu trường bắt buộc.", RawJson = "{}", QuarantinedAt = new DateTime(2026, 11, 22, 8, 0, 5), State = QuarantineState.Reprocessed,
        });
    }

    [Fact]
    public void Sources_table_shows_state_stale_flag_last_run_and_error()
    {
        var page = Render<CollectorsPage>();

        page.WaitForAssertion(() => Assert.Contains("mot-cua-tinh", page.Find("[data-testid=source-name]").TextContent));
        Assert.Contains("Đang lỗi", page.Find("[data-testid=source-state]").TextContent);
        Assert.NotNull(page.Find("[data-testid=source-stale]"));
        var last = page.Find("[data-testid=source-last-run]").TextContent;
        Assert.Contains("23/11/2026 08:00", last);
        Assert.Contains("12 giây", last);
        Assert.Contains("Thành công", last);
        Assert.Contains("đọc 1.234", last);
        Assert.Contains("cách ly 3", last);
        Assert.Contains("Hệ thống nguồn trả lỗi 500.", page.Find("[data-testid=source-error]").TextContent);
        Assert.Contains("Hồ sơ", page.Markup);
        Assert.Contains("23/11/2026 07:45", page.Markup);
    }

    [Fact]
    public void Expanding_a_source_lists_its_runs()
    {
        var page = Render<CollectorsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=toggle-runs]"));
        Assert.Empty(page.FindAll("[data-testid=runs-table]"));

        page.Find("[data-testid=toggle-runs] button, button[data-testid=toggle-runs]").Click();

        page.WaitForAssertion(() => Assert.Contains("1.200", page.Find("[data-testid=runs-table]").TextContent));
    }

    [Fact]
    public void Run_now_and_pause_call_the_service_and_refresh()
    {
        var page = Render<CollectorsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=run-now]"));

        page.Find("[data-testid=run-now]").Click();
        page.WaitForAssertion(() => Assert.Contains("run:mot-cua-tinh", _admin.Calls));

        page.Find("[data-testid=pause]").Click();
        page.WaitForAssertion(() => Assert.Contains("pause:mot-cua-tinh", _admin.Calls));
        page.WaitForAssertion(() => Assert.Contains("Tạm dừng", page.Find("[data-testid=source-state]").TextContent));
        Assert.NotNull(page.Find("[data-testid=resume]"));
    }

    [Fact]
    public void Quarantine_shows_pending_records_with_reasons_and_raw_json()
    {
        var page = Render<CollectorsPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=q-reasons]")));
        Assert.Contains("Không có đơn vị mã 'X99' trong danh mục.", page.Find("[data-testid=q-reasons]").TextContent);
        Assert.Equal(QuarantineState.Pending, _admin.LastFilter!.State);
        Assert.DoesNotContain("Thiếu trường bắt buộc.", page.Markup);

        page.Find("[data-testid=toggle-raw]").Click();
        page.WaitForAssertion(() => Assert.Contains("HS-001", page.Find("[data-testid=q-raw]").TextContent));
    }

    [Fact]
    public void Reprocess_calls_the_reprocessor_and_reports_the_counts()
    {
        var page = Render<CollectorsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=reprocess]"));

        page.Find("[data-testid=reprocess]").Click();

        page.WaitForAssertion(() => Assert.Contains("lưu thành công 2", page.Find("[data-testid=collectors-message]").TextContent));
        Assert.Contains("reprocess::", _admin.Calls);
    }
}
