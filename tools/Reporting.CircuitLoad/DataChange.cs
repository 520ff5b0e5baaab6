using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Reporting.CircuitLoad;

/// <summary>
/// Pushes one new dossier through the ingest API (the path every source's data takes), of a procedure
/// and department taken from the server's own dossier list, received a minute ago in Vietnam time,
/// so the current period's online count moves by one.
/// </summary>
public sealed class DataChange(HttpClient server, string readKey, string ingestKey)
{
    private (string Procedure, string Agency)? _template;

    /// <summary>
    /// Reads the dossier the pushes copy and serialises one body, before any push is timed: the first change used to pay
    /// the dossier-list read and this tool's own first serialisation inside its figure (≈ 0.5–0.8 s of the 1.45 s "first
    /// change after start"; the server answered that push in 46–57 ms by its request log).
    /// </summary>
    public async Task PrepareAsync(CancellationToken ct)
    {
        var (procedure, agency) = _template ??= await TemplateAsync(ct);
        _ = JsonSerializer.SerializeToUtf8Bytes(Body(procedure, agency));
    }

    public async Task PushAsync(CancellationToken ct)
    {
        var (procedure, agency) = _template ??= await TemplateAsync(ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ingest/dossiers") { Content = JsonContent.Create(Body(procedure, agency)) };
        request.Headers.Add("X-Api-Key", ingestKey);
        using var response = await server.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode || JsonDocument.Parse(body).RootElement.GetProperty("stored").GetInt32() != 1)
        {
            throw new InvalidOperationException($"The push was not stored: {(int)response.StatusCode} {body}");
        }
    }

    private static object Body(string procedure, string agency)
    {
        var now = DateTime.UtcNow.AddHours(7).AddMinutes(-1);
        string Stamp(DateTime t) => t.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        return new
        {
            data = new[]
            {
                new Dictionary<string, object>
                {
                    ["MaHoSo"] = "LOAD-" + Guid.NewGuid().ToString("N")[..12],
                    ["MaTTHC"] = procedure,
                    ["MaDonVi"] = agency,
                    ["KenhThucHien"] = 2,
                    ["TrangThaiHoSo"] = 4,
                    ["NgayTiepNhan"] = Stamp(now),
                    ["NgayHenTra"] = Stamp(now.AddDays(14)),
                    ["NgayCapNhat"] = Stamp(now),
                    ["DongBoDVCQG"] = 1,
                },
            },
        };
    }

    /// <summary>The overview's online card as the API gives it now: numerator and denominator of the current quarter, vi-VN.</summary>
    public async Task<(string Numerator, string Denominator)> OnlineFractionAsync(CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/indicators?period={CurrentQuarter()}");
        request.Headers.Add("X-Api-Key", readKey);
        using var response = await server.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var online = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("indicators")
            .EnumerateArray().First(i => i.GetProperty("code").GetString() == "ONLINE");
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        return (online.GetProperty("numerator").GetDecimal().ToString("N0", vi), online.GetProperty("denominator").GetDecimal().ToString("N0", vi));
    }

    /// <summary>The overview's default period: the quarter of today in Vietnam.</summary>
    private static string CurrentQuarter()
    {
        var today = DateTime.UtcNow.AddHours(7);
        return $"{today.Year}-Q{(today.Month + 2) / 3}";
    }

    private async Task<(string, string)> TemplateAsync(CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/indicators/ONLINE/dossiers?period={CurrentQuarter()}&part=denominator&pageSize=50");
        request.Headers.Add("X-Api-Key", readKey);
        using var response = await server.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var items = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("items");
        foreach (var item in items.EnumerateArray())
        {
            var agency = item.GetProperty("agencyCode").GetString()!;
            // A department of the province (000.00.NN.H98): its dossiers count in the province's overview.
            if (agency.StartsWith("000.00.", StringComparison.Ordinal))
            {
                return (item.GetProperty("procedureCode").GetString()!, agency);
            }
        }

        throw new InvalidOperationException("No dossier of a department in the current period to copy the procedure from.");
    }
}
