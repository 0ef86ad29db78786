using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Domain;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Simulation.Scenarios.Json;
using PeerGrid.Web.Hosting;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Orders;

/// <summary>
/// My bids and offers for upcoming slots. An open order for slot s sets my limit price for that slot, capped at its
/// energy (see <see cref="OrderRecord"/>); the clock marks it filled or expired when it settles s. Only open orders
/// can be cancelled; cancelling is a conditional update, so it cannot overwrite the clock's verdict.
/// </summary>
internal static class OrdersApi
{
    public const double MaxEnergyKwh = 100;
    public const decimal MaxLimitPrice = 10;

    /// <summary>Orders may be placed up to this many days of slots ahead of the next unsettled slot.</summary>
    public const int MaxDaysAhead = 7;

    /// <summary>At most this many open orders per household.</summary>
    public const int MaxOpen = 500;

    public static void MapOrdersApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder g = app.MapGroup("/api/me/orders").WithTags("Orders").RequireAuthorization(PlatformSetup.ProsumerPolicy);
        g.MapGet("", ListAsync).Produces<OrderView[]>().ProducesValidationProblem().WithSummary("My orders (?status=open|cancelled|filled|expired), by slot.");
        g.MapPost("", CreateAsync).Accepts<OrderRequest>("application/json").Produces<OrderView>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Place a bid or an offer for an upcoming slot.");
        g.MapGet("/{id:long}", GetAsync).Produces<OrderView>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One of my orders.");
        g.MapPost("/{id:long}/cancel", CancelAsync).Produces<OrderView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Cancel an open order.");
    }

    private static async Task<IResult> ListAsync(HttpContext context, PlatformDbContext db, string? status, CancellationToken cancel)
    {
        var errors = new ValidationErrors();
        QueryParameters.OneOf("status", status, OrderStatus.All, errors);
        if (JsonBody.ProblemFor(errors) is { } problem)
        {
            return problem;
        }
        long? me = await CurrentUser.HouseholdIdAsync(db, context.User, cancel);
        IQueryable<OrderRecord> q = db.Orders.AsNoTracking().Where(o => o.HouseholdId == me);
        if (status is not null)
        {
            q = q.Where(o => o.Status == status);
        }
        List<OrderRecord> list = await q.OrderBy(o => o.Slot).ThenBy(o => o.Id).ToListAsync(cancel);
        return Results.Ok(list.Select(View).ToList());
    }

    private static async Task<IResult> GetAsync(long id, HttpContext context, PlatformDbContext db, CancellationToken cancel)
    {
        long? me = await CurrentUser.HouseholdIdAsync(db, context.User, cancel);
        OrderRecord? o = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.HouseholdId == me, cancel);
        return o is null ? Problems.NotFound("order") : Results.Ok(View(o));
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, PlatformDbContext db, TimeProvider clock, CancellationToken cancel)
    {
        (JsonElement? body, IResult? bad) = await JsonBody.ReadAsync(request, cancel);
        if (bad is not null)
        {
            return bad;
        }
        var errors = new ValidationErrors();
        ObjectReader? r = ObjectReader.Open(body!.Value, "", errors, "an order");
        string? side = r?.OneOf("side", OrderSides.All, required: true);
        long? slot = r is null ? null : Fields.Long(r, "slot", required: true, "1200 (a slot after the last settled one)");
        double? energy = r is null ? null : Fields.EnergyKwh(r, "energyKwh", MaxEnergyKwh, "1.5");
        long? price = r is null ? null : Fields.PriceMicros(r, "limitPrice", required: true, -MaxLimitPrice, MaxLimitPrice, minExclusive: false, "0.22");
        r?.Finish();
        if (JsonBody.ProblemFor(errors) is { } problem)
        {
            return problem;
        }
        HouseholdRecord? me = await CurrentUser.HouseholdAsync(db, request.HttpContext.User, cancel);
        if (me is null)
        {
            return Problems.NotFound("household");
        }
        CommunitySettings settings = CommunitySettings.Read(await db.Communities.Where(c => c.Id == me.CommunityId).Select(c => c.SettingsJson).SingleAsync(cancel));
        long next = await SlotClock.NextUnsettledAsync(db, me.CommunityId, cancel);
        long last = next + (long)settings.SlotsPerDay * MaxDaysAhead - 1;
        if (slot < next)
        {
            errors.Add("slot", $"slot {slot} is already settled (the next slot is {next})", $"give slot {next} or later");
        }
        else if (slot > last)
        {
            errors.Add("slot", $"slot {slot} is more than {MaxDaysAhead} days ahead (the next slot is {next})", $"give a slot from {next} to {last}");
        }
        int open = await db.Orders.CountAsync(o => o.HouseholdId == me.Id && o.Status == OrderStatus.Open, cancel);
        if (open >= MaxOpen)
        {
            errors.Add("(body)", $"you have {open} open orders, the most allowed is {MaxOpen}", "cancel orders you no longer need first");
        }
        if (JsonBody.ProblemFor(errors) is { } refused)
        {
            return refused;
        }
        var order = new OrderRecord
        {
            CommunityId = me.CommunityId,
            HouseholdId = me.Id,
            Slot = slot!.Value,
            Side = side!,
            EnergyKwh = energy!.Value,
            LimitPriceMicrosPerKwh = price!.Value,
            Status = OrderStatus.Open,
            CreatedUtc = clock.GetUtcNow(),
        };
        db.Orders.Add(order);
        await db.SaveChangesAsync(cancel);
        return Results.Created($"/api/me/orders/{order.Id}", View(order));
    }

    private static async Task<IResult> CancelAsync(long id, HttpContext context, PlatformDbContext db, CancellationToken cancel)
    {
        long? me = await CurrentUser.HouseholdIdAsync(db, context.User, cancel);
        OrderRecord? o = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.HouseholdId == me, cancel);
        if (o is null)
        {
            return Problems.NotFound("order");
        }
        long next = await SlotClock.NextUnsettledAsync(db, o.CommunityId, cancel);
        int changed = o.Slot < next ? 0 : await db.Orders
            .Where(x => x.Id == id && x.HouseholdId == me && x.Status == OrderStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, OrderStatus.Cancelled), cancel);
        if (changed == 0)
        {
            string now = await db.Orders.Where(x => x.Id == id).Select(x => x.Status).SingleAsync(cancel);
            string why = now == OrderStatus.Open ? $"its slot {o.Slot} is already settled" : $"it is {now}";
            return Problems.Conflict("Order not open.", $"Order {id} cannot be cancelled: {why}. Only open orders for unsettled slots can be cancelled.");
        }
        o.Status = OrderStatus.Cancelled;
        return Results.Ok(View(o));
    }

    private static OrderView View(OrderRecord o) =>
        new(o.Id, o.Slot, o.Side, o.EnergyKwh, MoneyField.ToUnits(o.LimitPriceMicrosPerKwh), o.Status, o.CreatedUtc);
}

/// <summary>The order body: side "bid" (buy) or "offer" (sell); energy in kWh (0 &lt; x ≤ 100); limit price in currency units per kWh (−10 … 10).</summary>
internal sealed record OrderRequest(string Side, long Slot, double EnergyKwh, decimal LimitPrice);

internal sealed record OrderView(long Id, long Slot, string Side, double EnergyKwh, decimal LimitPrice, string Status, DateTimeOffset CreatedUtc);
