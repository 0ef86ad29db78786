using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using PeerGrid.Application.Platform;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Platform;
using PeerGrid.Web.Auth;
using PeerGrid.Web.Clock;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Seed;

namespace PeerGrid.Web.Hosting;

/// <summary>Services and middleware of the platform host, in the order Program.cs reads them.</summary>
internal static class PlatformSetup
{
    public const string AuthRateLimit = "auth";
    public const string ProsumerPolicy = "prosumer";
    public const string OperatorPolicy = "operator";

    /// <summary>The dashboard's pages: a prosumer logged in with the browser cookie (never a bearer token).</summary>
    public const string ProsumerPagePolicy = "prosumer-page";

    /// <summary>Operator pages of the dashboard (clock, settings, users, scenario lab): the cookie login and the operator role.</summary>
    public const string OperatorPagePolicy = "operator-page";

    /// <summary>Where the dashboard sends a browser that is not logged in.</summary>
    public const string LoginPath = "/login";

    public static void AddPlatformServices(this WebApplicationBuilder builder)
    {
        IServiceCollection services = builder.Services;
        // Serve wwwroot and Blazor's script from the build output's static web assets manifest in every environment
        // (tests run as "Testing"); a published app has no such manifest and serves its wwwroot as published.
        builder.WebHost.UseStaticWebAssets();
        ConfigurationManager config = builder.Configuration;

        services.AddOptions<DatabaseOptions>().Bind(config.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PlatformOptions>().Bind(config.GetSection(PlatformOptions.Section));
        services.AddOptions<RateLimitOptions>().Bind(config.GetSection(RateLimitOptions.Section));
        var database = config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        // A relative data folder is relative to the app (src/PeerGrid.Web when run from the repository), not the shell.
        database.DataFolder = Path.Combine(builder.Environment.ContentRootPath, database.DataFolder);
        services.AddPlatformDatabase(database);
        services.AddSingleton(TimeProvider.System);

        services.AddIdentityApiEndpoints<PlatformUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddClaimsPrincipalFactory<HouseholdClaims>();
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "peergrid.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.LoginPath = LoginPath;
            o.AccessDeniedPath = "/access-denied";
            // An API answers 401/403, never a redirect to a login page; the dashboard's pages redirect.
            o.Events.OnRedirectToLogin = c => IsApi(c.Request) ? Status(c.Response, StatusCodes.Status401Unauthorized) : Redirect(c);
            o.Events.OnRedirectToAccessDenied = c => IsApi(c.Request) ? Status(c.Response, StatusCodes.Status403Forbidden) : Redirect(c);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(ProsumerPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Prosumer))
            .AddPolicy(OperatorPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Operator))
            .AddPolicy(ProsumerPagePolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser().RequireRole(Roles.Prosumer))
            .AddPolicy(OperatorPagePolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser().RequireRole(Roles.Operator));
        services.AddCascadingAuthenticationState();
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Radzen's services back its chart tooltips; PeerGrid uses Radzen for charts only.
        Radzen.ServiceCollectionExtensions.AddRadzenComponents(services);

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AuthRateLimit, context =>
            {
                int permits = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value.AuthPermitsPerMinute;
                string client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });

        services.AddProblemDetails();
        services.Configure<JsonOptions>(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);
        services.AddOpenApi();
        services.AddAntiforgery();
        services.AddScoped<DemoSeeder>();

        services.AddOptions<ClockOptions>().Bind(config.GetSection(ClockOptions.Section));
        services.AddSingleton<LiveSlotRunner>();
        services.AddSingleton<CommunityModelCache>();
        services.AddSingleton<ISettlementProbe, HangProbe>();
        services.AddSingleton(sp => new SlotSettler(sp.GetRequiredService<LiveSlotRunner>(), sp.GetRequiredService<CommunityModelCache>(), sp.GetRequiredService<ISettlementProbe>()));
        services.AddSingleton<SlotEvents>();
        services.AddSingleton<MarketClock>();
        services.AddSingleton<Lab.LabRuns>();
        services.AddHostedService(sp => sp.GetRequiredService<MarketClock>());
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using IServiceScope scope = app.Services.CreateScope();
        PlatformDbContext db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await db.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    public static void UsePlatformPipeline(this WebApplication app)
    {
        // Unhandled errors become a ProblemDetails 500 without internals; users' mistakes are answered earlier as 400s.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(SecurityHeaders.Add);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
