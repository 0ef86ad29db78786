using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Contracts;
using PeerGrid.Web.Http;
using PeerGrid.Web.Traders;

namespace PeerGrid.Web.Components.Pages.Traders;

/// <summary>
/// What My Energy Traders shows: the API's traders list (GET /api/traders) and my contracts (GET /api/me/contracts),
/// with the counterparties' names and the community's clock for slot labels.
/// </summary>
internal sealed record TradersPageView(long CommunityId, CommunityTime Time, IReadOnlyList<TraderView> Traders, IReadOnlyList<ContractView> Contracts, IReadOnlyDictionary<long, string> Names)
{
    public string Name(long householdId) => Names.TryGetValue(householdId, out string? n) ? n : $"household {householdId}";

    /// <summary>The view, or null when the user owns no household.</summary>
    public static async Task<TradersPageView?> LoadAsync(PlatformDbContext db, ClaimsPrincipal user, CancellationToken cancel)
    {
        HouseholdRecord? me = await CurrentUser.HouseholdAsync(db, user, cancel);
        if (me is null)
        {
            return null;
        }
        CommunityRecord community = await db.Communities.AsNoTracking().SingleAsync(c => c.Id == me.CommunityId, cancel);
        List<TraderView> traders = await TradersApi.LoadAsync(db, me, cancel);
        List<ContractView> contracts = await ContractCommands.ListAsync(db, user, null, null, cancel) ?? [];
        // Newest first on the page: the contract just made is on top.
        contracts.Reverse();
        var ids = contracts.SelectMany(c => new[] { c.BuyerHouseholdId, c.SellerHouseholdId }).Distinct().ToList();
        Dictionary<long, string> names = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id) && h.CommunityId == me.CommunityId)
            .ToDictionaryAsync(h => h.Id, h => h.Name, cancel);
        foreach (TraderView t in traders)
        {
            names[t.HouseholdId] = t.DisplayName;
        }
        return new TradersPageView(community.Id, CommunityTime.Of(community), traders, contracts, names);
    }
}
