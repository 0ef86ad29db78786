using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Domain;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Persistence.Platform;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Components.Pages.Devices;

/// <summary>The logged-in user's devices of one kind with their specs read back into domain records, and their household's meter.</summary>
internal static class OwnDevices
{
    public static async Task<OwnDeviceList<T, TSpec>?> LoadAsync<T, TSpec>(PlatformDbContext db, ClaimsPrincipal user, Func<PlatformDbContext, DbSet<T>> set,
        Func<JsonElement, string, ValidationErrors, TSpec?> read, CancellationToken cancel)
        where T : DeviceRecord
        where TSpec : class
    {
        if (await CurrentUser.HouseholdIdAsync(db, user, cancel) is not { } householdId)
        {
            return null;
        }
        List<T> records = await set(db).AsNoTracking().Where(d => d.HouseholdId == householdId).OrderBy(d => d.Id).ToListAsync(cancel);
        HouseholdMeter meter = await HouseholdMeter.LoadAsync(db, householdId, cancel);
        // Specs were validated by the same readers when they were stored, so reading them back cannot fail.
        List<OwnDevice<T, TSpec>> devices = [.. records.Select(r => new OwnDevice<T, TSpec>(r,
            read(CommunityScenario.Element(CommunityScenario.DeviceJson(r).ToJsonString()), "", new ValidationErrors())
                ?? throw new InvalidOperationException($"stored device {r.Id} no longer reads as a {typeof(TSpec).Name}")))];
        return new OwnDeviceList<T, TSpec>(householdId, meter, devices);
    }
}

internal sealed record OwnDevice<T, TSpec>(T Record, TSpec Spec);

internal sealed record OwnDeviceList<T, TSpec>(long HouseholdId, HouseholdMeter Meter, IReadOnlyList<OwnDevice<T, TSpec>> Devices);
