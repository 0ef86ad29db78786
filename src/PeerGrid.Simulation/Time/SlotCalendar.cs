using PeerGrid.Domain.Households;

namespace PeerGrid.Simulation.Time;

/// <summary>
/// The run's time axis: <see cref="SlotCount"/> slots of <see cref="SlotMinutes"/> minutes from
/// <see cref="StartUtc"/>, with each slot's local calendar facts precomputed once, so the hot loop only
/// indexes arrays. Local time follows <see cref="TimeZone"/>: a spring daylight-saving day has 92
/// quarter-hours, an autumn one 100. A slot's local facts are those of its start instant.
/// </summary>
public sealed class SlotCalendar
{
    private SlotCalendar(DateTimeOffset startUtc, int slotMinutes, int slotCount, TimeZoneInfo timeZone)
    {
        StartUtc = startUtc;
        SlotMinutes = slotMinutes;
        SlotCount = slotCount;
        TimeZone = timeZone;
        LocalMinuteOfDay = new short[slotCount];
        DayKinds = new DayKind[slotCount];
        DaysOfWeek = new DayOfWeek[slotCount];
        LocalDayIndex = new int[slotCount];
        Month = new byte[slotCount];
        DayOfYear = new short[slotCount];
        DayStarts = [];
        Fill();
    }

    public DateTimeOffset StartUtc { get; }
    public int SlotMinutes { get; }
    public int SlotCount { get; }
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Slot length in hours (0.25 for 15-minute slots).</summary>
    public double SlotHours => SlotMinutes / 60.0;

    /// <summary>Local minute of day (0 … 1439) at each slot's start.</summary>
    public short[] LocalMinuteOfDay { get; }

    public DayKind[] DayKinds { get; }
    public DayOfWeek[] DaysOfWeek { get; }

    /// <summary>Local calendar day of each slot, counted from 0 at the run's first local date.</summary>
    public int[] LocalDayIndex { get; }

    /// <summary>Local month, 1 … 12.</summary>
    public byte[] Month { get; }

    /// <summary>Local day of year, 1 … 366.</summary>
    public short[] DayOfYear { get; }

    /// <summary>Index of the first slot of each local day (ascending; DayStarts[LocalDayIndex[s]] ≤ s).</summary>
    public int[] DayStarts { get; private set; }

    public int DayCount => DayStarts.Length;

    /// <summary>The slot after local day <paramref name="day"/>'s last: the next day's first, or <see cref="SlotCount"/>.</summary>
    public int DayEnd(int day) => day + 1 < DayStarts.Length ? DayStarts[day + 1] : SlotCount;

    public DateTimeOffset SlotStartUtc(int slot) => StartUtc.AddMinutes((double)slot * SlotMinutes);

    public DateTimeOffset SlotStartLocal(int slot) => TimeZoneInfo.ConvertTime(SlotStartUtc(slot), TimeZone);

    /// <summary>
    /// A calendar from a local start, a horizon in local days (the horizon ends at local midnight
    /// <paramref name="days"/> days later, so DST days keep their true length) or in hours.
    /// An ambiguous local start (the repeated autumn hour) is read as the earlier, daylight-time instant;
    /// a start inside the spring gap is rejected.
    /// </summary>
    public static SlotCalendar Create(DateTime startLocal, TimeZoneInfo timeZone, int slotMinutes, double? days, double? hours)
    {
        if (slotMinutes is < 1 or > 60)
        {
            throw new ArgumentOutOfRangeException(nameof(slotMinutes), slotMinutes, "Slot length must be 1 … 60 minutes.");
        }
        DateTime local = DateTime.SpecifyKind(startLocal, DateTimeKind.Unspecified);
        if (timeZone.IsInvalidTime(local))
        {
            throw new ArgumentException($"Local start {local:yyyy-MM-ddTHH:mm} does not exist in {timeZone.Id} (clocks skip it).", nameof(startLocal));
        }
        DateTimeOffset startUtc = ToUtc(local, timeZone);
        DateTimeOffset endUtc;
        if (days is { } d)
        {
            DateTime endLocal = local.AddDays(d);
            endUtc = timeZone.IsInvalidTime(endLocal) ? startUtc.AddDays(d) : ToUtc(endLocal, timeZone);
        }
        else if (hours is { } h)
        {
            endUtc = startUtc.AddHours(h);
        }
        else
        {
            throw new ArgumentException("Give a horizon in days or hours.");
        }
        double totalMinutes = (endUtc - startUtc).TotalMinutes;
        long count = (long)Math.Ceiling((totalMinutes / slotMinutes) - 1e-9);
        if (count < 1 || count > 20_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(days), count, "The horizon must hold 1 … 20,000,000 slots.");
        }
        return new SlotCalendar(startUtc, slotMinutes, (int)count, timeZone);
    }

    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo tz)
    {
        TimeSpan offset = tz.IsAmbiguousTime(local) ? tz.GetAmbiguousTimeOffsets(local).Max() : tz.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private void Fill()
    {
        var dayStarts = new List<int>();
        DateTime lastDate = DateTime.MinValue;
        for (int s = 0; s < SlotCount; s++)
        {
            DateTimeOffset utc = SlotStartUtc(s);
            DateTime local = TimeZoneInfo.ConvertTime(utc, TimeZone).DateTime;
            if (local.Date != lastDate)
            {
                lastDate = local.Date;
                dayStarts.Add(s);
            }
            LocalMinuteOfDay[s] = (short)((local.Hour * 60) + local.Minute);
            DaysOfWeek[s] = local.DayOfWeek;
            DayKinds[s] = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayKind.Weekend : DayKind.Weekday;
            LocalDayIndex[s] = dayStarts.Count - 1;
            Month[s] = (byte)local.Month;
            DayOfYear[s] = (short)local.DayOfYear;
        }
        DayStarts = [.. dayStarts];
    }
}
