using PeerGrid.Persistence;
using PeerGrid.Persistence.Platform;

namespace PeerGrid.Web.Http;

/// <summary>
/// Saving a change to what the clock simulates (a household's devices, preferences, contracts or preferred traders):
/// the change and the community's ConfigVersion bump commit together, so the clock never sees one without the other.
/// </summary>
internal static class ConfigChanges
{
    public static async Task SaveAsync(PlatformDbContext db, long communityId, CancellationToken cancel)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await db.SaveChangesAsync(cancel);
            await Communities.TouchAsync(db, communityId, cancel);
            return;
        }
        await using var tx = await db.Database.BeginTransactionAsync(cancel);
        await db.SaveChangesAsync(cancel);
        await Communities.TouchAsync(db, communityId, cancel);
        await tx.CommitAsync(cancel);
    }
}
