using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Reporting.Collectors;
using Reporting.Core.Collectors;
using Reporting.Demo.Province;
using Reporting.Tests.Collectors;

namespace Reporting.Tests.Hardening;

/// <summary>
/// What a collector run does on the wire: the address checked on every connection (redirects too), the key sent
/// only to the source's own server, the answer capped, and a last error that does not tell whether a port answered.
/// </summary>
public sealed class CollectorOutboundTests
{
    private static DemoProvince Province => CollectorProvince.Province;

    /// <summary>A throwaway HTTP server on 127.0.0.1 answering every path with <paramref name="handler"/>; requests are recorded.</summary>
    private sealed class TinyServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private TinyServer(WebApplication app) => _app = app;

        public ConcurrentQueue<(string Path, string? Key)> Requests { get; } = new();

        public string BaseUrl => _app.Urls.First().TrimEnd('/');

        public static async Task<TinyServer> StartAsync(Func<HttpContext, Task> handler)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var server = new TinyServer(app);
            app.Run(async context =>
            {
                server.Requests.Enqueue((context.Request.Path + context.Request.QueryString, context.Request.Headers["X-Api-Key"].FirstOrDefault()));
                await handler(context);
            });
            await app.StartAsync();
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private static Task Empty(HttpContext c) => c.Response.WriteAsJsonAsync(new { items = Array.Empty<object>(), nextCursor = (string?)null });

    private static async Task<string?> LastErrorAsync(CollectorDatabase db)
    {
        await using var context = db.CreateDbContext();
        return (await context.CollectorSources.SingleAsync(s => s.Name == CollectorDatabase.Dossiers)).LastError;
    }

    [Fact]
    public async Task A_source_on_an_address_that_is_not_allowed_is_never_connected()
    {
        await using var server = await TinyServer.StartAsync(Empty);
        await using var db = await CollectorDatabase.CreateAsync(Province, server.BaseUrl,
            settings: new Dictionary<string, string?> { ["Collectors:AllowedNetworks:0"] = "10.0.0.0/8" });

        var run = await db.Runner.RunAsync(CollectorDatabase.Dossiers);

        Assert.Equal(CollectorRunStatus.Misconfigured, run.Status);
        Assert.Contains("không được phép", run.Error);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_redirect_to_the_cloud_metadata_address_is_refused()
    {
        await using var server = await TinyServer.StartAsync(c =>
        {
            c.Response.Redirect("http://169.254.169.254/latest/meta-data/iam/security-credentials/");
            return Task.CompletedTask;
        });
        await using var db = await CollectorDatabase.CreateAsync(Province, server.BaseUrl);

        var run = await db.Runner.RunAsync(CollectorDatabase.Dossiers);

        Assert.Equal(CollectorRunStatus.Misconfigured, run.Status);
        Assert.Contains("169.254.169.254", run.Error);
    }

    [Fact]
    public async Task A_redirect_to_another_server_is_followed_without_the_key()
    {
        await using var other = await TinyServer.StartAsync(Empty);
        await using var source = await TinyServer.StartAsync(c =>
        {
            c.Response.Redirect(other.BaseUrl + c.Request.Path + c.Request.QueryString);
            return Task.CompletedTask;
        });
        await using var db = await CollectorDatabase.CreateAsync(Province, source.BaseUrl);

        var run = await db.Runner.RunAsync(CollectorDatabase.Dossiers);

        Assert.Equal(CollectorRunStatus.Succeeded, run.Status);
        Assert.Equal("k", Assert.Single(source.Requests).Key);
        Assert.Null(Assert.Single(other.Requests).Key);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_answer_over_Collectors_MaxResponseMegabytes_fails_the_run(bool announced)
    {
        var big = "{\"items\":[\"" + new string('x', 2 * 1024 * 1024) + "\"],\"nextCursor\":null}";
        await using var server = await TinyServer.StartAsync(async c =>
        {
            c.Response.ContentType = "application/json";
            if (announced)
            {
                c.Response.ContentLength = big.Length;
            }

            await c.Response.WriteAsync(big);
        });
        await using var db = await CollectorDatabase.CreateAsync(Province, server.BaseUrl,
            settings: new Dictionary<string, string?> { ["Collectors:MaxResponseMegabytes"] = "1" });

        var run = await db.Runner.RunAsync(CollectorDatabase.Dossiers);

        Assert.Equal(CollectorRunStatus.Failed, run.Status);
        Assert.Contains("Collectors:MaxResponseMegabytes", run.Error);
        Assert.Null(await db.Runner.GetWatermarkAsync(CollectorDatabase.Dossiers));
    }

    [Fact]
    public async Task The_last_error_is_the_same_whether_the_port_is_closed_or_answers()
    {
        await using var notFound = await TinyServer.StartAsync(c =>
        {
            c.Response.StatusCode = 404;
            return Task.CompletedTask;
        });
        await using var failing = await TinyServer.StartAsync(c =>
        {
            c.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        var closed = "http://127.0.0.1:9"; // discard port: nothing listens there

        var errors = new List<string?>();
        foreach (var url in new[] { closed, notFound.BaseUrl, failing.BaseUrl })
        {
            await using var db = await CollectorDatabase.CreateAsync(Province, url);
            var run = await db.Runner.RunAsync(CollectorDatabase.Dossiers);
            Assert.Equal(CollectorRunStatus.Failed, run.Status);
            errors.Add(await LastErrorAsync(db));
            Assert.Equal(run.Error, errors[^1]);
        }

        Assert.Single(errors.Distinct());
        Assert.DoesNotContain("127.0.0.1", errors[0]);
        Assert.Equal(FeedClientBase.Unreachable, errors[0]);
    }
}
