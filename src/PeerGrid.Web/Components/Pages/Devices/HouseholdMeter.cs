using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Components.Pages.Devices;

/// <summary>
/// What the household's meter says, for the device pages: the last settled slot and the sums since the community's
/// midnight (kWh). Readings are metered per household, not per device: the platform's settlement records one
/// reading per household and slot.
/// </summary>
internal sealed record HouseholdMeter(long CommunityId, CommunityTime Time, MeterReadingRecord? Latest, double TodayGenerationKwh, double TodayLoadKwh)
{
    public static async Task<HouseholdMeter> LoadAsync(PlatformDbContext db, long householdId, CancellationToken cancel)
    {
        long communityId = await db.Households.Where(h => h.Id == householdId).Select(h => h.CommunityId).SingleAsync(cancel);
        CommunityRecord community = await db.Communities.AsNoTracking().SingleAsync(c => c.Id == communityId, cancel);
        CommunityTime time = CommunityTime.Of(community);
        MeterReadingRecord? latest = await db.Readings.AsNoTracking().Where(r => r.HouseholdId == householdId)
            .OrderByDescending(r => r.Slot).FirstOrDefaultAsync(cancel);
        if (latest is null)
        {
            return new HouseholdMeter(communityId, time, null, 0, 0);
        }
        long dayStart = time.DayStart(latest.Slot);
        var today = await db.Readings.Where(r => r.HouseholdId == householdId && r.Slot >= dayStart && r.Slot <= latest.Slot)
            .GroupBy(r => r.HouseholdId)
            .Select(g => new { Generation = g.Sum(r => r.GenerationKwh), Load = g.Sum(r => r.LoadKwh) })
            .SingleAsync(cancel);
        return new HouseholdMeter(communityId, time, latest, today.Generation, today.Load);
    }

    /// <summary>"Slot 12 · Wed 3 Jun 03:00–03:15 (Europe/Berlin)", or that no slot is settled yet.</summary>
    public string SlotLabel => Latest is { } r ? $"Slot {r.Slot} · {Time.Label(r.Slot)} ({Time.ZoneName})" : "No slot settled yet";

    public static string Kwh(double kwh) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kwh:0.000} kWh");
}
