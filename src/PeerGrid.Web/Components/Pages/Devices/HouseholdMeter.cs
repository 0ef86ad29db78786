using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Components.Pages.Devices;

/// <summary>A device's metered energy: in the last settled slot, since the community's midnight and over the last 7 days, today included (kWh).</summary>
internal readonly record struct DeviceEnergy(double LastSlotKwh, double TodayKwh, double WeekKwh = 0);

/// <summary>
/// What the household's meters say, for the device pages: the household's reading of the last settled slot, its sums
/// since the community's midnight, and the same per appliance and generator (each device is metered on its own:
/// docs/engine.md, "Device metering"), also over the last 7 days for the usage tables. A device without a row used or
/// produced nothing.
/// </summary>
internal sealed record HouseholdMeter(long CommunityId, CommunityTime Time, MeterReadingRecord? Latest, double TodayGenerationKwh, double TodayLoadKwh,
    IReadOnlyDictionary<(string Kind, long Id), DeviceEnergy> Devices, double WeekLoadKwh = 0)
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
            return new HouseholdMeter(communityId, time, null, 0, 0, new Dictionary<(string, long), DeviceEnergy>());
        }
        long dayStart = time.DayStart(latest.Slot), last = latest.Slot;
        long weekStart = Math.Max(0, dayStart - (6 * time.SlotsPerDay));
        var sums = await db.Readings.Where(r => r.HouseholdId == householdId && r.Slot >= weekStart && r.Slot <= last)
            .GroupBy(r => r.HouseholdId)
            .Select(g => new
            {
                Generation = g.Sum(r => r.Slot >= dayStart ? r.GenerationKwh : 0),
                Load = g.Sum(r => r.Slot >= dayStart ? r.LoadKwh : 0),
                WeekLoad = g.Sum(r => r.LoadKwh),
            })
            .SingleAsync(cancel);
        var devices = await db.DeviceReadings.Where(r => r.HouseholdId == householdId && r.Slot >= weekStart && r.Slot <= last)
            .GroupBy(r => new { r.Kind, r.DeviceId })
            .Select(g => new
            {
                g.Key.Kind,
                g.Key.DeviceId,
                Week = g.Sum(r => r.EnergyKwh),
                Today = g.Sum(r => r.Slot >= dayStart ? r.EnergyKwh : 0),
                Last = g.Sum(r => r.Slot == last ? r.EnergyKwh : 0),
            })
            .ToListAsync(cancel);
        return new HouseholdMeter(communityId, time, latest, sums.Generation, sums.Load,
            devices.ToDictionary(d => (d.Kind, d.DeviceId), d => new DeviceEnergy(d.Last, d.Today, d.Week)), sums.WeekLoad);
    }

    /// <summary>"Slot 12 · Wed 3 Jun 03:00–03:15 (Europe/Berlin)", or that no slot is settled yet.</summary>
    public string SlotLabel => Latest is { } r ? $"Slot {r.Slot} · {Time.Label(r.Slot)} ({Time.ZoneName})" : "No slot settled yet";

    /// <summary>A device's energy (zero when it has no reading today).</summary>
    public DeviceEnergy Of(string kind, long id) => Devices.TryGetValue((kind, id), out DeviceEnergy e) ? e : default;

    /// <summary>The household's consumption that no appliance accounts for (its base load), in the last slot and today.</summary>
    public DeviceEnergy Other
    {
        get
        {
            double last = 0, today = 0, week = 0;
            foreach (((string kind, _), DeviceEnergy e) in Devices)
            {
                if (kind == DeviceKinds.Appliance)
                {
                    (last, today, week) = (last + e.LastSlotKwh, today + e.TodayKwh, week + e.WeekKwh);
                }
            }
            return new DeviceEnergy(Math.Max(0, (Latest?.LoadKwh ?? 0) - last), Math.Max(0, TodayLoadKwh - today), Math.Max(0, WeekLoadKwh - week));
        }
    }

    /// <summary>A slot's energy as its average power: "0.40 kW".</summary>
    public string Power(double slotKwh) => (slotKwh * 60 / Time.SlotMinutes).ToString("0.00", CultureInfo.InvariantCulture) + " kW";

    public static string Kwh(double kwh) => string.Create(CultureInfo.InvariantCulture, $"{kwh:0.000} kWh");
}
