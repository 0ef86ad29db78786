using PeerGrid.Simulation.Time;

namespace PeerGrid.Simulation.Profiles;

/// <summary>A piece of one slot on a profile's time line: minutes from the run's start, and its length.</summary>
internal readonly record struct SlotSegment(int Slot, double StartMinutes, double LengthMinutes);

/// <summary>
/// Where each slot of a run falls on the time line a profile is read along: elapsed time, or local wall-clock
/// time. On the wall clock a slot is one segment, or two when a UTC-offset change falls inside it; across a
/// spring change the wall clock skips an hour, across an autumn change it repeats one.
/// </summary>
internal static class SlotSegments
{
    /// <summary>Each slot as elapsed minutes since the run's start (one segment per slot).</summary>
    public static IEnumerable<SlotSegment> Elapsed(SlotCalendar calendar)
    {
        for (int slot = 0; slot < calendar.SlotCount; slot++)
        {
            yield return new SlotSegment(slot, (double)slot * calendar.SlotMinutes, calendar.SlotMinutes);
        }
    }

    /// <summary>Each slot as local wall-clock minutes since the run's local start.</summary>
    public static IEnumerable<SlotSegment> WallClock(SlotCalendar calendar)
    {
        TimeZoneInfo zone = calendar.TimeZone;
        int length = calendar.SlotMinutes;
        DateTime runStartLocal = WallTime(calendar.StartUtc, zone.GetUtcOffset(calendar.StartUtc));
        for (int slot = 0; slot < calendar.SlotCount; slot++)
        {
            DateTimeOffset startUtc = calendar.SlotStartUtc(slot);
            TimeSpan offset = zone.GetUtcOffset(startUtc);
            double start = (WallTime(startUtc, offset) - runStartLocal).TotalMinutes;
            if (zone.GetUtcOffset(startUtc.AddMinutes(length).AddTicks(-1)) == offset)
            {
                yield return new SlotSegment(slot, start, length);
                continue;
            }
            // Offsets change on whole minutes in practice; find the first minute of the slot under the new one.
            int minute = 1;
            while (minute < length && zone.GetUtcOffset(startUtc.AddMinutes(minute)) == offset)
            {
                minute++;
            }
            TimeSpan jump = zone.GetUtcOffset(startUtc.AddMinutes(minute)) - offset;
            yield return new SlotSegment(slot, start, minute);
            if (minute < length)
            {
                yield return new SlotSegment(slot, start + minute + jump.TotalMinutes, length - minute);
            }
        }
    }

    /// <summary>The local wall-clock time (as an unspecified-kind DateTime) of an instant under an offset.</summary>
    public static DateTime WallTime(DateTimeOffset instant, TimeSpan offset) =>
        DateTime.SpecifyKind(instant.UtcDateTime + offset, DateTimeKind.Unspecified);
}
