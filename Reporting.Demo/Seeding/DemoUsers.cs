using Microsoft.AspNetCore.Identity;
using Reporting.Core.Access;
using Reporting.Core.Agencies;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;

namespace Reporting.Demo.Seeding;

/// <summary>Where a demo user sits in the demo tree.</summary>
public enum DemoSeat
{
    Province,
    Department,
    Commune,
}

public sealed record DemoUser(string UserName, string Password, string DisplayName, string Role, DemoSeat Seat);

/// <summary>
/// One user per role on the demo province (the province, a department, a commune; the province's own preparer and head for II.07b), with passwords that the
/// sign-in page shows in demo mode only. Created once the demo tree exists; never in a real deployment.
/// </summary>
public static class DemoUsers
{
    public static IReadOnlyList<DemoUser> All { get; } =
    [
        new("lanhdao", "lanhdao-demo-2026", "Lãnh đạo UBND tỉnh", Roles.Leader, DemoSeat.Province),
        new("tonghop", "tonghop-demo-2026", "Cán bộ tổng hợp Văn phòng UBND tỉnh", Roles.Reviewer, DemoSeat.Province),
        new("quantri", "quantri-demo-2026", "Quản trị hệ thống", Roles.Admin, DemoSeat.Province),
        // The province files its own II.07b (procedure counts): the office's preparer and its head sign it.
        new("tinh.lapbaocao", "tinhlapbc-demo-2026", "Cán bộ lập báo cáo Văn phòng UBND tỉnh", Roles.Preparer, DemoSeat.Province),
        new("tinh.thutruong", "tinhthutruong-demo-2026", "Chánh Văn phòng UBND tỉnh", Roles.Head, DemoSeat.Province),
        new("so.lapbaocao", "solapbc-demo-2026", "Cán bộ lập báo cáo của sở", Roles.Preparer, DemoSeat.Department),
        new("so.thutruong", "sothutruong-demo-2026", "Giám đốc sở", Roles.Head, DemoSeat.Department),
        new("xa.lapbaocao", "xalapbc-demo-2026", "Cán bộ lập báo cáo của xã", Roles.Preparer, DemoSeat.Commune),
        new("xa.thutruong", "xathutruong-demo-2026", "Chủ tịch UBND xã", Roles.Head, DemoSeat.Commune),
    ];

    /// <summary>The agency of each seat in the tree: the root, the first current department, the first current commune.</summary>
    public static string? AgencyOf(AgencyTree tree, DemoSeat seat, DateOnly today) => seat switch
    {
        DemoSeat.Province => tree.Root?.Code,
        DemoSeat.Department => tree.All.FirstOrDefault(a => a.Kind == AgencyKind.Department && a.IsValidOn(today))?.Code,
        _ => tree.All.FirstOrDefault(a => a.Kind == AgencyKind.Commune && a.IsValidOn(today))?.Code,
    };

    public static async Task EnsureAsync(IServiceProvider services, CancellationToken ct)
    {
        // The tree import before this expired the versions (ADR 006): the snapshot read here is the new tree.
        var tree = (await services.GetRequiredService<ReferenceData>().GetAsync(ct)).Tree;
        if (tree.Root is null)
        {
            return;
        }

        var today = VietnamTime.Today(services.GetRequiredService<TimeProvider>());
        var admin = services.GetRequiredService<UserAdmin>();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var demo in All)
        {
            if (await users.FindByNameAsync(demo.UserName) is not null)
            {
                continue;
            }

            var result = await admin.SaveAsSystemAsync(demo.UserName,
                new UserChange(demo.DisplayName, null, AgencyOf(tree, demo.Seat, today), [demo.Role], true, demo.Password), ct);
            if (!result.Ok)
            {
                throw new InvalidOperationException($"Không tạo được người dùng mẫu {demo.UserName}: {string.Join(" ", result.Errors.SelectMany(e => e.Value))}");
            }
        }
    }
}
