using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Operator;

/// <summary>
/// A community as the operator's Users page shows it: name, market mechanism, time zone, slot length, households and
/// clock.
/// </summary>
internal sealed record CommunitySummary(long Id, string Name, string Mechanism, string TimeZone, int SlotMinutes, int Households, ClockView Clock)
{
    /// <summary>Every community on the platform, by id (the first is the one the clock and settings pages run).</summary>
    public static async Task<List<CommunitySummary>> LoadAllAsync(PlatformDbContext db, CancellationToken cancel)
    {
        List<CommunityRecord> communities = await db.Communities.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancel);
        Dictionary<long, int> households = await db.Households.GroupBy(h => h.CommunityId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancel);
        var summaries = new List<CommunitySummary>(communities.Count);
        foreach (CommunityRecord c in communities)
        {
            CommunitySettings settings = CommunitySettings.Read(c.SettingsJson);
            summaries.Add(new CommunitySummary(c.Id, c.Name, settings.Mechanism, settings.TimeZoneId, settings.SlotMinutes,
                households.GetValueOrDefault(c.Id), await ClockCommands.ViewAsync(db, c, cancel)));
        }
        return summaries;
    }
}
