using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Domain;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Persistence.Platform;
using PeerGrid.Simulation.Scenarios.Json;
using PeerGrid.Web.Clock;
using PeerGrid.Web.Hosting;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Operator;

/// <summary>The operator's clock: state, start, pause, single step, speed. Operator role only.</summary>
internal static class ClockApi
{
    public static void MapClockApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder g = app.MapGroup("/api/operator/clock").WithTags("Operator").RequireAuthorization(PlatformSetup.OperatorPolicy);
        g.MapGet("", GetAsync).WithSummary("The clock: running, speed, last settled slot.");
        g.MapPost("/start", (PlatformDbContext db, MarketClock clock, CancellationToken cancel) => SetAsync(db, clock, true, cancel)).WithSummary("Start the clock.");
        g.MapPost("/pause", (PlatformDbContext db, MarketClock clock, CancellationToken cancel) => SetAsync(db, clock, false, cancel)).WithSummary("Pause the clock.");
        g.MapPost("/step", StepAsync).WithSummary("Settle the next slot now.");
        g.MapPut("/speed", SpeedAsync).Accepts<SpeedRequest>("application/json").WithSummary("Seconds of wall-clock time per slot.");
    }

    internal static Task<CommunityRecord> CommunityAsync(PlatformDbContext db, CancellationToken cancel) =>
        db.Communities.OrderBy(c => c.Id).FirstAsync(cancel);

    private static async Task<IResult> GetAsync(PlatformDbContext db, CancellationToken cancel) =>
        Results.Ok(await ClockCommands.ViewAsync(db, cancel));

    private static async Task<IResult> SetAsync(PlatformDbContext db, MarketClock clock, bool running, CancellationToken cancel) =>
        Results.Ok(await ClockCommands.SetRunningAsync(db, clock, running, cancel));

    private static async Task<IResult> StepAsync(PlatformDbContext db, MarketClock clock, CancellationToken cancel)
    {
        SettledSlot? settled = await ClockCommands.StepAsync(db, clock, cancel);
        if (settled is null)
        {
            return Problems.Conflict("Nothing to settle.", "The clock's stop slot is reached or the community has no households.");
        }
        return Results.Ok(SlotView.Of(settled));
    }

    private static async Task<IResult> SpeedAsync(HttpRequest request, PlatformDbContext db, CancellationToken cancel)
    {
        (JsonElement? body, IResult? bad) = await JsonBody.ReadAsync(request, cancel);
        if (bad is not null)
        {
            return bad;
        }
        var errors = new ValidationErrors();
        ObjectReader? r = ObjectReader.Open(body!.Value, "", errors, "clock speed");
        double? seconds = r?.RequiredNumber("secondsPerSlot", "5");
        r?.Finish();
        if (JsonBody.ProblemFor(errors) is { } problem)
        {
            return problem;
        }
        CommandResult<ClockView> result = await ClockCommands.SetSpeedAsync(db, seconds!.Value, cancel);
        return JsonBody.ProblemFor(result.Errors) ?? Results.Ok(result.Value);
    }
}

internal sealed record SpeedRequest(double SecondsPerSlot);

internal sealed record ClockView(long CommunityId, bool Running, double SecondsPerSlot, long? LastSettledSlot, long NextSlot, DateTimeOffset? LastSlotStartUtc, DateOnly EpochDate, long ConfigVersion);

/// <summary>A settled slot as events and the step endpoint show it (prices in currency units per kWh).</summary>
internal sealed record SlotView(long CommunityId, long Slot, DateTimeOffset StartUtc, DateTimeOffset EndUtc, decimal? ClearingPrice, double P2PKwh, int Trades)
{
    public static SlotView Of(SettledSlot s) => new(s.CommunityId, s.Slot, s.StartUtc, s.EndUtc,
        s.ClearingPriceMicrosPerKwh is { } p ? MoneyField.ToUnits(p) : null, s.P2PKwh, s.Trades);
}
