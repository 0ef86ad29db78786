using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Domain;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
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
        List<ContractView>? list = await ContractCommands.ListAsync(db, context.User, status, role, cancel);
        return list is null ? Problems.NotFound("household") : Results.Ok(list);
    }

    private static async Task<IResult> GetAsync(long id, HttpContext context, PlatformDbContext db, CancellationToken cancel)
    {
        long? me = await CurrentUser.HouseholdIdAsync(db, context.User, cancel);
        ContractRecord? c = await db.Contracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && (c.BuyerHouseholdId == me || c.SellerHouseholdId == me), cancel);
        return c is null ? Problems.NotFound("contract") : Results.Ok(ContractCommands.View(c, me!.Value));
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, PlatformDbContext db, TimeProvider clock, CancellationToken cancel)
    {
        (JsonElement? body, IResult? bad) = await JsonBody.ReadAsync(request, cancel);
        if (bad is not null)
        {
            return bad;
        }
        CommandResult<ContractView> result = await ContractCommands.CreateAsync(db, request.HttpContext.User, clock, body!.Value, cancel);
        return result.Outcome switch
        {
            CommandOutcome.Done => Results.Created($"/api/me/contracts/{result.Value!.Id}", result.Value),
            CommandOutcome.Invalid => Problems.Validation(result.Errors!),
            _ => Problems.NotFound("household"),
        };
    }

    private static async Task<IResult> CancelAsync(long id, HttpContext context, PlatformDbContext db, CancellationToken cancel)
    {
        CommandResult<ContractView> result = await ContractCommands.CancelAsync(db, context.User, id, cancel);
        return result.Outcome switch
        {
            CommandOutcome.Done => Results.Ok(result.Value),
            CommandOutcome.Conflict => Problems.Conflict("Contract not active.", result.Reason!),
            _ => Problems.NotFound("contract"),
        };
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
        CommandResult<PreferredTraderView> result = await ContractCommands.AddPreferredAsync(db, context.User, sellerHouseholdId, cancel);
        return result.Outcome switch
        {
            CommandOutcome.Done => Results.Created($"/api/me/preferred-traders/{sellerHouseholdId}", result.Value),
            CommandOutcome.Conflict => Results.Ok(result.Value),
            CommandOutcome.Invalid => Problems.Validation(result.Errors!),
            _ => Problems.NotFound("household"),
        };
    }

    private static async Task<IResult> RemovePreferredAsync(long sellerHouseholdId, HttpContext context, PlatformDbContext db, CancellationToken cancel) =>
        await ContractCommands.RemovePreferredAsync(db, context.User, sellerHouseholdId, cancel) == CommandOutcome.Done
            ? Results.NoContent()
            : Problems.NotFound("preferred trader");
}

/// <summary>The contract body: kWh per slot (0 &lt; x ≤ 100), price in currency units per kWh (0 &lt; x ≤ 10), slots inclusive.</summary>
internal sealed record ContractRequest(long SellerHouseholdId, double KwhPerSlot, decimal PricePerKwh, long? StartSlot, long? EndSlot);

/// <summary>A contract from my point of view (<see cref="Role"/> "buyer" or "seller"); endSlot null = until cancelled.</summary>
internal sealed record ContractView(long Id, string Role, long BuyerHouseholdId, long SellerHouseholdId, double KwhPerSlot, decimal PricePerKwh, long StartSlot, long? EndSlot, string Status, DateTimeOffset CreatedUtc);

internal sealed record PreferredTraderView(long SellerHouseholdId, string HouseholdName);
