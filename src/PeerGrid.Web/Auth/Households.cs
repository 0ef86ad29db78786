using PeerGrid.Domain.Households;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Simulation.Scenarios;

namespace PeerGrid.Web.Auth;

/// <summary>Creating a household: the record, default preferences and its wallet, in the caller's transaction.</summary>
internal static class Households
{
    /// <summary>A new household's base load before its owner adds appliances (a small flat, kWh per year).</summary>
    public const double DefaultBaseLoadKwh = 1500;

    public static async Task<HouseholdRecord> CreateAsync(PlatformDbContext db, long communityId, string? ownerId, string name, CancellationToken cancel, long creditLimitMicros = 0)
    {
        var household = new HouseholdRecord
        {
            CommunityId = communityId,
            OwnerId = ownerId,
            Name = name,
            BaseLoadAnnualKwh = DefaultBaseLoadKwh,
            PreferencesJson = DeviceJson.Write(Preferences.Default),
        };
        db.Households.Add(household);
        await db.SaveChangesAsync(cancel);
        db.Accounts.Add(new LedgerAccountRecord
        {
            CommunityId = communityId,
            Kind = AccountKinds.Household,
            HouseholdId = household.Id,
            CreditLimitMicros = creditLimitMicros,
        });
        await db.SaveChangesAsync(cancel);
        return household;
    }
}
