using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Http;
using PeerGrid.Web.Operator;

namespace PeerGrid.Web.Components.Pages.Operator;

/// <summary>What the Clock page shows: the clock (as the API reports it), the community's time and its last slots.</summary>
internal sealed record ClockPageView(string CommunityName, CommunityTime Time, ClockView Clock, IReadOnlyList<SettledSlotRecord> Recent)
{
    public const int RecentCount = 8;

    public static async Task<ClockPageView> LoadAsync(PlatformDbContext db, CancellationToken cancel)
    {
        CommunityRecord c = await ClockApi.CommunityAsync(db, cancel);
        ClockView clock = await ClockCommands.ViewAsync(db, c, cancel);
        List<SettledSlotRecord> recent = await db.SettledSlots.AsNoTracking().Where(s => s.CommunityId == c.Id)
            .OrderByDescending(s => s.Slot).Take(RecentCount).ToListAsync(cancel);
        return new ClockPageView(c.Name, CommunityTime.Of(c), clock, recent);
    }
}
