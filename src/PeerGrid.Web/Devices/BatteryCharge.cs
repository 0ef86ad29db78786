using Microsoft.EntityFrameworkCore;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Platform;
using PeerGrid.Simulation.Scenarios;

namespace PeerGrid.Web.Devices;

/// <summary>
/// A household's state of charge as the pages show it: the stored energy (metered for the household) as a share of
/// the capacity of its batteries that are on, which the engine pools into one store.
/// </summary>
internal static class BatteryCharge
{
    /// <summary>The summed capacity (kWh) of the household's switched-on batteries, read through the scenario reader.</summary>
    public static async Task<double> CapacityOnKwhAsync(PlatformDbContext db, long householdId, CancellationToken cancel)
    {
        var on = await db.Batteries.AsNoTracking().Where(b => b.HouseholdId == householdId && b.IsOn).ToListAsync(cancel);
        // Specs were validated by the same reader when stored, so reading them back cannot fail.
        return on.Sum(b => DeviceJson.ReadBattery(CommunityScenario.Element(CommunityScenario.DeviceJson(b).ToJsonString()), "", new ValidationErrors())?.CapacityKwh
            ?? throw new InvalidOperationException($"stored battery {b.Id} no longer reads as a battery"));
    }

    /// <summary>Stored energy in percent of the capacity (clamped to 0…100); null without a battery that is on.</summary>
    public static double? Percent(double storedKwh, double capacityKwh) => capacityKwh > 0 ? Math.Clamp(100 * storedKwh / capacityKwh, 0, 100) : null;
}
