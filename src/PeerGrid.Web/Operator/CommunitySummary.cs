using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Operator;

/// <summary>The community as the operator's Users page shows it: name, time zone, slot length, households and clock.</summary>
internal sealed record CommunitySummary(long Id, string Name, string TimeZone, int SlotMinutes, int Households, ClockView Clock)
{
    public static async Task<CommunitySummary> LoadAsync(PlatformDbContext db, CancellationToken cancel)
    {
        CommunityRecord c = await ClockApi.CommunityAsync(db, cancel);
        CommunitySettings settings = CommunitySettings.Read(c.SettingsJson);
        int households = await db.Households.CountAsync(h => h.CommunityId == c.Id, cancel);
        return new CommunitySummary(c.Id, c.Name, settings.TimeZoneId, settings.SlotMinutes, households, await ClockCommands.ViewAsync(db, c, cancel));
    }
}
