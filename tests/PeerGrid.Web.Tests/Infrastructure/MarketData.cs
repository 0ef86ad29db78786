using PeerGrid.Persistence.Entities;

namespace PeerGrid.Web.Tests.Infrastructure;

/// <summary>What the clock would have written, put straight into the database (the clock is not under test here).</summary>
public static class MarketData
{
    public static Task<int> SettleSlotsAsync(PlatformApp app, long fromSlot, long toSlot) => app.WithDbAsync(async db =>
    {
        long community = db.Communities.OrderBy(c => c.Id).Select(c => c.Id).First();
        for (long s = fromSlot; s <= toSlot; s++)
        {
            db.SettledSlots.Add(new SettledSlotRecord { CommunityId = community, Slot = s, StartUtc = DateTimeOffset.UnixEpoch.AddMinutes(15 * s) });
        }
        return await db.SaveChangesAsync();
    });

    /// <summary>A household in a second community (to show that other communities' households are out of reach).</summary>
    public static Task<long> OtherCommunityHouseholdAsync(PlatformApp app) => app.WithDbAsync(async db =>
    {
        var community = new CommunityRecord { Name = "Elsewhere", SettingsJson = "{}" };
        db.Communities.Add(community);
        await db.SaveChangesAsync();
        var household = new HouseholdRecord { CommunityId = community.Id, Name = "far away", PreferencesJson = "{}" };
        db.Households.Add(household);
        await db.SaveChangesAsync();
        return household.Id;
    });
}
