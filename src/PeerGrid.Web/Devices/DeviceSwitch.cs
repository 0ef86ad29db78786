using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Devices;

/// <summary>
/// Switching a device on or off: the API's POST /api/me/{kind}/{id}/switch and the dashboard's switches both come
/// here. Scoped to the user's household; a change bumps the community's ConfigVersion in the same transaction, so the
/// clock simulates it from the next slot.
/// </summary>
internal static class DeviceSwitch
{
    /// <summary>The device after the switch, or null when the user has no such device (someone else's id included).</summary>
    public static async Task<T?> SetAsync<T>(PlatformDbContext db, ClaimsPrincipal user, Func<PlatformDbContext, DbSet<T>> set, long id, bool isOn, CancellationToken cancel)
        where T : DeviceRecord
    {
        HouseholdRecord? household = await CurrentUser.HouseholdAsync(db, user, cancel);
        if (household is null)
        {
            return null;
        }
        T? device = await set(db).SingleOrDefaultAsync(d => d.Id == id && d.HouseholdId == household.Id, cancel);
        if (device is null)
        {
            return null;
        }
        if (device.IsOn != isOn)
        {
            device.IsOn = isOn;
            await ConfigChanges.SaveAsync(db, household.CommunityId, cancel);
        }
        return device;
    }
}
