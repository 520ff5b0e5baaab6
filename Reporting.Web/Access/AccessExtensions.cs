using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Reporting.Core.Access;
using Reporting.Core.Persistence;
using Reporting.Web.Api;

namespace Reporting.Web.Access;

public static class AccessExtensions
{
    /// <summary>One scheme for every request: the API key when the header is there, else the user's cookie.</summary>
    public const string SmartScheme = "Reporting";

    /// <summary>Pages and exports: a signed-in person (not a key).</summary>
    public const string UserPolicy = "user";

    /// <summary>Any signed-in user or valid API key (the OpenAPI document).</summary>
    public const string AnyCallerPolicy = "any-caller";

    /// <summary>
    /// Accounts (ASP.NET Core Identity on the reporting database), the cookie, API keys, optional OpenID Connect,
    /// the fallback policy (nothing is reachable anonymously unless marked so) and the API scopes.
    /// </summary>
    public static IHostApplicationBuilder AddReportingAccess(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();

        // Identity's stores want the context itself, per request; services elsewhere keep using the factory.
        services.AddScoped<ReportingDbContext>(sp => sp.GetRequiredService<IDbContextFactory<ReportingDbContext>>().CreateDbContext());
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = AccessRules.MinPasswordLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = AccessRules.MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = AccessRules.LockoutTime;
                o.Lockout.AllowedForNewUsers = true;
                // The "confirmed account" check is where the active flag is read (ActiveUserConfirmation).
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddEntityFrameworkStores<ReportingDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<ReportingClaimsFactory>()
            .AddErrorDescriber<VietnameseIdentityErrors>();
        services.AddScoped<IUserConfirmation<AppUser>, ActiveUserConfirmation>();

        // Disabling a user or resetting a password changes the security stamp: every cookie of theirs stops at its next request.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "reporting.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = AccessRules.SignInPath;
            o.AccessDeniedPath = AccessRules.AccessDeniedPath;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => AccessRules.IsApi(ctx.Request.Path)
                ? Problem(ctx.HttpContext, StatusCodes.Status401Unauthorized, "unauthorized", "Chưa xác thực",
                    $"Cần khóa API hợp lệ trong tiêu đề {ApiKeyAuthenticationHandler.HeaderName}, hoặc đăng nhập.")
                : Redirect(ctx);
            o.Events.OnRedirectToAccessDenied = ctx => AccessRules.IsApi(ctx.Request.Path)
                ? Problem(ctx.HttpContext, StatusCodes.Status403Forbidden, "forbidden", "Không có quyền", "Tài khoản không có quyền cho thao tác này.")
                : Redirect(ctx);
        });

        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Khóa API hoặc đăng nhập", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        if (auth.Oidc.Enabled)
        {
            authentication.AddOpenIdConnect(SsoSignIn.Scheme, auth.Oidc.DisplayName, o =>
            {
                o.Authority = auth.Oidc.Authority;
                o.ClientId = auth.Oidc.ClientId;
                o.ClientSecret = auth.Oidc.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SaveTokens = false;
                o.Scope.Add("email");
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.CallbackPath = "/signin-oidc";
                o.MapInboundClaims = false;
            });
        }

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAssertion(ctx => Actors.IsUser(ctx.User)).Build())
            .AddPolicy(UserPolicy, p => p.RequireAssertion(ctx => Actors.IsUser(ctx.User)))
            .AddPolicy(AnyCallerPolicy, p => p.RequireAuthenticatedUser())
            .AddPolicy(ApiScopes.Read, p => p.RequireAssertion(ctx =>
                Actors.HasScope(ctx.User, ApiScopes.Read, ApiScopes.Admin) || (Actors.IsUser(ctx.User) && Roles.All.Any(ctx.User.IsInRole))))
            .AddPolicy(ApiScopes.Ingest, p => p.RequireAssertion(ctx => Actors.HasScope(ctx.User, ApiScopes.Ingest) || Actors.IsAdminUser(ctx.User)))
            .AddPolicy(ApiScopes.Report, p => p.RequireAssertion(ctx =>
                Actors.HasScope(ctx.User, ApiScopes.Report, ApiScopes.Admin) || (Actors.IsUser(ctx.User) && Roles.All.Any(ctx.User.IsInRole))))
            .AddPolicy(ApiScopes.Admin, p => p.RequireAssertion(ctx => Actors.HasScope(ctx.User, ApiScopes.Admin) || Actors.IsAdminUser(ctx.User)));

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingUserStateProvider>();
        services.AddSingleton<CallerScope>();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddSingleton<UserAdmin>();
        services.AddSingleton<ApiKeyAdmin>();
        services.AddSingleton<AuditReader>();
        return builder;
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> ctx)
    {
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static Task Problem(HttpContext http, int status, string type, string title, string detail)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(Problems.Create(status, type, title, detail), options: null, contentType: "application/problem+json");
    }
}
