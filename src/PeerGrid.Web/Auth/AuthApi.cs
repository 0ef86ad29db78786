using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Domain;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Simulation.Scenarios.Json;
using PeerGrid.Web.Hosting;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Auth;

/// <summary>
/// Registration, login (a cookie for the browser with ?useCookies=true, else a bearer token), logout and who-am-I.
/// Registering makes a prosumer with a new household and an empty wallet in the community.
/// </summary>
internal static class AuthApi
{
    public const int MaxNameLength = Registration.MaxNameLength;

    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder g = app.MapGroup("/api/auth").WithTags("Auth");
        g.MapPost("/register", RegisterAsync).RequireRateLimiting(PlatformSetup.AuthRateLimit).Accepts<RegisterRequest>("application/json")
            .WithSummary("Create a prosumer account with a household and an empty wallet.");
        g.MapPost("/login", LoginAsync).RequireRateLimiting(PlatformSetup.AuthRateLimit).Accepts<LoginRequest>("application/json")
            .WithSummary("Log in: a bearer token in the body, or with ?useCookies=true an auth cookie.");
        g.MapPost("/logout", LogoutAsync).RequireAuthorization().WithSummary("End the cookie session and revoke refresh tokens.");
        g.MapGet("/me", MeAsync).RequireAuthorization().WithSummary("Who is logged in.");
    }

    private static async Task<IResult> RegisterAsync(HttpRequest request, UserManager<PlatformUser> users, PlatformDbContext db, CancellationToken cancel)
    {
        (JsonElement? body, IResult? bad) = await JsonBody.ReadAsync(request, cancel);
        if (bad is not null)
        {
            return bad;
        }
        var errors = new ValidationErrors();
        ObjectReader? r = ObjectReader.Open(body!.Value, "", errors, "registration");
        string? email = r?.RequiredString("email", "\"ada@example.org\"");
        string? password = r?.RequiredString("password", "\"a-long-Passw0rd\"");
        string? displayName = r?.String("displayName", "\"Ada\"");
        string? householdName = r?.String("householdName", "\"Ada's house\"");
        r?.Finish();
        Registration.Check(email, displayName, householdName, errors);
        if (JsonBody.ProblemFor(errors) is { } problem)
        {
            return problem;
        }

        RegistrationResult result = await Registration.RegisterAsync(db, users, email!, password!, displayName, householdName, cancel);
        if (result.NoCommunity)
        {
            return Results.Problem(title: "No community to join.", detail: "The operator has not created a community yet.", statusCode: StatusCodes.Status409Conflict);
        }
        if (result.Errors is { } identityErrors)
        {
            return Problems.Validation(identityErrors);
        }
        PlatformUser user = result.User!;
        HouseholdRecord household = result.Household!;
        return Results.Created("/api/auth/me", new { user.Id, user.Email, user.DisplayName, householdId = household.Id });
    }

    private static async Task<IResult> LoginAsync(HttpRequest request, bool? useCookies, SignInManager<PlatformUser> signIn, CancellationToken cancel)
    {
        (JsonElement? body, IResult? bad) = await JsonBody.ReadAsync(request, cancel);
        if (bad is not null)
        {
            return bad;
        }
        var errors = new ValidationErrors();
        ObjectReader? r = ObjectReader.Open(body!.Value, "", errors, "login");
        string? email = r?.RequiredString("email", "\"ada@example.org\"");
        string? password = r?.RequiredString("password", "\"…\"");
        r?.Finish();
        if (JsonBody.ProblemFor(errors) is { } problem)
        {
            return problem;
        }
        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        SignInResult result = await signIn.PasswordSignInAsync(email!, password!, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Results.Problem(title: "Account locked.", detail: "Too many failed logins: try again in 15 minutes.", statusCode: StatusCodes.Status423Locked);
        }
        if (!result.Succeeded)
        {
            return Results.Problem(title: "Login failed.", detail: "The e-mail or password is wrong.", statusCode: StatusCodes.Status401Unauthorized);
        }
        // The sign-in has written the cookie or the token response.
        return Results.Empty;
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, SignInManager<PlatformUser> signIn, UserManager<PlatformUser> users)
    {
        if (await users.GetUserAsync(context.User) is { } user)
        {
            // A new security stamp makes every refresh token issued so far worthless.
            await users.UpdateSecurityStampAsync(user);
        }
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        return Results.NoContent();
    }

    private static async Task<IResult> MeAsync(HttpContext context, UserManager<PlatformUser> users, PlatformDbContext db, CancellationToken cancel)
    {
        PlatformUser? user = await users.GetUserAsync(context.User);
        if (user is null)
        {
            return Results.Unauthorized();
        }
        IList<string> roles = await users.GetRolesAsync(user);
        long? householdId = await CurrentUser.HouseholdIdAsync(db, context.User, cancel);
        return Results.Ok(new { user.Id, user.Email, user.DisplayName, roles, householdId });
    }
}

/// <summary>The registration body (documentation for the OpenAPI document; the body is read field by field).</summary>
internal sealed record RegisterRequest(string Email, string Password, string? DisplayName, string? HouseholdName);

/// <summary>The login body.</summary>
internal sealed record LoginRequest(string Email, string Password);
