using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Reporting.Tests.Integration;

namespace Reporting.Tests.Access;

/// <summary>
/// access.md's matrix: every endpoint and page of the running app × anonymous, a leader of the province, the head
/// of a commune, an administrator and a read key limited to the commune, each cell the documented answer. The rows
/// are checked against the app's own endpoint list and its routable pages, so a new route without a row fails.
/// </summary>
[Collection(AccessAppCollection.Name)]
public sealed class PermissionMatrixTests(AccessApp app)
{
    private const string SignIn = "302>/dang-nhap";
    private const string Denied = "302>/khong-co-quyen";
    private const string Ok = "ok"; // authorised: anything but 401, 403 or a redirect to sign-in / "no access" (a bad body is 400)
    private const string Bad = "{";

    // Columns: anonymous, leader (province), commune head, administrator, read key limited to the commune.
    private static readonly (string Method, string Pattern, string Url, string? Body, string[] Expect)[] Rows = WithPagePosts(
    [
        ("GET", "/", "/", null, [SignIn, "200", "200", "200", "403"]),
        ("GET", "/don-vi", "/don-vi", null, [SignIn, "200", "200", "200", "403"]),
        ("GET", "/don-vi/{Code}", $"/don-vi/{TinyProvince.NewCommune}", null, [SignIn, "200", "200", "200", "403"]),
        ("GET", "/chi-so", "/chi-so", null, [SignIn, "200", "200", "200", "403"]),
        ("GET", "/chi-so/{Code}", "/chi-so/2.1", null, [SignIn, "200", "200", "200", "403"]),
        ("GET", "/man-hinh", "/man-hinh", null, [SignIn, "200", "200", "200", "403"]),
        ("GET", "/thu-thap", "/thu-thap", null, [SignIn, Denied, Denied, "200", "403"]),
        ("GET", "/quan-tri/nguoi-dung", "/quan-tri/nguoi-dung", null, [SignIn, Denied, Denied, "200", "403"]),
        ("GET", "/quan-tri/khoa-api", "/quan-tri/khoa-api", null, [SignIn, Denied, Denied, "200", "403"]),
        ("GET", "/quan-tri/nhat-ky", "/quan-tri/nhat-ky", null, [SignIn, Denied, Denied, "200", "403"]),
        ("GET", "/quan-tri/che-do-bao-cao", "/quan-tri/che-do-bao-cao", null, [SignIn, Denied, Denied, "200", "403"]),
        // Periodic reports: any role (the page then shows each their part); report 999999 answers "not found" on the page.
        ("GET", "/bao-cao", "/bao-cao", null, [SignIn, "200", "200", "200", "403"]),
        ("GET", "/bao-cao/{Id:int}", "/bao-cao/999999", null, [SignIn, "200", "200", "200", "403"]),
        ("GET", "/simulators/quocgia", "/simulators/quocgia", null, [SignIn, Denied, Denied, "200", "403"]),
        ("GET", "/dang-nhap", "/dang-nhap", null, ["200", "200", "200", "200", "200"]),
        ("GET", "/khong-co-quyen", "/khong-co-quyen", null, [SignIn, "200", "200", "200", "403"]),
        ("POST", "/tai-khoan/dang-nhap", "/tai-khoan/dang-nhap", "", ["302", "302", "302", "302", "302"]),
        ("POST", "/tai-khoan/dang-xuat", "/tai-khoan/dang-xuat", "", [SignIn, "302", "302", "302", "403"]),
        ("GET", "/tai-khoan/sso", "/tai-khoan/sso", null, ["302", "302", "302", "302", "302"]),
        ("GET", "/tai-khoan/sso/xong", "/tai-khoan/sso/xong", null, ["302", "302", "302", "302", "302"]),
        ("GET", "/health/live", "/health/live", null, ["200", "200", "200", "200", "200"]),
        ("GET", "/health/ready", "/health/ready", null, ["200", "200", "200", "200", "200"]),
        ("GET", "/openapi/{documentName}.json", "/openapi/v1.json", null, ["401", "200", "200", "200", "200"]),
        ("GET", "/api/v1/agencies", "/api/v1/agencies", null, ["401", "200", "200", "200", "200"]),
        ("PUT", "/api/v1/agencies", "/api/v1/agencies", Bad, ["401", "403", "403", Ok, "403"]),
        ("PUT", "/api/v1/procedures", "/api/v1/procedures", Bad, ["401", "403", "403", Ok, "403"]),
        ("GET", "/api/v1/indicators/", "/api/v1/indicators?period=2026-03", null, ["401", "200", "200", "200", "200"]),
        ("GET", "/api/v1/indicators/{code}/dossiers", "/api/v1/indicators/2.1/dossiers?period=2026-03", null, ["401", "200", "200", "200", "200"]),
        ("GET", "/api/v1/reports/{form}", "/api/v1/reports/bieu-06?period=2026-Q1", null, ["401", "200", "200", "200", "200"]),
        ("GET", "/api/v1/regimes", "/api/v1/regimes", null, ["401", "200", "200", "200", "200"]),
        ("PUT", "/api/v1/regimes", "/api/v1/regimes", Bad, ["401", "403", "403", Ok, "403"]),
        // Report instances: people of any role and `report` keys; the workflow then holds each to its role and scope.
        ("GET", "/api/v1/report-instances", "/api/v1/report-instances", null, ["401", "200", "200", "200", "403"]),
        ("POST", "/api/v1/report-instances", "/api/v1/report-instances", Bad, ["401", Ok, Ok, Ok, "403"]),
        ("GET", "/api/v1/report-instances/{id:int}", "/api/v1/report-instances/999999", null, ["401", Ok, Ok, Ok, "403"]),
        ("PUT", "/api/v1/report-instances/{id:int}/cells", "/api/v1/report-instances/999999/cells", Bad, ["401", Ok, Ok, Ok, "403"]),
        ("GET", "/api/v1/report-instances/{id:int}/versions/{number:int}", "/api/v1/report-instances/999999/versions/1", null, ["401", Ok, Ok, Ok, "403"]),
        ("POST", "/api/v1/report-instances/{id:int}/{action}", "/api/v1/report-instances/999999/submit", "{}", ["401", Ok, Ok, Ok, "403"]),
        ("GET", "/api/v1/quarantine", "/api/v1/quarantine", null, ["401", "200", "200", "200", "200"]),
        ("POST", "/api/v1/ingest/dossiers", "/api/v1/ingest/dossiers", Bad, ["401", "403", "403", Ok, "403"]),
        ("POST", "/api/v1/ingest/payments", "/api/v1/ingest/payments", Bad, ["401", "403", "403", Ok, "403"]),
        ("GET", "/api/v1/collectors", "/api/v1/collectors", null, ["401", "403", "403", "200", "403"]),
        ("PUT", "/api/v1/collectors/{name}", "/api/v1/collectors/nguon-ma-tran", Bad, ["401", "403", "403", Ok, "403"]),
        ("POST", "/api/v1/collectors/{name}/run", "/api/v1/collectors/nguon-khong-co/run", "", ["401", "403", "403", Ok, "403"]),
        ("POST", "/api/v1/collectors/{name}/pause", "/api/v1/collectors/nguon-khong-co/pause", "", ["401", "403", "403", Ok, "403"]),
        ("POST", "/api/v1/collectors/{name}/resume", "/api/v1/collectors/nguon-khong-co/resume", "", ["401", "403", "403", Ok, "403"]),
        ("GET", "/api/v1/payments/unmatched", "/api/v1/payments/unmatched", null, ["401", "403", "403", "200", "403"]),
        ("POST", "/api/v1/quarantine/reprocess", "/api/v1/quarantine/reprocess?source=nguon-khong-co", "", ["401", "403", "403", "200", "403"]),
        ("GET", "/api/v1/users/", "/api/v1/users", null, ["401", "403", "403", "200", "403"]),
        ("PUT", "/api/v1/users/{userName}", "/api/v1/users/ma-tran", Bad, ["401", "403", "403", Ok, "403"]),
        ("GET", "/api/v1/audit", "/api/v1/audit", null, ["401", "403", "403", "200", "403"]),
        ("GET", "/exports/audit.xlsx", "/exports/audit.xlsx", null, [SignIn, Denied, Denied, "200", "403"]),
        ("GET", "/exports/indicators/{code}/dossiers.xlsx", "/exports/indicators/2.1/dossiers.xlsx?period=2026-03", null, [SignIn, "200", "200", "200", "403"]),
        ("GET", "/exports/report-instances/{id:int}.xlsx", "/exports/report-instances/999999.xlsx", null, [SignIn, "404", "404", "404", "403"]),
        ("GET", "/exports/templates/dossiers.csv", "/exports/templates/dossiers.csv", null, [SignIn, "200", "200", "200", "403"]),
        // Static files are public (the sign-in page needs its styles).
        ("GET", "/{**path:file}", "/css/dashboard.css", null, ["200", "200", "200", "200", "200"]),
        ("HEAD", "/{**path:file}", "/css/dashboard.css", null, ["200", "200", "200", "200", "200"]),
    ]);

    /// <summary>
    /// Blazor maps every page for POST too (its forms): the same guard answers first, then a post without a form
    /// token is refused as bad input (never a 500).
    /// </summary>
    private static (string, string, string, string?, string[])[] WithPagePosts((string Method, string Pattern, string Url, string? Body, string[] Expect)[] rows)
    {
        var pages = typeof(Program).Assembly.GetTypes().SelectMany(t => t.GetCustomAttributes<RouteAttribute>()).Select(a => Normalise(a.Template)).ToHashSet();
        var posts = rows.Where(r => r.Method == "GET" && pages.Contains(Normalise(r.Pattern)))
            .Select(r => ("POST", r.Pattern, r.Url, (string?)"", r.Expect.Select(e => e == "200" ? Ok : e).ToArray()));
        return [.. rows, .. posts];
    }

    [Fact]
    public void Every_endpoint_and_page_of_the_app_has_a_row()
    {
        _ = app.Factory.Server;
        var endpoints = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal)))
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/_blazor", StringComparison.Ordinal) && !raw.StartsWith("_blazor", StringComparison.Ordinal)
                && !raw.StartsWith("/_framework", StringComparison.Ordinal) && !raw.StartsWith("_framework", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {Normalise(e.RoutePattern.RawText!)}"))
            .ToHashSet();
        var rows = Rows.Select(r => $"{r.Method} {Normalise(r.Pattern)}").ToHashSet();
        var pages = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(a => $"GET {Normalise(a.Template)}"));

        Assert.True(!endpoints.Except(rows).Any(), "Endpoints without a row: " + string.Join(", ", endpoints.Except(rows).Order()));
        Assert.True(!pages.Except(rows).Any(), "Pages without a row: " + string.Join(", ", pages.Except(rows).Order()));
    }

    [Fact]
    public async Task Every_cell_gives_the_documented_answer()
    {
        var clients = new[]
        {
            app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }),
            await app.Factory.SignedInClientAsync(AccessApp.Leader, AccessApp.Password),
            await app.Factory.SignedInClientAsync(AccessApp.CommuneHead, AccessApp.Password),
            await app.Factory.SignedInClientAsync(),
            Keyed(ReportingAppFactory.ScopedReadKey),
        };
        string[] actors = ["anonymous", "leader", "commune head", "admin", "scoped key"];
        var wrong = new List<string>();
        foreach (var row in Rows)
        {
            for (var i = 0; i < clients.Length; i++)
            {
                using var request = new HttpRequestMessage(new HttpMethod(row.Method), row.Url);
                if (row.Body is not null)
                {
                    request.Content = new StringContent(row.Body, Encoding.UTF8, row.Body.Length == 0 ? "application/x-www-form-urlencoded" : "application/json");
                }

                using var response = await clients[i].SendAsync(request);
                var got = Describe(response);
                if (!Matches(row.Expect[i], response))
                {
                    wrong.Add($"{row.Method} {row.Url} as {actors[i]}: expected {row.Expect[i]}, got {got}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    private HttpClient Keyed(string key)
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static bool Matches(string expected, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var path = location.StartsWith('/') ? location : response.Headers.Location?.IsAbsoluteUri == true ? response.Headers.Location.PathAndQuery : location;
        return expected switch
        {
            Ok => status is not (401 or 403) && !(status == 302 && (path.StartsWith("/dang-nhap", StringComparison.Ordinal) || path.StartsWith("/khong-co-quyen", StringComparison.Ordinal))) && status < 500,
            _ when expected.StartsWith("302>", StringComparison.Ordinal) => status == 302 && path.StartsWith(expected[4..], StringComparison.Ordinal),
            _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture) == expected,
        };
    }

    private static string Describe(HttpResponseMessage response) =>
        (int)response.StatusCode + (response.Headers.Location is { } l ? ">" + l : "");

    private static string Normalise(string pattern) => "/" + pattern.Trim('/').ToLowerInvariant();
}
