using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Domain;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Simulation.Scenarios.Json;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Contracts;

/// <summary>What a contract or preferred-trader command did; <see cref="NotFound"/> when the caller owns no such thing.</summary>
internal enum CommandOutcome
{
    Done,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>A command's outcome with its value (Done), field errors (Invalid) or a reason (Conflict).</summary>
internal sealed record CommandResult<T>(CommandOutcome Outcome, T? Value = null, ValidationErrors? Errors = null, string? Reason = null)
    where T : class;

/// <summary>
/// Buying directly and choosing preferred traders, for the API (ContractsApi) and the dashboard's My Energy Traders:
/// scoped to the caller's household; every change bumps the community's ConfigVersion with it, so the clock applies it
/// from the next slot. Bad input is refused before anything is written.
/// </summary>
internal static class ContractCommands
{
    /// <summary>My contracts as buyer and seller, oldest first; null when the caller owns no household.</summary>
    public static async Task<List<ContractView>?> ListAsync(PlatformDbContext db, ClaimsPrincipal user, string? status, string? role, CancellationToken cancel)
    {
        long? me = await CurrentUser.HouseholdIdAsync(db, user, cancel);
        if (me is null)
        {
            return null;
        }
        IQueryable<ContractRecord> q = db.Contracts.AsNoTracking().Where(c =>
            (role == null || role == "buyer") && c.BuyerHouseholdId == me || (role == null || role == "seller") && c.SellerHouseholdId == me);
        if (status is not null)
        {
            q = q.Where(c => c.Status == status);
        }
        List<ContractRecord> list = await q.OrderBy(c => c.Id).ToListAsync(cancel);
        return [.. list.Select(c => View(c, me.Value))];
    }

    /// <summary>A contract from a body in the API's shape (sellerHouseholdId, kwhPerSlot, pricePerKwh, startSlot?, endSlot?).</summary>
    public static async Task<CommandResult<ContractView>> CreateAsync(PlatformDbContext db, ClaimsPrincipal user, TimeProvider clock, JsonElement body, CancellationToken cancel)
    {
        var errors = new ValidationErrors();
        ObjectReader? r = ObjectReader.Open(body, "", errors, "a contract");
        long? seller = r is null ? null : Fields.Long(r, "sellerHouseholdId", required: true, "12 (a householdId from GET /api/traders)");
        double? kwh = r is null ? null : Fields.EnergyKwh(r, "kwhPerSlot", ContractsApi.MaxKwhPerSlot, "0.5 (kWh each slot)");
        long? price = r is null ? null : Fields.PriceMicros(r, "pricePerKwh", required: true, 0, ContractsApi.MaxPricePerKwh, minExclusive: true, "0.18");
        long? start = r is null ? null : Fields.Long(r, "startSlot", required: false, "1200");
        long? end = r is null ? null : Fields.Long(r, "endSlot", required: false, "1295");
        r?.Finish();
        if (!errors.IsEmpty)
        {
            return new(CommandOutcome.Invalid, Errors: errors);
        }

        HouseholdRecord? me = await CurrentUser.HouseholdAsync(db, user, cancel);
        if (me is null)
        {
            return new(CommandOutcome.NotFound);
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
        if (active >= ContractsApi.MaxActivePerBuyer)
        {
            errors.Add("(body)", $"you have {active} active contracts, the most allowed is {ContractsApi.MaxActivePerBuyer}", "cancel a contract you no longer need first");
        }
        if (!errors.IsEmpty)
        {
            return new(CommandOutcome.Invalid, Errors: errors);
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
        return new(CommandOutcome.Done, View(contract, me.Id));
    }

    /// <summary>Cancels one of my active contracts (as buyer or seller).</summary>
    public static async Task<CommandResult<ContractView>> CancelAsync(PlatformDbContext db, ClaimsPrincipal user, long id, CancellationToken cancel)
    {
        HouseholdRecord? me = await CurrentUser.HouseholdAsync(db, user, cancel);
        ContractRecord? c = me is null ? null
            : await db.Contracts.SingleOrDefaultAsync(c => c.Id == id && (c.BuyerHouseholdId == me.Id || c.SellerHouseholdId == me.Id), cancel);
        if (me is null || c is null)
        {
            return new(CommandOutcome.NotFound);
        }
        if (c.Status != ContractStatus.Active)
        {
            return new(CommandOutcome.Conflict, Reason: $"Contract {id} is {c.Status}: only active contracts can be cancelled.");
        }
        c.Status = ContractStatus.Cancelled;
        await ConfigChanges.SaveAsync(db, me.CommunityId, cancel);
        return new(CommandOutcome.Done, View(c, me.Id));
    }

    /// <summary>Adds a trader to my preferred ones; Conflict (with the view) when it already was one.</summary>
    public static async Task<CommandResult<PreferredTraderView>> AddPreferredAsync(PlatformDbContext db, ClaimsPrincipal user, long sellerHouseholdId, CancellationToken cancel)
    {
        HouseholdRecord? me = await CurrentUser.HouseholdAsync(db, user, cancel);
        if (me is null)
        {
            return new(CommandOutcome.NotFound);
        }
        var errors = new ValidationErrors();
        string? name = await CheckSellerAsync(db, me, sellerHouseholdId, "sellerHouseholdId", errors, cancel);
        if (!errors.IsEmpty)
        {
            return new(CommandOutcome.Invalid, Errors: errors);
        }
        var view = new PreferredTraderView(sellerHouseholdId, name!);
        if (await db.PreferredTraders.AnyAsync(p => p.BuyerHouseholdId == me.Id && p.SellerHouseholdId == sellerHouseholdId, cancel))
        {
            return new(CommandOutcome.Conflict, view, Reason: "already preferred");
        }
        db.PreferredTraders.Add(new PreferredTraderRecord { BuyerHouseholdId = me.Id, SellerHouseholdId = sellerHouseholdId });
        try
        {
            await ConfigChanges.SaveAsync(db, me.CommunityId, cancel);
        }
        catch (DbUpdateException)
        {
            // A concurrent add of the same trader won the insert: the outcome is the same.
        }
        return new(CommandOutcome.Done, view);
    }

    /// <summary>Removes a trader from my preferred ones.</summary>
    public static async Task<CommandOutcome> RemovePreferredAsync(PlatformDbContext db, ClaimsPrincipal user, long sellerHouseholdId, CancellationToken cancel)
    {
        HouseholdRecord? me = await CurrentUser.HouseholdAsync(db, user, cancel);
        PreferredTraderRecord? p = me is null ? null
            : await db.PreferredTraders.SingleOrDefaultAsync(p => p.BuyerHouseholdId == me.Id && p.SellerHouseholdId == sellerHouseholdId, cancel);
        if (me is null || p is null)
        {
            return CommandOutcome.NotFound;
        }
        db.PreferredTraders.Remove(p);
        await ConfigChanges.SaveAsync(db, me.CommunityId, cancel);
        return CommandOutcome.Done;
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

    public static ContractView View(ContractRecord c, long me) => new(
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
