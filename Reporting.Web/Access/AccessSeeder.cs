using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Reporting.Core.Access;
using Reporting.Core.Persistence;

namespace Reporting.Web.Access;

/// <summary>At start-up: the five roles, and the first administrator from configuration when no user exists.</summary>
public static class AccessSeeder
{
    public static async Task InitializeAccessAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var bootstrap = services.GetRequiredService<IOptions<AuthOptions>>().Value.BootstrapAdmin;
        if (string.IsNullOrWhiteSpace(bootstrap.UserName) || string.IsNullOrEmpty(bootstrap.Password))
        {
            return;
        }

        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        if (await db.Users.AnyAsync(ct))
        {
            return;
        }

        var agency = bootstrap.Agency;
        if (string.IsNullOrWhiteSpace(agency))
        {
            agency = (await services.GetRequiredService<ReferenceData>().GetAsync(ct)).Tree.Root?.Code;
        }

        var result = await services.GetRequiredService<UserAdmin>().SaveAsSystemAsync(bootstrap.UserName,
            new UserChange("Quản trị hệ thống", null, agency, [Roles.Admin], true, bootstrap.Password), ct);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Reporting.Access");
        if (result.Ok)
        {
            logger.LogInformation("Bootstrap administrator {UserName} created", bootstrap.UserName);
        }
        else
        {
            throw new InvalidOperationException("Không tạo được quản trị viên đầu tiên (Auth:BootstrapAdmin): "
                + string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        }
    }
}
