using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence;
using PeerGrid.Web.Components.Charts;
using PeerGrid.Web.Components.Pages.Devices;

namespace PeerGrid.Web.Components.Pages.Batteries;

/// <summary>
/// The household's stored battery energy (kWh at the end of each settled slot, all switched-on batteries pooled, as
/// the engine pools them) over the last day up to the latest reading, at the slots' community-local start times.
/// </summary>
internal static class BatteryHistory
{
    public static async Task<IReadOnlyList<ChartPoint>> LoadAsync(PlatformDbContext db, long householdId, HouseholdMeter meter, CancellationToken cancel)
    {
        if (meter.Latest is not { } latest)
        {
            return [];
        }
        long from = latest.Slot - meter.Time.SlotsPerDay + 1;
        var rows = await db.Readings.AsNoTracking()
            .Where(r => r.HouseholdId == householdId && r.Slot >= from && r.Slot <= latest.Slot)
            .OrderBy(r => r.Slot).Select(r => new { r.Slot, r.BatteryStoredKwh }).ToListAsync(cancel);
        return [.. rows.Select(r => new ChartPoint(meter.Time.LocalStart(r.Slot), r.BatteryStoredKwh))];
    }
}
