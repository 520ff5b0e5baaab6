using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Access;
using Reporting.Core.Audit;
using Reporting.Tests.Integration;
using Reporting.Web.Access;

namespace Reporting.Tests.Access;

/// <summary>access.md "Signing in": the fallback policy, local accounts, lockout, sign-out everywhere, audit of every attempt.</summary>
[Collection(AccessAppCollection.Name)]
public sealed class SignInTests(AccessApp app)
{
    private HttpClient Anonymous() => app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task Without_a_user_only_health_static_files_and_sign_in_answer()
    {
        using var client = Anonymous();

        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/dang-nhap", home.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dang-nhap")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/css/dashboard.css")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/agencies")).StatusCode);
        var export = await client.GetAsync("/exports/indicators/2.1/dossiers.xlsx?period=2026-03");
        Assert.Equal(HttpStatusCode.Redirect, export.StatusCode);
    }

    [Fact]
    public async Task A_user_signs_in_reads_the_api_with_the_cookie_and_signs_out()
    {
        using var client = await app.Factory.SignedInClientAsync(AccessApp.Leader, AccessApp.Password);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var answer = await client.GetFromJsonAsync<JsonElement>("/api/v1/indicators?period=2026-03");
        Assert.Equal(TinyProvince.Root, answer.GetProperty("agency").GetString());

        var page = await client.GetStringAsync("/dang-nhap");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var signOut = await client.PostAsync("/tai-khoan/dang-xuat", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/indicators?period=2026-03")).StatusCode);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_for_fifteen_minutes_and_every_attempt_is_audited()
    {
        const string user = "khoa.thu";
        await app.Factory.CreateUserAsync(user, AccessApp.Password, Roles.Leader, TinyProvince.Root);
        using var client = Anonymous();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await ReportingAppFactory.SignInAsync(client, user, "sai-mat-khau-" + i);
            Assert.Contains("loi=", wrong.Headers.Location!.OriginalString);
        }

        // The right password no longer opens the account.
        var locked = await ReportingAppFactory.SignInAsync(client, user, AccessApp.Password);
        Assert.Contains("loi=khoa", locked.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        await using var db = app.Factory.CreateDbContext();
        var stored = await db.Users.SingleAsync(u => u.UserName == user);
        Assert.NotNull(stored.LockoutEnd);
        Assert.InRange(stored.LockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        var failed = await db.AuditEntries.CountAsync(a => a.Action == AuditActions.SignInFailed && a.Target == user);
        Assert.Equal(6, failed);
    }

    [Fact]
    public async Task Disabling_a_user_or_resetting_the_password_signs_them_out_everywhere()
    {
        const string user = "tat.thu";
        await app.Factory.CreateUserAsync(user, AccessApp.Password, Roles.Leader, TinyProvince.Root);
        using var first = await app.Factory.SignedInClientAsync(user, AccessApp.Password);
        using var second = await app.Factory.SignedInClientAsync(user, AccessApp.Password);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/")).StatusCode);

        using var admin = app.Factory.ClientWithKey(ReportingAppFactory.AdminKey);
        (await admin.PutAsJsonAsync($"/api/v1/users/{user}", new { password = "mat-khau-moi-2026" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/v1/agencies")).StatusCode);

        using var third = await app.Factory.SignedInClientAsync(user, "mat-khau-moi-2026");
        (await admin.PutAsJsonAsync($"/api/v1/users/{user}", new { active = false })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Redirect, (await third.GetAsync("/")).StatusCode);
        using var again = Anonymous();
        var refused = await ReportingAppFactory.SignInAsync(again, user, "mat-khau-moi-2026");
        Assert.Contains("loi=vo-hieu", refused.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Passwords_shorter_than_ten_characters_are_refused()
    {
        using var admin = app.Factory.ClientWithKey(ReportingAppFactory.AdminKey);
        var response = await admin.PutAsJsonAsync("/api/v1/users/ngan.thu", new { displayName = "Ngắn", agency = TinyProvince.Root, roles = new[] { "leader" }, password = "123456789" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("10 ký tự", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_users_api_creates_lists_and_audits_and_needs_scope_admin()
    {
        using var admin = app.Factory.ClientWithKey(ReportingAppFactory.AdminKey);
        var created = await admin.PutAsJsonAsync("/api/v1/users/moi.thu",
            new { displayName = "Người mới", email = "moi@example.vn", agency = TinyProvince.Department, roles = new[] { "preparer", "head" }, password = AccessApp.Password });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users");
        var user = list.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "moi.thu");
        Assert.Equal(TinyProvince.Department, user.GetProperty("agency").GetString());
        Assert.Equal(["preparer", "head"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).OrderBy(r => r == "head").ToArray());

        var unknownAgency = await admin.PutAsJsonAsync("/api/v1/users/moi.thu", new { agency = "000.99.99.H99" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownAgency.StatusCode);

        using var reader = app.Factory.ClientWithKey(ReportingAppFactory.ReadKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/api/v1/users")).StatusCode);

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action={AuditActions.UserCreated}&actor=tests-admin");
        var line = audit.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("target").GetString() == "moi.thu");
        Assert.Equal("key", line.GetProperty("actorKind").GetString());
        Assert.DoesNotContain(AccessApp.Password, line.GetProperty("after").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/audit?from=20-11-2026")).StatusCode);
    }

    [Fact]
    public async Task A_key_created_by_an_administrator_works_until_revoked_and_only_its_hash_is_stored()
    {
        var keys = app.Factory.Services.GetRequiredService<ApiKeyAdmin>();
        var admin = CurrentUser.SystemAdmin("tests-admin");
        var (created, errors) = await keys.CreateAsync(admin, null, "xa-moi-doc", [Reporting.Core.Access.ApiScopes.Read], TinyProvince.NewCommune);
        Assert.Empty(errors);

        using var client = app.Factory.ClientWithKey(created!.Secret);
        var answer = await client.GetFromJsonAsync<JsonElement>("/api/v1/indicators?period=2026-03");
        Assert.Equal(TinyProvince.NewCommune, answer.GetProperty("agency").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/indicators?period=2026-03&agency={TinyProvince.Department}")).StatusCode);

        await using (var db = app.Factory.CreateDbContext())
        {
            var stored = await db.ApiKeys.SingleAsync(k => k.Name == "xa-moi-doc");
            Assert.NotEqual(created.Secret, stored.SecretHash);
            Assert.DoesNotContain(created.Secret, stored.SecretHash + stored.Prefix + stored.Scopes);
        }

        Assert.True(await keys.RevokeAsync(admin, null, created.Key.Id));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/indicators?period=2026-03")).StatusCode);

        var leader = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Name, "x"), new(AccessClaims.ActorKind, AccessClaims.UserKind), new(System.Security.Claims.ClaimTypes.Role, Roles.Leader)], "t"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => keys.CreateAsync(leader, null, "khong-duoc", [Reporting.Core.Access.ApiScopes.Read], null));
    }
}
