using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Collectors;
using Reporting.Core.Ingest;
using Reporting.Tests.Integration;
using Reporting.Web.Collectors;

namespace Reporting.Tests.Components;

/// <summary>The collectors page over the real <see cref="CollectorsAdmin"/> of the application, on a fresh SQLite file.</summary>
public sealed class CollectorsPageSqliteTests : DashboardComponentContext
{
    [Fact]
    public async Task The_page_shows_a_stored_source_with_its_last_run_and_a_quarantined_record_with_its_reason()
    {
        await using var app = new ReportingAppFactory();
        await using (var db = app.CreateDbContext())
        {
            db.CollectorSources.Add(new CollectorSource
            {
                Name = "nguon-thu", Kind = CollectorKind.PaymentFeed, BaseUrl = "http://127.0.0.1:9/x", Cron = "0 0 * * * ?",
                ApiKey = "bi-mat", State = CollectorSourceState.Misconfigured, LastError = "Hệ thống nguồn từ chối khóa truy cập.",
            });
            db.CollectorRuns.Add(new CollectorRun
            {
                Source = "nguon-thu", StartedAt = new DateTime(2026, 11, 20, 9, 30, 0), EndedAt = new DateTime(2026, 11, 20, 9, 30, 4),
                Status = CollectorRunStatus.Misconfigured, Read = 0, Error = "Hệ thống nguồn từ chối khóa truy cập.",
            });
            db.Quarantine.Add(new QuarantinedRecord
            {
                Source = "nguon-thu", Kind = RecordKinds.Payment, RecordKey = "TT-9", ReasonCodes = "unknown-dossier",
                Reasons = "Không tìm thấy hồ sơ của khoản thanh toán.", RawJson = "{\"id\":\"TT-9\"}", QuarantinedAt = new DateTime(2026, 11, 20, 9, 30, 2),
            });
            await db.SaveChangesAsync();
        }

        using var scope = app.CreateAdminScope();
        var admin = scope.ServiceProvider.GetRequiredService<ICollectorsAdmin>();
        Services.AddSingleton(admin);

        var page = Render<CollectorsPage>();

        page.WaitForAssertion(() => Assert.Contains("nguon-thu", page.Find("[data-testid=source-name]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Contains("Sai cấu hình", page.Find("[data-testid=source-state]").TextContent);
        Assert.Contains("20/11/2026 09:30", page.Find("[data-testid=source-last-run]").TextContent);
        Assert.Contains("Bị từ chối khóa", page.Find("[data-testid=source-last-run]").TextContent);
        Assert.DoesNotContain("bi-mat", page.Markup);
        page.WaitForAssertion(() => Assert.Contains("Không tìm thấy hồ sơ của khoản thanh toán.", page.Find("[data-testid=q-reasons]").TextContent), TimeSpan.FromSeconds(10));

        var filtered = await admin.QuarantineAsync(new QuarantineFilter("khac", null, QuarantineState.Pending), 0, 20);
        Assert.Equal(0, filtered.Total);
        var byReason = await admin.QuarantineAsync(new QuarantineFilter("nguon-thu", "unknown-dossier", QuarantineState.Pending), 0, 20);
        Assert.Equal(1, byReason.Total);
    }
}
