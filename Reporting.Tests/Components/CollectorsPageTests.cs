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
            var items = Quarantine.AsQueryable().Filter(filter).ToList();
            return Task.FromResult(new QuarantinePage(items.Skip(skip).Take(take).ToList(), items.Count));
        }

        public Task<(int Tried, int Stored)> ReprocessAsync(string? source, string? reasonCode, CancellationToken ct = default)
        {
            Calls.Add($"reprocess:{source}:{reasonCode}");
            return Task.FromResult((3, 2));
        }

        public Task<SourceSaveResult> SaveSourceAsync(string name, SourceInput input, bool mustBeNew, CancellationToken ct = default)
        {
            Calls.Add($"save:{name}:{mustBeNew}:{input.ApiKey}:{input.ClearApiKey}");
            return Task.FromResult(new SourceSaveResult([], mustBeNew));
        }

        public List<UnmatchedPayment> Unmatched { get; } = [];

        public Task<UnmatchedPaymentPage> UnmatchedPaymentsAsync(int skip, int take, CancellationToken ct = default) =>
            Task.FromResult(new UnmatchedPaymentPage(Unmatched.Skip(skip).Take(take).ToList(), Unmatched.Count, 7, new DateTime(2026, 11, 16, 9, 0, 0)));
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

    [Fact]
    public void Quarantine_date_filter_passes_Vietnam_days_and_refuses_an_inverted_range()
    {
        var page = Render<CollectorsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=q-reasons]")));

        page.Find("input[data-testid=q-from]").Change("23/11/2026");
        page.WaitForAssertion(() => Assert.Equal(new DateOnly(2026, 11, 23), _admin.LastFilter!.From));
        Assert.Null(_admin.LastFilter!.To);
        Assert.Contains("HS-001", page.Find("[data-testid=quarantine-table]").TextContent);

        page.Find("input[data-testid=q-to]").Change("22/11/2026");
        page.WaitForAssertion(() => Assert.Contains("Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.", page.Markup));
        Assert.Empty(page.FindAll("[data-testid=q-reasons]"));

        page.Find("input[data-testid=q-from]").Change("22/11/2026");
        page.WaitForAssertion(() => Assert.Equal(new DateOnly(2026, 11, 22), _admin.LastFilter!.From));
        Assert.Equal(new DateOnly(2026, 11, 22), _admin.LastFilter!.To);
        Assert.DoesNotContain("Ngày kết thúc phải sau", page.Markup);
        // HS-001 was quarantined on 23/11: outside 22/11 – 22/11.
        Assert.Empty(page.FindAll("[data-testid=q-reasons]"));
    }

    [Fact]
    public void Unmatched_payments_are_listed_with_amount_in_dong_state_dates_and_age()
    {
        _admin.Unmatched.Add(new UnmatchedPayment("GD-0001", "thanh-toan", "HS-CHUA-DEN", 1_250_000m, 1, "ThanhCong",
            new DateTime(2026, 11, 2, 10, 15, 0), new DateTime(2026, 11, 3, 8, 0, 0), 20));

        var page = Render<CollectorsPage>();

        page.WaitForAssertion(() => Assert.Contains("GD-0001", page.Find("[data-testid=unmatched-transaction]").TextContent));
        Assert.Equal("HS-CHUA-DEN", page.Find("[data-testid=unmatched-dossier]").TextContent.Trim());
        Assert.Equal("1.250.000 đ", page.Find("[data-testid=unmatched-amount]").TextContent.Trim());
        Assert.Equal("20", page.Find("[data-testid=unmatched-age]").TextContent.Trim());
        var table = page.Find("[data-testid=unmatched-table]").TextContent;
        Assert.Contains("Thành công", table);
        Assert.Contains("02/11/2026 10:15", table);
        Assert.Contains("03/11/2026 08:00", table);
        Assert.Contains("quá 7 ngày", page.Find("[data-testid=unmatched-explain]").TextContent);
        Assert.Contains("1–1 / 1 khoản", page.Find("[data-testid=unmatched-total]").TextContent);
    }

    [Fact]
    public void Editing_a_source_with_a_key_shows_that_one_is_set_and_never_the_key()
    {
        var page = Render<CollectorsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=edit-source]"));

        page.Find("[data-testid=edit-source]").Click();

        page.WaitForAssertion(() => Assert.Contains("Sửa nguồn mot-cua-tinh", page.Find("[data-testid=source-form]").TextContent));
        Assert.Contains("Đã có khóa", page.Find("[data-testid=form-has-key]").TextContent);
        Assert.Equal("password", page.Find("input[data-testid=form-api-key]").GetAttribute("type"));
        Assert.True(string.IsNullOrEmpty(page.Find("input[data-testid=form-api-key]").GetAttribute("value")));
        Assert.Equal("http://localhost/feed", page.Find("input[data-testid=form-base-url]").GetAttribute("value"));

        page.Find("[data-testid=form-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("save:mot-cua-tinh:False::False", _admin.Calls));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=source-form]")));
        Assert.Contains("Đã lưu nguồn mot-cua-tinh", page.Find("[data-testid=collectors-message]").TextContent);
    }
}
