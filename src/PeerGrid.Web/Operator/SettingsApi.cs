using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Application.Scenarios;
using PeerGrid.Domain;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Persistence.Platform;
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
    /// <summary>Mechanisms the live market offers: Bill Sharing bills per month and has no per-slot settlement.</summary>
    public static readonly IReadOnlyList<string> LiveMechanisms = ["grid-only", "pay-as-clear", "pay-as-bid", "pay-as-offer", "preference-first", "sdr", "mmr", "huang"];

    public static void MapSettingsApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder g = app.MapGroup("/api/operator").WithTags("Operator").RequireAuthorization(PlatformSetup.OperatorPolicy);
        g.MapGet("/market", (PlatformDbContext db, CancellationToken cancel) => GetSectionAsync(db, "market", cancel)).WithSummary("The community's market settings (scenario format).");
        g.MapPut("/market", (HttpRequest request, PlatformDbContext db, CancellationToken cancel) => PutSectionAsync(request, db, "market", cancel))
            .WithSummary("Replace the market settings: mechanism, pricing, k, platformFeePerKwh, hierarchy (grid fees, losses, cell capacities).");
        g.MapGet("/tariff", (PlatformDbContext db, CancellationToken cancel) => GetSectionAsync(db, "tariff", cancel)).WithSummary("The grid tariff (scenario format).");
        g.MapPut("/tariff", (HttpRequest request, PlatformDbContext db, CancellationToken cancel) => PutSectionAsync(request, db, "tariff", cancel))
            .WithSummary("Replace the grid tariff: import and export prices, time-of-use periods.");
        g.MapGet("/users", UsersAsync).WithSummary("Users with their roles, household and balance (?page, ?pageSize).");
    }

    private static async Task<IResult> GetSectionAsync(PlatformDbContext db, string section, CancellationToken cancel)
    {
        CommunityRecord c = await ClockApi.CommunityAsync(db, cancel);
        JsonNode? node = JsonNode.Parse(c.SettingsJson)?[section];
        return Results.Text(node?.ToJsonString() ?? "{}", "application/json");
    }

    private static async Task<IResult> PutSectionAsync(HttpRequest request, PlatformDbContext db, string section, CancellationToken cancel)
    {
        (JsonElement? body, IResult? bad) = await JsonBody.ReadAsync(request, cancel);
        if (bad is not null)
        {
            return bad;
        }
        CommunityRecord c = await ClockApi.CommunityAsync(db, cancel);
        JsonObject settings = JsonNode.Parse(c.SettingsJson)!.AsObject();
        settings[section] = JsonNode.Parse(body!.Value.GetRawText());
        var candidate = new CommunityRecord { Id = c.Id, Name = c.Name, SettingsJson = settings.ToJsonString(), EpochDate = c.EpochDate };
        List<StoredHousehold> households = await CommunityScenario.LoadHouseholdsAsync(db, c.Id, cancel);
        ScenarioFileResult check = CommunityScenario.Build(candidate, households, c.EpochDate, 1);
        var errors = new ValidationErrors();
        string prefix = section + ".";
        foreach (ValidationError e in check.Errors)
        {
            // Report fields relative to the body; problems elsewhere (a household the new cells do not cover) keep their path.
            string path = e.Path == section ? "(body)" : e.Path.StartsWith(prefix, StringComparison.Ordinal) ? e.Path[prefix.Length..] : e.Path;
            errors.Add(path, e.Problem, e.Fix);
        }
        if (check.IsValid && section == "market" && !LiveMechanisms.Contains(check.Scenario!.Mechanism))
        {
            errors.Add("mechanism", $"'{check.Scenario.Mechanism}' settles per billing month, which the live market does not offer",
                $"use one of {string.Join(", ", LiveMechanisms)} (bill-sharing is available in the scenario lab)");
        }
        if (JsonBody.ProblemFor(errors) is { } problem)
        {
            return problem;
        }
        c.SettingsJson = settings.ToJsonString();
        await using var tx = await db.Database.BeginTransactionAsync(cancel);
        await db.SaveChangesAsync(cancel);
        await Communities.TouchAsync(db, c.Id, cancel);
        await tx.CommitAsync(cancel);
        return Results.Text(settings[section]!.ToJsonString(), "application/json");
    }

    private static async Task<IResult> UsersAsync(PlatformDbContext db, TimeProvider clock, int? page, int? pageSize, CancellationToken cancel)
    {
        int p = page ?? 1, size = pageSize ?? 50;
        if (p < 1 || size is < 1 or > 500)
        {
            return Problems.Validation(p < 1 ? "page" : "pageSize", p < 1 ? $"{p} is below 1" : $"{size} is outside 1 … 500", "page from 1, pageSize 1 … 500");
        }
        DateTimeOffset now = clock.GetUtcNow();
        int total = await db.Users.CountAsync(cancel);
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.Email).Skip((p - 1) * size).Take(size)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.LockoutEnd,
                Household = db.Households.Where(h => h.OwnerId == u.Id).Select(h => new { h.Id, h.Name }).FirstOrDefault(),
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .ToListAsync(cancel);
        var householdIds = rows.Where(r => r.Household is not null).Select(r => r.Household!.Id).ToList();
        Dictionary<long, long> balances = await db.Accounts.Where(a => a.HouseholdId != null && householdIds.Contains(a.HouseholdId.Value))
            .ToDictionaryAsync(a => a.HouseholdId!.Value, a => a.BalanceMicros, cancel);
        return Results.Ok(new
        {
            page = p,
            pageSize = size,
            total,
            users = rows.Select(r => new
            {
                r.Id,
                r.Email,
                r.DisplayName,
                roles = r.Roles,
                lockedOut = r.LockoutEnd > now,
                householdId = r.Household?.Id,
                householdName = r.Household?.Name,
                balance = r.Household is null ? (decimal?)null : MoneyField.ToUnits(balances.GetValueOrDefault(r.Household.Id)),
            }),
        });
    }
}
