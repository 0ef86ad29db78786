using System.Security.Claims;
using System.Text.Json;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Persistence.Platform;
using PeerGrid.Simulation.Scenarios;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.MyHousehold;

/// <summary>
/// My preferences in the scenario file's format, for the API (PUT /api/me/preferences) and the dashboard's My
/// Preferences: read by the scenario reader (its rules and messages), stored with a ConfigVersion bump so the clock
/// applies them from the next slot. Omitted fields take their defaults; bad input writes nothing.
/// </summary>
internal static class PreferencesCommands
{
    /// <summary>My preferences (defaults filled in), or null when the caller owns no household.</summary>
    public static async Task<Preferences?> LoadAsync(PlatformDbContext db, ClaimsPrincipal user, CancellationToken cancel)
    {
        HouseholdRecord? h = await CurrentUser.HouseholdAsync(db, user, cancel);
        return h is null ? null : DeviceJson.ReadPreferences(CommunityScenario.Element(h.PreferencesJson), "", new ValidationErrors()) ?? Preferences.Default;
    }

    /// <summary>
    /// Replaces my preferences with <paramref name="body"/>; the stored JSON when saved, null with <paramref name="errors"/>
    /// filled when refused, null with no errors when the caller owns no household.
    /// </summary>
    public static async Task<JsonElement?> SaveAsync(PlatformDbContext db, ClaimsPrincipal user, JsonElement body, ValidationErrors errors, CancellationToken cancel)
    {
        Preferences? preferences = DeviceJson.ReadPreferences(body, "", errors);
        if (!errors.IsEmpty)
        {
            return null;
        }
        HouseholdRecord? h = await CurrentUser.HouseholdAsync(db, user, cancel);
        if (h is null)
        {
            return null;
        }
        h.PreferencesJson = DeviceJson.Write(preferences!);
        await ConfigChanges.SaveAsync(db, h.CommunityId, cancel);
        return CommunityScenario.Element(h.PreferencesJson);
    }
}
