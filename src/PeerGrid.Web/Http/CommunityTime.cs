using System.Globalization;
using PeerGrid.Persistence.Entities;

namespace PeerGrid.Web.Http;

/// <summary>
/// Slot numbers as the community's clock shows them. Slot 0 starts at local midnight of the community's epoch date and
/// slot n is n slot lengths later on the local wall clock, which is how the live platform numbers its days (a day is
/// every SlotsPerDay slots). Every page shows times in the community's time zone, never the server's.
/// </summary>
internal sealed class CommunityTime(DateOnly epochDate, int slotMinutes, TimeZoneInfo zone)
{
    public int SlotMinutes { get; } = slotMinutes;

    public int SlotsPerDay => 1440 / SlotMinutes;

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The zone's id for labels, e.g. "Europe/Berlin".</summary>
    public string ZoneName => Zone.Id;

    public static CommunityTime Of(CommunityRecord community)
    {
        CommunitySettings settings = CommunitySettings.Read(community.SettingsJson);
        return new CommunityTime(community.EpochDate, settings.SlotMinutes, settings.Zone);
    }

    /// <summary>The slot's start on the community's wall clock.</summary>
    public DateTime LocalStart(long slot) => epochDate.ToDateTime(TimeOnly.MinValue).AddMinutes(checked(slot * SlotMinutes));

    /// <summary>The first slot of the local day that holds <paramref name="slot"/>.</summary>
    public long DayStart(long slot) => slot - (slot % SlotsPerDay);

    /// <summary>The slot that starts at the given local time (rounded down to a slot boundary).</summary>
    public long SlotAt(DateTime local) => (long)Math.Floor((local - epochDate.ToDateTime(TimeOnly.MinValue)).TotalMinutes / SlotMinutes);

    /// <summary>"Wed 3 Jun 14:15–14:30", the slot's span on the community's wall clock.</summary>
    public string Label(long slot)
    {
        DateTime start = LocalStart(slot);
        return string.Create(CultureInfo.InvariantCulture, $"{start:ddd d MMM HH:mm}–{start.AddMinutes(SlotMinutes):HH:mm}");
    }
}
