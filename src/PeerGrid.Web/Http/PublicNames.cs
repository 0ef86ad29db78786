using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;

namespace PeerGrid.Web.Http;

/// <summary>
/// What a household sees of the other parties to its money and trades: another household by the name the community
/// sees on My Energy Traders (its owner's display name, or the household's name when the owner gave none; never an
/// e-mail address), the ledger's system accounts by their role.
/// </summary>
internal static class PublicNames
{
    /// <summary>The counterparty of a market trade: the pool every bid and offer clears in.</summary>
    public const string MarketPool = "market pool";

    public static string Household(string? ownerDisplayName, string householdName) =>
        string.IsNullOrWhiteSpace(ownerDisplayName) ? householdName : ownerDisplayName;

    /// <summary>The public names of the given households, by id (ids of no household are left out).</summary>
    public static async Task<Dictionary<long, string>> HouseholdsAsync(PlatformDbContext db, IReadOnlyCollection<long> householdIds, CancellationToken cancel)
    {
        if (householdIds.Count == 0)
        {
            return [];
        }
        var rows = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id))
            .Select(h => new { h.Id, h.Name, Owner = db.Users.Where(u => u.Id == h.OwnerId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(cancel);
        return rows.ToDictionary(r => r.Id, r => Household(r.Owner, r.Name));
    }

    /// <summary>A system account's role, e.g. "utility"; a kind this build does not know is shown as it is stored.</summary>
    public static string Account(string kind) => kind switch
    {
        AccountKinds.Utility => "utility",
        AccountKinds.GridOperator => "grid operator",
        AccountKinds.Platform => "platform",
        AccountKinds.Payments => "payment provider",
        _ => kind,
    };
}
