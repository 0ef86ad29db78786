using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Hosting;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Operator;

/// <summary>
/// The operator's community settings: the market (mechanism, pricing convention, k, platform fee, grid fees through
/// the hierarchy) and the tariff, both in the scenario file's format and validated by the same loader against the
/// community's current households; and the users. Operator role only. Changes apply from the next slot.
/// </summary>
internal static class SettingsApi
{
    public static void MapSettingsApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder g = app.MapGroup("/api/operator").WithTags("Operator").RequireAuthorization(PlatformSetup.OperatorPolicy);
        g.MapGet("/market", (PlatformDbContext db, CancellationToken cancel) => GetSectionAsync(db, SettingsCommands.Market, cancel)).WithSummary("The community's market settings (scenario format).");
        g.MapPut("/market", (HttpRequest request, PlatformDbContext db, CancellationToken cancel) => PutSectionAsync(request, db, SettingsCommands.Market, cancel))
            .WithSummary("Replace the market settings: mechanism, pricing, k, platformFeePerKwh, hierarchy (grid fees, losses, cell capacities).");
        g.MapGet("/tariff", (PlatformDbContext db, CancellationToken cancel) => GetSectionAsync(db, SettingsCommands.Tariff, cancel)).WithSummary("The grid tariff (scenario format).");
        g.MapPut("/tariff", (HttpRequest request, PlatformDbContext db, CancellationToken cancel) => PutSectionAsync(request, db, SettingsCommands.Tariff, cancel))
            .WithSummary("Replace the grid tariff: import and export prices, time-of-use periods.");
        g.MapGet("/users", UsersAsync).WithSummary("Users with their roles, household, community and balance (?search in e-mail or name, ?page, ?pageSize).");
        g.MapPost("/users/{id}/lock", (string id, HttpContext c, UserManager<PlatformUser> users) => LockAsync(id, true, c, users))
            .WithSummary("Lock a user out: no login until unlocked (not yourself).");
        g.MapPost("/users/{id}/unlock", (string id, HttpContext c, UserManager<PlatformUser> users) => LockAsync(id, false, c, users))
            .WithSummary("Let a user log in again (also ends a lockout after failed logins).");
    }

    private static async Task<IResult> LockAsync(string id, bool locked, HttpContext context, UserManager<PlatformUser> users) =>
        await UserCommands.SetLockedAsync(users, CurrentUser.Id(context.User), id, locked) switch
        {
            LockOutcome.NotFound => Problems.NotFound("user"),
            LockOutcome.Self => Problems.Conflict("You cannot lock yourself out.", "Ask another operator, or lock a different user."),
            _ => Results.NoContent(),
        };

    private static async Task<IResult> GetSectionAsync(PlatformDbContext db, string section, CancellationToken cancel) =>
        Results.Text((await SettingsCommands.SectionAsync(db, section, cancel)).ToJsonString(), "application/json");

    private static async Task<IResult> PutSectionAsync(HttpRequest request, PlatformDbContext db, string section, CancellationToken cancel)
    {
        (JsonElement? body, IResult? bad) = await JsonBody.ReadAsync(request, cancel);
        if (bad is not null)
        {
            return bad;
        }
        CommandResult<JsonNode> result = await SettingsCommands.ReplaceSectionAsync(db, section, body!.Value, cancel);
        return JsonBody.ProblemFor(result.Errors) ?? Results.Text(result.Value!.ToJsonString(), "application/json");
    }

    private static async Task<IResult> UsersAsync(PlatformDbContext db, TimeProvider clock, int? page, int? pageSize, string? search, CancellationToken cancel)
    {
        int p = page ?? 1, size = pageSize ?? UserQueries.DefaultPageSize;
        if (p < 1 || size is < 1 or > UserQueries.MaxPageSize)
        {
            return Problems.Validation(p < 1 ? "page" : "pageSize", p < 1 ? $"{p} is below 1" : $"{size} is outside 1 … {UserQueries.MaxPageSize}", $"page from 1, pageSize 1 … {UserQueries.MaxPageSize}");
        }
        if (search?.Trim().Length > UserQueries.MaxSearchLength)
        {
            return Problems.Validation("search", $"has {search.Trim().Length} characters, more than {UserQueries.MaxSearchLength}", "search for part of an e-mail address or name");
        }
        return Results.Ok(await UserQueries.PageAsync(db, clock.GetUtcNow(), p, size, search, cancel));
    }
}
