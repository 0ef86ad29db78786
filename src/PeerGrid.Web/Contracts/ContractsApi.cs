using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Domain;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Simulation.Scenarios.Json;
using PeerGrid.Web.Hosting;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Contracts;

/// <summary>
/// Buying directly from a chosen trader: contracts (the buyer takes up to kwhPerSlot from the seller each slot of the
/// period at the agreed price, before the open market clears) and preferred traders (matched first among equal prices).
/// A contract is listed to both parties and either may cancel it; cancelled contracts stay listed. Creating or
/// cancelling a contract and changing preferred traders bump the community's ConfigVersion.
/// </summary>
internal static class ContractsApi
{
    public const double MaxKwhPerSlot = 100;
    public const decimal MaxPricePerKwh = 10;

    /// <summary>At most this many active contracts per buyer.</summary>
    public const int MaxActivePerBuyer = 100;

    public static void MapContractsApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder g = app.MapGroup("/api/me/contracts").WithTags("Contracts").RequireAuthorization(PlatformSetup.ProsumerPolicy);
        g.MapGet("", ListAsync).Produces<ContractView[]>().ProducesValidationProblem()
            .WithSummary("My contracts as buyer and as seller (?status=active|cancelled, ?role=buyer|seller).");
        g.MapPost("", CreateAsync).Accepts<ContractRequest>("application/json").Produces<ContractView>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Buy directly from a trader: energy per slot, price and period.");
        g.MapGet("/{id:long}", GetAsync).Produces<ContractView>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One of my contracts.");
        g.MapPost("/{id:long}/cancel", CancelAsync).Produces<ContractView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Cancel an active contract (buyer or seller); no delivery from the next slot.");

        RouteGroupBuilder p = app.MapGroup("/api/me/preferred-traders").WithTags("Contracts").RequireAuthorization(PlatformSetup.ProsumerPolicy);
        p.MapGet("", ListPreferredAsync).Produces<PreferredTraderView[]>().WithSummary("My preferred traders.");
        p.MapGet("/{sellerHouseholdId:long}", GetPreferredAsync).Produces<PreferredTraderView>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Whether a trader is among my preferred ones.");
        p.MapPut("/{sellerHouseholdId:long}", AddPreferredAsync).Produces<PreferredTraderView>().ProducesValidationProblem()
            .WithSummary("Add a trader to my preferred ones (idempotent).");
        p.MapDelete("/{sellerHouseholdId:long}", RemovePreferredAsync).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Remove a trader from my preferred ones.");
    }

    private static readonly string[] Statuses = [ContractStatus.Active, ContractStatus.Cancelled];
    private static readonly string[] RolesAllowed = ["buyer", "seller"];

    private static async Task<IResult> ListAsync(HttpContext context, PlatformDbContext db, string? status, string? role, CancellationToken cancel)
    {
        var errors = new ValidationErrors();
        QueryParameters.OneOf("status", status, Statuses, errors);
        QueryParameters.OneOf("role", role, RolesAllowed, errors);
        if (JsonBody.ProblemFor(errors) is { } problem)
        {
            return problem;
        }
        long? me = await CurrentUser.HouseholdIdAsync(db, context.User, cancel);
        if (me is null)
        {
            return Problems.NotFound("household");
        }
        IQueryable<ContractRecord> q = db.Contracts.AsNoTracking().Where(c =>
            (role == null || role == "buyer") && c.BuyerHouseholdId == me || (role == null || role == "seller") && c.SellerHouseholdId == me);
        if (status is not null)
        {
            q = q.Where(c => c.Status == status);
        }
        List<ContractRecord> list = await q.OrderBy(c => c.Id).ToListAsync(cancel);
        return Results.Ok(list.Select(c => View(c, me.Value)).ToList());
    }

    private static async Task<IResult> GetAsync(long id, HttpContext context, PlatformDbContext db, CancellationToken cancel)
    {
        long? me = await CurrentUser.HouseholdIdAsync(db, context.User, cancel);
        ContractRecord? c = await db.Contracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && (c.BuyerHouseholdId == me || c.SellerHouseholdId == me), cancel);
        return c is null ? Problems.NotFound("contract") : Results.Ok(View(c, me!.Value));
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, PlatformDbContext db, TimeProvider clock, CancellationToken cancel)
    {
        (JsonElement? body, IResult? bad) = await JsonBody.ReadAsync(request, cancel);
        if (bad is not null)
        {
            return bad;
        }
        var errors = new ValidationErrors();
        ObjectReader? r = ObjectReader.Open(body!.Value, "", errors, "a contract");
        long? seller = r is null ? null : Fields.Long(r, "sellerHouseholdId", required: true, "12 (a householdId from GET /api/traders)");
        double? kwh = r is null ? null : Fields.EnergyKwh(r, "kwhPerSlot", MaxKwhPerSlot, "0.5 (kWh each slot)");
        long? price = r is null ? null : Fields.PriceMicros(r, "pricePerKwh", required: true, 0, MaxPricePerKwh, minExclusive: true, "0.18");
        long? start = r is null ? null : Fields.Long(r, "startSlot", required: false, "1200");
        long? end = r is null ? null : Fields.Long(r, "endSlot", required: false, "1295");
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
        long next = await SlotClock.NextUnsettledAsync(db, me.CommunityId, cancel);
        await CheckSellerAsync(db, me, seller!.Value, "sellerHouseholdId", errors, cancel);
        long startSlot = start ?? next;
        if (startSlot < next)
        {
            errors.Add("startSlot", $"slot {startSlot} is already settled (the next slot is {next})", $"start at slot {next} or later, or leave startSlot out to start with the next slot");
        }
        if (end is { } e && e < startSlot)
        {
            errors.Add("endSlot", $"slot {e} is before the start slot {startSlot}", $"give an end slot ≥ {startSlot}, or leave endSlot out for a contract until cancelled");
        }
        int active = await db.Contracts.CountAsync(c => c.BuyerHouseholdId == me.Id && c.Status == ContractStatus.Active, cancel);
        if (active >= MaxActivePerBuyer)
        {
            errors.Add("(body)", $"you have {active} active contracts, the most allowed is {MaxActivePerBuyer}", "cancel a contract you no longer need first");
        }
        if (JsonBody.ProblemFor(errors) is { } refused)
        {
            return refused;
        }
        var contract = new ContractRecord
        {
            CommunityId = me.CommunityId,
            BuyerHouseholdId = me.Id,
            SellerHouseholdId = seller.Value,
            KwhPerSlot = kwh!.Value,
            PriceMicrosPerKwh = price!.Value,
            StartSlot = startSlot,
            EndSlot = end,
            Status = ContractStatus.Active,
            CreatedUtc = clock.GetUtcNow(),
        };
        db.Contracts.Add(contract);
        await ConfigChanges.SaveAsync(db, me.CommunityId, cancel);
        return Results.Created($"/api/me/contracts/{contract.Id}", View(contract, me.Id));
    }

    private static async Task<IResult> CancelAsync(long id, HttpContext context, PlatformDbContext db, CancellationToken cancel)
    {
        HouseholdRecord? me = await CurrentUser.HouseholdAsync(db, context.User, cancel);
        ContractRecord? c = me is null ? null
            : await db.Contracts.SingleOrDefaultAsync(c => c.Id == id && (c.BuyerHouseholdId == me.Id || c.SellerHouseholdId == me.Id), cancel);
        if (me is null || c is null)
        {
            return Problems.NotFound("contract");
        }
        if (c.Status != ContractStatus.Active)
        {
            return Problems.Conflict("Contract not active.", $"Contract {id} is {c.Status}: only active contracts can be cancelled.");
        }
        c.Status = ContractStatus.Cancelled;
        await ConfigChanges.SaveAsync(db, me.CommunityId, cancel);
        return Results.Ok(View(c, me.Id));
    }

    private static async Task<IResult> ListPreferredAsync(HttpContext context, PlatformDbContext db, CancellationToken cancel)
    {
        long? me = await CurrentUser.HouseholdIdAsync(db, context.User, cancel);
        var list = await (from p in db.PreferredTraders.AsNoTracking()
                          join h in db.Households.AsNoTracking() on p.SellerHouseholdId equals h.Id
                          where p.BuyerHouseholdId == me
                          orderby p.SellerHouseholdId
                          select new PreferredTraderView(p.SellerHouseholdId, h.Name)).ToListAsync(cancel);
        return Results.Ok(list);
    }

    private static async Task<IResult> GetPreferredAsync(long sellerHouseholdId, HttpContext context, PlatformDbContext db, CancellationToken cancel)
    {
        long? me = await CurrentUser.HouseholdIdAsync(db, context.User, cancel);
        PreferredTraderView? view = await (from p in db.PreferredTraders.AsNoTracking()
                                          join h in db.Households.AsNoTracking() on p.SellerHouseholdId equals h.Id
                                          where p.BuyerHouseholdId == me && p.SellerHouseholdId == sellerHouseholdId
                                          select new PreferredTraderView(p.SellerHouseholdId, h.Name)).SingleOrDefaultAsync(cancel);
        return view is null ? Problems.NotFound("preferred trader") : Results.Ok(view);
    }

    private static async Task<IResult> AddPreferredAsync(long sellerHouseholdId, HttpContext context, PlatformDbContext db, CancellationToken cancel)
    {
        HouseholdRecord? me = await CurrentUser.HouseholdAsync(db, context.User, cancel);
        if (me is null)
        {
            return Problems.NotFound("household");
        }
        var errors = new ValidationErrors();
        string? name = await CheckSellerAsync(db, me, sellerHouseholdId, "sellerHouseholdId", errors, cancel);
        if (JsonBody.ProblemFor(errors) is { } problem)
        {
            return problem;
        }
        bool exists = await db.PreferredTraders.AnyAsync(p => p.BuyerHouseholdId == me.Id && p.SellerHouseholdId == sellerHouseholdId, cancel);
        if (!exists)
        {
            db.PreferredTraders.Add(new PreferredTraderRecord { BuyerHouseholdId = me.Id, SellerHouseholdId = sellerHouseholdId });
            try
            {
                await ConfigChanges.SaveAsync(db, me.CommunityId, cancel);
            }
            catch (DbUpdateException)
            {
                // A concurrent PUT of the same trader won the insert: the outcome is the same.
            }
        }
        var view = new PreferredTraderView(sellerHouseholdId, name!);
        return exists ? Results.Ok(view) : Results.Created($"/api/me/preferred-traders/{sellerHouseholdId}", view);
    }

    private static async Task<IResult> RemovePreferredAsync(long sellerHouseholdId, HttpContext context, PlatformDbContext db, CancellationToken cancel)
    {
        HouseholdRecord? me = await CurrentUser.HouseholdAsync(db, context.User, cancel);
        PreferredTraderRecord? p = me is null ? null
            : await db.PreferredTraders.SingleOrDefaultAsync(p => p.BuyerHouseholdId == me.Id && p.SellerHouseholdId == sellerHouseholdId, cancel);
        if (me is null || p is null)
        {
            return Problems.NotFound("preferred trader");
        }
        db.PreferredTraders.Remove(p);
        await ConfigChanges.SaveAsync(db, me.CommunityId, cancel);
        return Results.NoContent();
    }

    /// <summary>Reports a seller that is the caller or not a household of the caller's community; returns its name otherwise.</summary>
    private static async Task<string?> CheckSellerAsync(PlatformDbContext db, HouseholdRecord me, long seller, string field, ValidationErrors errors, CancellationToken cancel)
    {
        if (seller == me.Id)
        {
            errors.Add(field, "this is your own household", "choose another household from GET /api/traders: you cannot trade with yourself");
            return null;
        }
        string? name = await db.Households.Where(h => h.Id == seller && h.CommunityId == me.CommunityId).Select(h => h.Name).SingleOrDefaultAsync(cancel);
        if (name is null)
        {
            errors.Add(field, $"there is no household {seller} in your community", "choose a householdId from GET /api/traders");
        }
        return name;
    }

    private static ContractView View(ContractRecord c, long me) => new(
        c.Id,
        c.BuyerHouseholdId == me ? "buyer" : "seller",
        c.BuyerHouseholdId,
        c.SellerHouseholdId,
        c.KwhPerSlot,
        MoneyField.ToUnits(c.PriceMicrosPerKwh),
        c.StartSlot,
        c.EndSlot,
        c.Status,
        c.CreatedUtc);
}

/// <summary>The contract body: kWh per slot (0 &lt; x ≤ 100), price in currency units per kWh (0 &lt; x ≤ 10), slots inclusive.</summary>
internal sealed record ContractRequest(long SellerHouseholdId, double KwhPerSlot, decimal PricePerKwh, long? StartSlot, long? EndSlot);

/// <summary>A contract from my point of view (<see cref="Role"/> "buyer" or "seller"); endSlot null = until cancelled.</summary>
internal sealed record ContractView(long Id, string Role, long BuyerHouseholdId, long SellerHouseholdId, double KwhPerSlot, decimal PricePerKwh, long StartSlot, long? EndSlot, string Status, DateTimeOffset CreatedUtc);

internal sealed record PreferredTraderView(long SellerHouseholdId, string HouseholdName);
