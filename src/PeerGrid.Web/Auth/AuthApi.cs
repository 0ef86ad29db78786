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
    public const int MaxNameLength = 100;

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
        CheckLength("displayName", displayName, errors);
        CheckLength("householdName", householdName, errors);
        if (email is not null && (email.Length > 254 || !email.Contains('@', StringComparison.Ordinal)))
        {
            errors.Add("email", "is not an e-mail address", "give an address like ada@example.org");
        }
        if (JsonBody.ProblemFor(errors) is { } problem)
        {
            return problem;
        }

        CommunityRecord? community = await db.Communities.OrderBy(c => c.Id).FirstOrDefaultAsync(cancel);
        if (community is null)
        {
            return Results.Problem(title: "No community to join.", detail: "The operator has not created a community yet.", statusCode: StatusCodes.Status409Conflict);
        }
        await using var tx = await db.Database.BeginTransactionAsync(cancel);
        var user = new PlatformUser { UserName = email, Email = email, DisplayName = displayName ?? email!.Split('@')[0] };
        IdentityResult created = await users.CreateAsync(user, password!);
        if (!created.Succeeded)
        {
            return IdentityProblem(created);
        }
        await users.AddToRoleAsync(user, Roles.Prosumer);
        HouseholdRecord household = await Households.CreateAsync(db, community.Id, user.Id, householdName ?? $"{user.DisplayName}'s household", cancel);
        await tx.CommitAsync(cancel);
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

    private static void CheckLength(string field, string? value, ValidationErrors errors)
    {
        if (value is not null && (value.Length > MaxNameLength || value.Trim().Length == 0))
        {
            errors.Add(field, value.Trim().Length == 0 ? "is blank" : $"has {value.Length} characters, more than {MaxNameLength}", $"give 1–{MaxNameLength} characters");
        }
    }

    private static IResult IdentityProblem(IdentityResult result)
    {
        var errors = new ValidationErrors();
        foreach (IdentityError e in result.Errors)
        {
            string field = e.Code.Contains("Password", StringComparison.Ordinal) ? "password"
                : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "email"
                : "(body)";
            errors.Add(field, e.Description, field == "password" ? "use at least 10 characters with a digit, a lower-case and an upper-case letter" : "use another e-mail address");
        }
        return Problems.Validation(errors);
    }
}

/// <summary>The registration body (documentation for the OpenAPI document; the body is read field by field).</summary>
internal sealed record RegisterRequest(string Email, string Password, string? DisplayName, string? HouseholdName);

/// <summary>The login body.</summary>
internal sealed record LoginRequest(string Email, string Password);
