using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Persistence.Platform;
using PeerGrid.Simulation.Scenarios;
using PeerGrid.Simulation.Scenarios.Json;
using PeerGrid.Web.Hosting;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.MyHousehold;

/// <summary>
/// My household's own settings (name, base load, connection limits) and my preferences (the founding paper's
/// "My Preferences", in the scenario file's format). The cell and the distance to the community's centre are the
/// operator's to set. Changes bump the community's ConfigVersion: they take effect from the next slot.
/// </summary>
internal static class HouseholdApi
{
    /// <summary>The largest base load accepted (kWh per year): far above any home, below anything absurd.</summary>
    public const double MaxBaseLoadKwh = 50_000;

    /// <summary>The largest connection limit accepted (kW).</summary>
    public const double MaxConnectionKw = 1_000;

    private static readonly string[] OperatorFields = ["id", "communityId", "cell", "distanceKm", "ownerId"];

    public static void MapHouseholdApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder g = app.MapGroup("/api/me").WithTags("Household").RequireAuthorization(PlatformSetup.ProsumerPolicy);
        g.MapGet("/household", GetAsync).Produces<HouseholdView>().WithSummary("My household.");
        g.MapPut("/household", UpdateAsync).Accepts<HouseholdRequest>("application/json").Produces<HouseholdView>().ProducesValidationProblem()
            .WithSummary("Rename my household, set its base load and connection limits (all fields; omitted limits mean none).");
        g.MapGet("/preferences", GetPreferencesAsync).Produces<PreferencesRequest>().WithSummary("My preferences (scenario format, all fields).");
        g.MapPut("/preferences", UpdatePreferencesAsync).Accepts<PreferencesRequest>("application/json").Produces<PreferencesRequest>().ProducesValidationProblem()
            .WithSummary("Replace my preferences (scenario format; omitted fields take their defaults).");
    }

    private static async Task<IResult> GetAsync(HttpContext context, PlatformDbContext db, CancellationToken cancel)
    {
        HouseholdRecord? h = await CurrentUser.HouseholdAsync(db, context.User, cancel);
        return h is null ? Problems.NotFound("household") : Results.Ok(await ViewAsync(db, h, cancel));
    }

    private static async Task<IResult> UpdateAsync(HttpRequest request, PlatformDbContext db, CancellationToken cancel)
    {
        (JsonElement? body, IResult? bad) = await JsonBody.ReadAsync(request, cancel);
        if (bad is not null)
        {
            return bad;
        }
        var errors = new ValidationErrors();
        ObjectReader? r = ObjectReader.Open(body!.Value, "", errors, "the household");
        string? name = r?.RequiredString("name", "\"Ada's house\"");
        double? baseLoad = r?.RequiredNumber("baseLoadAnnualKwh", "2500 (kWh per year)");
        double? maxImport = r?.Number("maxImportKw", "11 (kW)");
        double? maxExport = r?.Number("maxExportKw", "7 (kW)");
        r?.Finish(n => OperatorFields.Contains(n) ? "it is set by the community operator, not by the household" : null);
        Fields.CheckName("name", name, errors);
        if (baseLoad is { } b && (b < 0 || b > MaxBaseLoadKwh))
        {
            errors.Add("baseLoadAnnualKwh", $"{b} kWh per year is outside 0 … {MaxBaseLoadKwh}", "give the yearly consumption of lights, standby and cooking in kWh (a flat uses about 1,500)");
        }
        CheckLimit("maxImportKw", maxImport, errors);
        CheckLimit("maxExportKw", maxExport, errors);
        if (JsonBody.ProblemFor(errors) is { } problem)
        {
            return problem;
        }
        HouseholdRecord? h = await CurrentUser.HouseholdAsync(db, request.HttpContext.User, cancel);
        if (h is null)
        {
            return Problems.NotFound("household");
        }
        h.Name = name!;
        h.BaseLoadAnnualKwh = baseLoad!.Value;
        h.MaxImportKw = maxImport;
        h.MaxExportKw = maxExport;
        await ConfigChanges.SaveAsync(db, h.CommunityId, cancel);
        return Results.Ok(await ViewAsync(db, h, cancel));
    }

    private static async Task<IResult> GetPreferencesAsync(HttpContext context, PlatformDbContext db, CancellationToken cancel)
    {
        HouseholdRecord? h = await CurrentUser.HouseholdAsync(db, context.User, cancel);
        return h is null ? Problems.NotFound("household") : Results.Ok(CommunityScenario.Element(h.PreferencesJson));
    }

    private static async Task<IResult> UpdatePreferencesAsync(HttpRequest request, PlatformDbContext db, CancellationToken cancel)
    {
        (JsonElement? body, IResult? bad) = await JsonBody.ReadAsync(request, cancel);
        if (bad is not null)
        {
            return bad;
        }
        var errors = new ValidationErrors();
        JsonElement? saved = await PreferencesCommands.SaveAsync(db, request.HttpContext.User, body!.Value, errors, cancel);
        if (JsonBody.ProblemFor(errors) is { } problem)
        {
            return problem;
        }
        return saved is { } json ? Results.Ok(json) : Problems.NotFound("household");
    }

    private static void CheckLimit(string field, double? kw, ValidationErrors errors)
    {
        if (kw is { } v && (v <= 0 || v > MaxConnectionKw))
        {
            errors.Add(field, $"{v} kW is outside 0 (exclusive) … {MaxConnectionKw}", $"give the connection's limit in kW (e.g. 11), or leave \"{field}\" out for no limit");
        }
    }

    private static async Task<HouseholdView> ViewAsync(PlatformDbContext db, HouseholdRecord h, CancellationToken cancel)
    {
        string community = await db.Communities.Where(c => c.Id == h.CommunityId).Select(c => c.Name).SingleAsync(cancel);
        return new HouseholdView(h.Id, h.CommunityId, community, h.Name, h.BaseLoadAnnualKwh, h.MaxImportKw, h.MaxExportKw, h.Cell, h.DistanceKm);
    }
}

/// <summary>My household. Energy in kWh per year, power in kW; null limits mean none; cell and distance are the operator's.</summary>
internal sealed record HouseholdView(long Id, long CommunityId, string CommunityName, string Name, double BaseLoadAnnualKwh, double? MaxImportKw, double? MaxExportKw, string? Cell, double DistanceKm);

/// <summary>The household body.</summary>
internal sealed record HouseholdRequest(string Name, double BaseLoadAnnualKwh, double? MaxImportKw, double? MaxExportKw);

/// <summary>Preferences in the scenario format; prices in currency units per kWh, null = no limit.</summary>
internal sealed record PreferencesRequest(string? StorageMode, double? ReserveSoc, decimal? GridChargeBelowPrice, bool? SellSurplus, decimal? MinSellPrice, decimal? MaxBuyPrice, bool? PreferP2P, string? DeferrablePolicy);
