using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Reporting.Core.Access;
using Reporting.Core.Agencies;
using Reporting.Core.Persistence;
using Reporting.Demo.Seeding;
using Reporting.Web.Access;

namespace Reporting.Tests.Browser;

/// <summary>access.md in Chromium: the sign-in page, lock-out, sign-out, what each seat sees, an administrator adding a user.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessBrowserTests(BrowserAppFixture app)
{
    private async Task<AgencyTree> TreeAsync() => (await app.Factory.Services.GetRequiredService<ReferenceData>().GetAsync()).Tree;

    private static DemoUser Demo(string name) => DemoUsers.All.Single(u => u.UserName == name);

    [Fact]
    public async Task The_sign_in_page_lists_the_demo_users_and_a_wrong_password_is_explained()
    {
        var page = await app.NewPageAsync(user: null);
        await page.GotoAsync(app.BaseUrl + "/");
        await page.WaitForURLAsync(u => u.Contains("/dang-nhap", StringComparison.Ordinal));
        var demo = page.Locator("[data-testid=demo-users]");
        foreach (var user in DemoUsers.All)
        {
            await Assertions.Expect(demo).ToContainTextAsync(user.UserName);
        }

        await app.SignInAsync(page, "lanhdao", "mat-khau-sai-123");
        await Assertions.Expect(page.Locator("[data-testid=signin-error]")).ToContainTextAsync("Tên đăng nhập hoặc mật khẩu không đúng");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_right_one_no_longer_opens_it()
    {
        const string user = "khoa.trinh-duyet";
        await CreateUserAsync(user, "mat-khau-dung-2026", Roles.Leader, (await TreeAsync()).Root!.Code);
        var page = await app.NewPageAsync(user: null);
        for (var i = 0; i < 5; i++)
        {
            await app.SignInAsync(page, user, "sai-" + i + "-mat-khau");
        }

        await app.SignInAsync(page, user, "mat-khau-dung-2026");
        await Assertions.Expect(page.Locator("[data-testid=signin-error]")).ToContainTextAsync("tạm khóa 15 phút");
        Assert.Contains("/dang-nhap", page.Url);
    }

    [Fact]
    public async Task A_leader_sees_the_province_and_signs_out()
    {
        var page = await app.NewPageAsync(user: "lanhdao");
        await page.GotoAsync(app.BaseUrl + "/?period=2026-Q3");
        await Assertions.Expect(page.Locator("[data-testid=agency-name]")).ToHaveTextAsync((await TreeAsync()).Root!.Name);
        Assert.Contains("Xếp hạng sở, ban, ngành", await page.ContentAsync());
        Assert.Equal(0, await page.Locator("a[href='/thu-thap']").CountAsync());

        await page.Locator("[data-testid=sign-out]").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/dang-nhap", StringComparison.Ordinal));
        await page.GotoAsync(app.BaseUrl + "/?period=2026-Q3");
        await page.WaitForURLAsync(u => u.Contains("/dang-nhap", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_commune_head_sees_only_the_commune()
    {
        var tree = await TreeAsync();
        var today = new DateOnly(2026, 11, 20);
        var commune = tree.FindByCode(DemoUsers.AgencyOf(tree, DemoSeat.Commune, today)!, today)!;
        var department = tree.FindByCode(DemoUsers.AgencyOf(tree, DemoSeat.Department, today)!, today)!;
        var page = await app.NewPageAsync(user: "xa.thutruong");

        await page.GotoAsync(app.BaseUrl + "/?period=2026-Q3");
        await Assertions.Expect(page.Locator("[data-testid=agency-name]")).ToHaveTextAsync(commune.Name);

        await page.GotoAsync(app.BaseUrl + $"/don-vi/{department.Code}?period=2026-Q3");
        await Assertions.Expect(page.Locator("[data-testid=error]")).ToContainTextAsync("Không có quyền");
        Assert.DoesNotContain(department.Name, await page.Locator("h1").AllInnerTextsAsync());

        await page.GotoAsync(app.BaseUrl + "/don-vi");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Đơn vị");
        await page.Locator($"a[href='/don-vi/{commune.Code}']").WaitForAsync();
        Assert.Equal(0, await page.Locator($"a[href='/don-vi/{department.Code}']").CountAsync());

        var export = await page.APIRequest.GetAsync(app.BaseUrl + $"/exports/indicators/2.1/dossiers.xlsx?period=2026-Q3&agency={department.Code}");
        Assert.Equal(403, export.Status);

        await page.GotoAsync(app.BaseUrl + "/thu-thap");
        await page.WaitForURLAsync(u => u.Contains("/khong-co-quyen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_administrator_adds_a_user_who_then_signs_in()
    {
        var tree = await TreeAsync();
        var today = new DateOnly(2026, 11, 20);
        var department = DemoUsers.AgencyOf(tree, DemoSeat.Department, today)!;
        var page = await app.NewPageAsync(user: "quantri");
        await page.GotoAsync(app.BaseUrl + "/quan-tri/nguoi-dung");
        await page.Locator("[data-testid=users-table]").WaitForAsync();
        await page.Locator("input[data-testid=user-name]").FillAsync("nguoi.moi");
        await page.Locator("input[data-testid=user-display]").FillAsync("Người mới của sở");
        await page.Locator("input[data-testid=user-agency]").FillAsync(department);
        await page.Locator("[data-testid=role-leader] label").ClickAsync();
        await page.Locator("input[data-testid=user-password]").FillAsync("mat-khau-nguoi-moi");
        await page.Locator("[data-testid=user-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=users-message]")).ToContainTextAsync("Đã tạo người dùng nguoi.moi");
        await Assertions.Expect(page.Locator("[data-testid=users-table]")).ToContainTextAsync("Người mới của sở");

        var theirs = await app.NewPageAsync(user: null);
        await app.SignInAsync(theirs, "nguoi.moi", "mat-khau-nguoi-moi");
        await theirs.WaitForURLAsync(u => !u.Contains("/dang-nhap", StringComparison.Ordinal));
        await Assertions.Expect(theirs.Locator("[data-testid=signed-in-user]")).ToHaveTextAsync("Người mới của sở");
        await Assertions.Expect(theirs.Locator("[data-testid=agency-name]")).ToHaveTextAsync(tree.FindByCode(department, today)!.Name);

        await using var db = app.Factory.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == Reporting.Core.Audit.AuditActions.UserCreated && a.Target == "nguoi.moi" && a.Actor == "quantri"));
    }

    private async Task CreateUserAsync(string userName, string password, string role, string agency)
    {
        var result = await app.Factory.Services.GetRequiredService<UserAdmin>().SaveAsSystemAsync(userName,
            new UserChange(userName, null, agency, [role], true, password));
        Assert.True(result.Ok, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
    }
}
