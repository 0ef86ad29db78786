using PeerGrid.Domain;
using PeerGrid.Simulation.Time;

namespace PeerGrid.Simulation.Profiles;

/// <summary>
/// Turns profiles into per-slot energy on a run's <see cref="SlotCalendar"/>. Each slot gets the integral of the
/// profile's piecewise-constant power over the slot's interval, so energy is conserved whether the profile's
/// step is longer or shorter than a slot. The arrays are built once per distinct profile per run and shared by
/// every household using it (the engine multiplies by a per-household scale), so building them may allocate.
/// </summary>
public static class ProfileResampler
{
    private const double MinutesPerDay = 1440;

    /// <summary>kWh per slot (length <see cref="SlotCalendar.SlotCount"/>), the profile laid on the run by <see cref="Align"/>.</summary>
    public static double[] ToSlots(Profile profile, SlotCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(calendar);
        ProfileAlignment alignment = Align(profile, calendar);
        var integrator = new StepIntegrator(profile.EnergyKwh, profile.Step.TotalMinutes);
        IEnumerable<SlotSegment> segments = alignment.ByElapsedTime ? SlotSegments.Elapsed(calendar) : SlotSegments.WallClock(calendar);
        return Integrate(integrator, alignment.StartMinutes, segments, calendar.SlotCount);
    }

    /// <summary>
    /// kWh per slot of the BDEW H25 household profile for <paramref name="annualKwh"/> kWh/a: the table's
    /// quarter-hour for the slot's local month, day type and time of day, times the dynamisation factor of its
    /// local day of year, times a per-calendar-year scale (annualKwh ÷ the dynamised table summed over that year's
    /// days, 96 quarter-hours each), so a full local calendar year sums to annualKwh up to the hour that
    /// daylight-saving time skips in spring and repeats in autumn (≈ 0.01 %).
    /// </summary>
    public static double[] StandardH25(SlotCalendar calendar, double annualKwh)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Preconditions.NonNegative(annualKwh);
        DateTime runStartLocal = calendar.SlotStartLocal(0).DateTime;
        DateTime firstDay = runStartLocal.Date;
        // One day more than the run's last local date: the last slot may end past midnight.
        int days = (int)(calendar.SlotStartLocal(calendar.SlotCount - 1).DateTime.Date - firstDay).TotalDays + 2;
        double[] quarterHours = H25Series.Build(StandardProfiles.H25, firstDay, days, annualKwh);
        var integrator = new StepIntegrator(quarterHours, 15);
        return Integrate(integrator, (runStartLocal - firstDay).TotalMinutes, SlotSegments.WallClock(calendar), calendar.SlotCount);
    }

    /// <summary>
    /// How <paramref name="profile"/> is laid on the run. Daily profiles: by local time of day. Dated profiles: at
    /// the run's own dates when the profile covers the whole run, shifted by the fewest whole years needed (so a
    /// July 2021 profile serves a July 2025 run); otherwise repeated from its first step, entered at the first
    /// point whose time of day is the run's start time of day. Profiles whose timestamps carried a UTC offset are
    /// placed by instant and advance by elapsed time; the others by local wall-clock time.
    /// </summary>
    public static ProfileAlignment Align(Profile profile, SlotCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(calendar);
        double periodMinutes = CheckShape(profile);
        DateTime runStartLocal = calendar.SlotStartLocal(0).DateTime;
        if (profile.IsDaily)
        {
            return new ProfileAlignment(ProfileAlignmentKind.TimeOfDay, runStartLocal.TimeOfDay.TotalMinutes, 0, ByElapsedTime: false);
        }
        DateTime first = profile.FirstStepLocal!.Value;
        bool byInstant = profile.FirstStepUtcOffset is not null;
        // On the profile's own clock: UTC for profiles placed by instant, local wall-clock time otherwise.
        DateTime profileStart = byInstant ? first - profile.FirstStepUtcOffset!.Value : first;
        DateTime runStart = byInstant ? calendar.StartUtc.UtcDateTime : runStartLocal;
        DateTimeOffset runEndUtc = calendar.SlotStartUtc(calendar.SlotCount);
        DateTime runEnd = byInstant ? runEndUtc.UtcDateTime : TimeZoneInfo.ConvertTime(runEndUtc, calendar.TimeZone).DateTime;
        if (FindYearShift(profileStart, periodMinutes, runStart, runEnd) is { } shift)
        {
            double start = (runStart.AddYears(shift) - profileStart).TotalMinutes;
            return new ProfileAlignment(ProfileAlignmentKind.TimeOfYear, start, shift, ByElapsedTime: byInstant);
        }
        double intoDay = runStartLocal.TimeOfDay.TotalMinutes - first.TimeOfDay.TotalMinutes;
        double entry = ((intoDay % MinutesPerDay) + MinutesPerDay) % MinutesPerDay % periodMinutes;
        return new ProfileAlignment(ProfileAlignmentKind.Cyclic, entry, 0, ByElapsedTime: false);
    }

    private static double[] Integrate(StepIntegrator integrator, double startMinutes, IEnumerable<SlotSegment> segments, int slotCount)
    {
        double[] kwh = new double[slotCount];
        foreach (SlotSegment segment in segments)
        {
            kwh[segment.Slot] += integrator.Integrate(startMinutes + segment.StartMinutes, segment.LengthMinutes);
        }
        return kwh;
    }

    /// <summary>The whole-year shift, smallest first (earlier data on a tie), that puts the run inside the profile; null if none.</summary>
    private static int? FindYearShift(DateTime profileStart, double periodMinutes, DateTime runStart, DateTime runEnd)
    {
        DateTime profileEnd = profileStart.AddMinutes(periodMinutes);
        int furthest = Math.Max(Math.Abs(profileStart.Year - runStart.Year), Math.Abs(profileEnd.Year - runStart.Year)) + 1;
        for (int distance = 0; distance <= furthest; distance++)
        {
            foreach (int shift in distance == 0 ? [0] : new[] { -distance, distance })
            {
                int year = runStart.Year + shift;
                if (year is < 2 or > 9998)
                {
                    continue;
                }
                TimeSpan moved = runStart.AddYears(shift) - runStart;
                if (runStart + moved >= profileStart && runEnd + moved <= profileEnd)
                {
                    return shift;
                }
            }
        }
        return null;
    }

    private static double CheckShape(Profile profile)
    {
        double periodMinutes = profile.Duration.TotalMinutes;
        if (profile.EnergyKwh.Length == 0 || profile.Step <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Profile {profile.Id} has no steps.", nameof(profile));
        }
        if (profile.IsDaily && Math.Abs(periodMinutes - MinutesPerDay) > 1e-9)
        {
            throw new ArgumentException($"Daily profile {profile.Id} covers {periodMinutes} minutes; a daily profile must cover exactly 24 h.", nameof(profile));
        }
        if (!profile.IsDaily && profile.FirstStepLocal is null)
        {
            throw new ArgumentException($"Dated profile {profile.Id} has no first step time.", nameof(profile));
        }
        return periodMinutes;
    }
}
