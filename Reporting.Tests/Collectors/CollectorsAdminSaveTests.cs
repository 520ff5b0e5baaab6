using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Collectors;
using Reporting.Core.Collectors;
using Reporting.Tests.Integration;
using Reporting.Web.Collectors;
using static Reporting.Web.Collectors.CollectorsApi;

namespace Reporting.Tests.Collectors;

/// <summary><see cref="ICollectorsAdmin.SaveSourceAsync"/>, which the admin API and the collectors page share.</summary>
public sealed class CollectorsAdminSaveTests
{
    [Fact]
    public async Task An_edit_keeps_the_watermark_a_new_kind_drops_it_and_a_new_address_clears_a_refused_state()
    {
        await using var app = new ReportingAppFactory { AllowLoopbackSources = true };
        using var scope = app.CreateAdminScope();
        var admin = scope.ServiceProvider.GetRequiredService<ICollectorsAdmin>();
        var runner = app.Services.GetRequiredService<CollectorRunner>();
        var input = new SourceInput("DossierFeed", "http://127.0.0.1:9/a", "k", "0 0 2 * * ?", 100);
        Assert.True((await admin.SaveSourceAsync("nguon", input, mustBeNew: true)).Created);
        await runner.SetWatermarkAsync("nguon", new DateTime(2026, 11, 20, 17, 0, 0));
        await using (var db = app.CreateDbContext())
        {
            await db.CollectorSources.ExecuteUpdateAsync(u => u.SetProperty(s => s.State, CollectorSourceState.Misconfigured));
        }

        var edited = await admin.SaveSourceAsync("nguon", input with { ApiKey = null, Cron = "0 0 3 * * ?" }, mustBeNew: false);
        Assert.True(edited.Saved);
        Assert.False(edited.Created);
        Assert.Equal(new DateTime(2026, 11, 20, 17, 0, 0), await runner.GetWatermarkAsync("nguon"));
        await using (var db = app.CreateDbContext())
        {
            var source = await db.CollectorSources.SingleAsync();
            Assert.Equal(("0 0 3 * * ?", "k", CollectorSourceState.Misconfigured), (source.Cron, app.Services.GetRequiredService<SourceKeyProtection>().Reveal(source.ApiKey), source.State));
        }

        Assert.True((await admin.SaveSourceAsync("nguon", input with { Kind = "PaymentFeed", BaseUrl = "http://127.0.0.1:9/b" }, mustBeNew: false)).Saved);
        Assert.Null(await runner.GetWatermarkAsync("nguon"));
        await using (var db = app.CreateDbContext())
        {
            var source = await db.CollectorSources.SingleAsync();
            Assert.Equal((CollectorKind.PaymentFeed, CollectorSourceState.Ok), (source.Kind, source.State));
        }

        var both = await admin.SaveSourceAsync("nguon", input with { ClearApiKey = true }, mustBeNew: false);
        Assert.Equal("ApiKey", Assert.Single(both.Errors).Field);
    }
}
