using Microsoft.EntityFrameworkCore;

namespace PeerGrid.Persistence.Platform;

/// <summary>Community-wide bookkeeping.</summary>
public static class Communities
{
    /// <summary>
    /// Marks the community's configuration as changed (a device, preference, contract or setting), so the clock builds
    /// its model afresh for the next slot. Call in the transaction that makes the change.
    /// </summary>
    public static Task TouchAsync(PlatformDbContext db, long communityId, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Communities.Where(c => c.Id == communityId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConfigVersion, c => c.ConfigVersion + 1), cancel);
    }
}
