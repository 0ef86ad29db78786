using Microsoft.EntityFrameworkCore;
using PeerGrid.Domain;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Persistence.Platform;
using PeerGrid.Web.Clock;

namespace PeerGrid.Web.Operator;

/// <summary>
/// The operator's clock commands: the REST API (<see cref="ClockApi"/>) and the Clock page both come here, so both
/// read the same state and refuse the same speeds with the same messages.
/// </summary>
internal static class ClockCommands
{
    public const double MinSecondsPerSlot = 0.05;
    public const double MaxSecondsPerSlot = 3600;

    /// <summary>The clock of the (first) community: running, speed, last settled slot.</summary>
    public static async Task<ClockView> ViewAsync(PlatformDbContext db, CancellationToken cancel) =>
        await ViewAsync(db, await ClockApi.CommunityAsync(db, cancel), cancel);

    public static async Task<ClockView> ViewAsync(PlatformDbContext db, CommunityRecord c, CancellationToken cancel)
    {
        SettledSlotRecord? last = await db.SettledSlots.AsNoTracking().Where(s => s.CommunityId == c.Id).OrderByDescending(s => s.Slot).FirstOrDefaultAsync(cancel);
        return new ClockView(c.Id, c.ClockRunning, c.SecondsPerSlot, last?.Slot, (last?.Slot ?? -1) + 1, last?.StartUtc, c.EpochDate, c.ConfigVersion);
    }

    /// <summary>Starts (<paramref name="running"/> true) or pauses the clock; the clock's state afterwards.</summary>
    public static async Task<ClockView> SetRunningAsync(PlatformDbContext db, MarketClock clock, bool running, CancellationToken cancel)
    {
        CommunityRecord c = await ClockApi.CommunityAsync(db, cancel);
        await clock.SetRunningAsync(c.Id, running, cancel);
        // The clock wrote through its own scope: forget the stale copy before reading the state back.
        db.ChangeTracker.Clear();
        return await ViewAsync(db, cancel);
    }

    /// <summary>Settles the next slot now, running or not; null when there is nothing to settle.</summary>
    public static async Task<SettledSlot?> StepAsync(PlatformDbContext db, MarketClock clock, CancellationToken cancel)
    {
        CommunityRecord c = await ClockApi.CommunityAsync(db, cancel);
        return await clock.StepAsync(c.Id, cancel);
    }

    /// <summary>
    /// Sets the wall-clock seconds one slot takes (<see cref="MinSecondsPerSlot"/> … <see cref="MaxSecondsPerSlot"/>);
    /// the errors (field "secondsPerSlot") with nothing written when it is out of range.
    /// </summary>
    public static async Task<CommandResult<ClockView>> SetSpeedAsync(PlatformDbContext db, double secondsPerSlot, CancellationToken cancel)
    {
        var errors = new ValidationErrors();
        CheckSpeed(secondsPerSlot, errors);
        if (!errors.IsEmpty)
        {
            return CommandResult<ClockView>.Refused(errors);
        }
        CommunityRecord c = await ClockApi.CommunityAsync(db, cancel);
        c.SecondsPerSlot = secondsPerSlot;
        await db.SaveChangesAsync(cancel);
        return CommandResult<ClockView>.Done(await ViewAsync(db, c, cancel));
    }

    private static void CheckSpeed(double seconds, ValidationErrors errors)
    {
        if (!(seconds >= MinSecondsPerSlot && seconds <= MaxSecondsPerSlot))
        {
            errors.Add("secondsPerSlot", $"{seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} is outside {MinSecondsPerSlot} … {MaxSecondsPerSlot}", "give the wall-clock seconds one slot takes, e.g. 5");
        }
    }
}
