using System.Globalization;
using System.Text;
using System.Text.Json;
using Reporting.Core.Feeds;

namespace Reporting.Demo.Simulators;

/// <summary>
/// Simulators of the agency systems, behind exactly the feeds.md endpoints: <c>/simulators/motcua/dossiers</c>,
/// <c>/simulators/thanhtoan/payments</c>, <c>/simulators/danhmuc/procedures</c>. Not part of the reporting API.
/// </summary>
public static class SimulatorsApi
{
    public const string DossierBase = "/simulators/motcua";
    public const string PaymentBase = "/simulators/thanhtoan";
    public const string CatalogueBase = "/simulators/danhmuc";

    private static readonly JsonSerializerOptions Json = new();

    public static IEndpointRouteBuilder MapSimulators(this IEndpointRouteBuilder app)
    {
        if (!SimulatorExtensions.IsEnabled(app.ServiceProvider.GetRequiredService<IConfiguration>()))
        {
            return app;
        }

        var group = app.MapGroup("/simulators").ExcludeFromDescription().AllowAnonymous();
        group.MapGet("/motcua/dossiers", Dossiers);
        group.MapGet("/thanhtoan/payments", Payments);
        group.MapGet("/danhmuc/procedures", Procedures);
        return app;
    }

    /// <summary>Registers the simulator state (also used by tests that host the simulators alone).</summary>
    public static IServiceCollection AddSimulatorState(this IServiceCollection services)
    {
        services.AddOptions<SimulatorSettings>().BindConfiguration(SimulatorSettings.Section);
        services.AddSingleton<SimulatorState>();
        return services;
    }

    /// <summary>What every page of a feed does first: the failure switch, the cursor, the limit, the test hook.</summary>
    private static async Task<(IResult? Problem, DateTime Since, DateTime AsOf, int Offset, int Take)> BeginPageAsync(
        HttpContext http, SimulatorState state, string feed, string? updatedSince, string? cursor, int? limit, CancellationToken ct)
    {
        if (await FailAsync(http, state, ct) is { } failed)
        {
            return (failed, default, default, 0, 0);
        }

        if (!TryRead(updatedSince, cursor, state, out var since, out var asOf, out var offset))
        {
            return (Results.BadRequest(new { error = "updatedSince hoặc cursor không hợp lệ" }), default, default, 0, 0);
        }

        var take = Math.Clamp(limit ?? 500, 1, 100_000);
        if (state.Requested is { } hook)
        {
            await hook(new SimulatorRequest(feed, offset / take + 1));
        }

        return (null, since, asOf, offset, take);
    }

    internal static async Task<IResult> Dossiers(HttpContext http, SimulatorState state, string? updatedSince, string? cursor, int? limit, CancellationToken ct)
    {
        var (problem, since, asOf, offset, take) = await BeginPageAsync(http, state, "dossiers", updatedSince, cursor, limit, ct);
        if (problem is not null)
        {
            return problem;
        }

        var list = state.DossiersInFeedOrder(asOf, since);
        var items = list.Skip(offset).Take(take).Select(d => d.AsOf(asOf)!).ToList();
        var next = offset + take < list.Count ? Cursor(asOf, offset + take) : null;
        if (next is null && state.Failure == SimulatorFailure.BadRecords)
        {
            items.AddRange(state.Province.BadDossiers().Select(b => b.Item));
        }

        return Page(items, next);
    }

    internal static async Task<IResult> Payments(HttpContext http, SimulatorState state, string? updatedSince, string? cursor, int? limit, CancellationToken ct)
    {
        var (problem, since, asOf, offset, take) = await BeginPageAsync(http, state, "payments", updatedSince, cursor, limit, ct);
        if (problem is not null)
        {
            return problem;
        }

        var list = state.PaymentsInFeedOrder(asOf, since);
        var items = list.Skip(offset).Take(take).ToList();
        return Page(items, offset + take < list.Count ? Cursor(asOf, offset + take) : null);
    }

    internal static async Task<IResult> Procedures(HttpContext http, SimulatorState state, CancellationToken ct)
    {
        if (await FailAsync(http, state, ct) is { } failed)
        {
            return failed;
        }

        if (state.Requested is { } hook)
        {
            await hook(new SimulatorRequest("procedures", 1));
        }

        return Page(state.Province.Procedures, null);
    }

    // Serialised straight into the response as UTF-8: a page of 5,000 dossiers is megabytes, not worth a string first.
    private static IResult Page<T>(List<T> items, string? next) =>
        Results.Json(new FeedPage<T> { Items = items, NextCursor = next }, Json, "application/json; charset=utf-8");

    private static async Task<IResult?> FailAsync(HttpContext http, SimulatorState state, CancellationToken ct)
    {
        if (state.Failure == SimulatorFailure.Unauthorized
            || (state.ApiKey is { Length: > 0 } key && http.Request.Headers["X-Api-Key"] != key))
        {
            return Results.Text("{\"error\":\"khóa API không hợp lệ\"}", "application/json", Encoding.UTF8, StatusCodes.Status401Unauthorized);
        }

        switch (state.Failure)
        {
            case SimulatorFailure.ServerError:
                return Results.Text("{\"error\":\"lỗi hệ thống (mô phỏng)\"}", "application/json", Encoding.UTF8, StatusCodes.Status500InternalServerError);
            case SimulatorFailure.BrokenJson:
                return Results.Text("{\"items\":[{\"MaHoSo\":\"H98.01-2", "application/json", Encoding.UTF8);
            case SimulatorFailure.Slow:
                await Task.Delay(state.SlowDelay, ct);
                return null;
            default:
                return null;
        }
    }

    private static bool TryRead(string? updatedSince, string? cursor, SimulatorState state, out DateTime since, out DateTime asOf, out int offset)
    {
        since = DateTime.MinValue;
        asOf = default;
        offset = 0;
        if (!string.IsNullOrEmpty(updatedSince) && !FeedDates.TryParse(updatedSince, out since))
        {
            return false;
        }

        if (string.IsNullOrEmpty(cursor))
        {
            // Whole seconds, as the feed's dates: a page never shows half of a second's changes.
            var now = state.Now();
            asOf = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond);
            return true;
        }

        var parts = cursor.Split('.');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out offset) || ticks < 0 || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        asOf = new DateTime(ticks);
        return true;
    }

    /// <summary>Opaque to clients: the snapshot instant and the position in it.</summary>
    private static string Cursor(DateTime asOf, int offset) => string.Create(CultureInfo.InvariantCulture, $"{asOf.Ticks}.{offset}");
}
