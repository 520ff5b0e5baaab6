using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Tests.Integration;
using Xunit.Abstractions;

namespace Reporting.Tests.Hardening;

/// <summary>
/// "No malformed input is ever a 500" (access.md): every HTTP endpoint the application maps (read from its
/// endpoint list, so a new one is covered without touching this test) gets malformed route values, query
/// parameters and bodies, with a key that holds every scope; no answer may be a 5xx.
/// </summary>
public sealed class MalformedInputTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ReportingAppFactory _factory = new();

    public async Task InitializeAsync()
    {
        _ = _factory.Server;
        await TinyProvince.SeedAsync(_factory);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static readonly string Long = new('9', 5000);

    private static readonly string[] RouteValues = ["x", Uri.EscapeDataString(Long), "..%2F..%2Fetc", "%E2%80%AE%27%3B--"];

    private static readonly string[] QueryValues =
    [
        "", "-1", "0", "2147483648", "99999999999999999999", "9999-12-31", "0001-01-01", "2026-13", "9999", "abc",
        "%00", Uri.EscapeDataString(Long), "%5B%5D", "1e400",
    ];

    private static readonly string[] QueryNames =
        ["page", "pageSize", "from", "to", "period", "agency", "window", "structure", "part", "format", "source", "reason", "state", "code", "limit", "cursor", "updatedSince"];

    private static readonly string?[] Bodies =
    [
        null, "", "{", "null", "[]", "\"x\"", "1e400", "{\"data\":5}", "{\"data\":[1,\"x\",null,{},[]]}", "{\"items\":[null,{},5]}",
        new string('[', 10_000), "{\"items\":[{\"code\":\"" + Long + "\",\"validFrom\":\"9999-12-31\",\"validTo\":\"0001-01-01\"}]}",
        "{\"kind\":\"DossierFeed\",\"baseUrl\":\"http://[::1\",\"cron\":\"" + Long + "\",\"pageSize\":2147483648}",
        "{\"data\":[{\"MaHoSo\":\"" + Long + "\",\"NgayCapNhat\":\"99991231235959\",\"TrangThaiHoSo\":99999999999}]}",
    ];

    [Fact]
    public async Task No_malformed_input_to_any_endpoint_answers_5xx()
    {
        var endpoints = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: e.RoutePattern, Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Methods.Count > 0 && e.Pattern.RawText is { } raw && IsHttpApi(raw))
            .ToList();
        Assert.Contains(endpoints, e => e.Pattern.RawText!.Contains("/api/v1/ingest/dossiers"));
        Assert.Contains(endpoints, e => e.Pattern.RawText!.Contains("/api/v1/quarantine"));

        using var client = _factory.ClientWithKey(ReportingAppFactory.AdminKey);
        var failures = new List<string>();
        var seen = new HashSet<string>();
        var count = 0;
        foreach (var (pattern, methods) in endpoints)
        {
            foreach (var method in methods.Where(m => m is "GET" or "POST" or "PUT" or "DELETE"))
            {
                var routeValues = pattern.Parameters.Count == 0 ? [""] : RouteValues;
                foreach (var value in routeValues)
                {
                    var path = Path(pattern, value);
                    foreach (var q in QueryValues)
                    {
                        var url = path + "?" + string.Join("&", QueryNames.Select(n => $"{n}={q}"));
                        await SendAsync(method, url, null);
                    }
                }

                if (method is "POST" or "PUT")
                {
                    foreach (var body in Bodies)
                    {
                        await SendAsync(method, Path(pattern, routeValues[0]), body);
                    }
                }
            }
        }

        output.WriteLine($"{count} requests to {endpoints.Count} endpoints");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));

        async Task SendAsync(string method, string url, string? body)
        {
            count++;
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request);
            if ((int)response.StatusCode >= 500 && seen.Add($"{method} {url.Split('?')[0]} {Shorten(body ?? "")}"))
            {
                var text = await response.Content.ReadAsStringAsync();
                failures.Add($"{method} {Shorten(url)} body {Shorten(body ?? "(none)")} → {(int)response.StatusCode} {Shorten(text)}");
            }
        }
    }

    private static bool IsHttpApi(string raw) =>
        raw.StartsWith("/api/", StringComparison.Ordinal) || raw.StartsWith("/exports/", StringComparison.Ordinal)
        || raw.StartsWith("/health", StringComparison.Ordinal) || raw.StartsWith("/simulators/", StringComparison.Ordinal)
        || raw.StartsWith("/openapi", StringComparison.Ordinal) || raw.StartsWith("/ingest", StringComparison.Ordinal);

    private static string Path(RoutePattern pattern, string value)
    {
        var segments = pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart l => l.Content,
            RoutePatternSeparatorPart sep => sep.Content,
            RoutePatternParameterPart => value,
            _ => "",
        })));
        return "/" + string.Join("/", segments);
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
