using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence;

namespace PeerGrid.Web.Http;

/// <summary>Where a community's market stands: what is settled, and what the next slot is.</summary>
internal static class SlotClock
{
    /// <summary>The last settled slot of the community, or null before the first.</summary>
    public static Task<long?> LastSettledAsync(PlatformDbContext db, long communityId, CancellationToken cancel) =>
        db.SettledSlots.Where(s => s.CommunityId == communityId).MaxAsync(s => (long?)s.Slot, cancel);

    /// <summary>The first slot not yet settled: last settled + 1, or 0.</summary>
    public static async Task<long> NextUnsettledAsync(PlatformDbContext db, long communityId, CancellationToken cancel) =>
        (await LastSettledAsync(db, communityId, cancel) ?? -1) + 1;
}
