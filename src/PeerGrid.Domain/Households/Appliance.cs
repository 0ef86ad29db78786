namespace PeerGrid.Domain.Households;

/// <summary>
/// An electrical load. <see cref="RatedPowerKw"/> is the draw while running (kW, ≥ 0).
/// Switched off, it consumes nothing. <see cref="Kind"/> is a free label ("fridge", "ev-charger").
/// </summary>
public sealed record Appliance(string Name, string Kind, double RatedPowerKw, bool IsOn, UsagePattern Usage)
{
    public void Validate(string path, ValidationErrors errors)
    {
        errors.NotBlank($"{path}.name", Name, "appliance name");
        errors.NonNegative($"{path}.ratedPowerKw", RatedPowerKw, "kW");
        if (RatedPowerKw > 100)
        {
            errors.Add($"{path}.ratedPowerKw", $"{RatedPowerKw} kW is more than a household connection carries", "give the rating in kW, not W (e.g. 2.0 for a 2,000 W kettle)");
        }
        Usage.Validate($"{path}.usage", errors);
    }
}

/// <summary>When an appliance runs.</summary>
public abstract record UsagePattern
{
    public abstract void Validate(string path, ValidationErrors errors);
}

/// <summary>
/// Runs all day, cycling: on for <see cref="DutyCycle"/> of every <see cref="PeriodMinutes"/> (a fridge
/// compressor: 0.35 of 60 min). Energy per day = rated power × 24 h × duty cycle.
/// </summary>
public sealed record AlwaysOnUsage(double DutyCycle, int PeriodMinutes = 60) : UsagePattern
{
    public override void Validate(string path, ValidationErrors errors)
    {
        errors.Fraction($"{path}.dutyCycle", DutyCycle);
        errors.Range($"{path}.periodMinutes", PeriodMinutes, 1, 1440, "minutes");
    }
}

/// <summary>A local time window [Start, End); End before Start wraps past midnight (22:00–02:00).</summary>
public sealed record TimeWindow(MinuteOfDay Start, MinuteOfDay End)
{
    public int LengthMinutes => End.Value > Start.Value ? End.Value - Start.Value : End.Value + MinuteOfDay.MinutesPerDay - Start.Value;
}

/// <summary>On at rated power inside its windows: separate lists for weekdays and weekends (lighting, TV, cooking).</summary>
public sealed record TimeWindowUsage(IReadOnlyList<TimeWindow> Weekday, IReadOnlyList<TimeWindow> Weekend) : UsagePattern
{
    public override void Validate(string path, ValidationErrors errors)
    {
        Check($"{path}.weekday", Weekday, errors);
        Check($"{path}.weekend", Weekend, errors);
    }

    private static void Check(string path, IReadOnlyList<TimeWindow> windows, ValidationErrors errors)
    {
        for (int i = 0; i < windows.Count; i++)
        {
            if (windows[i].Start == windows[i].End)
            {
                errors.Add($"{path}[{i}]", "start and end are equal, so the window is empty", "give an end time after the start time");
            }
        }
    }
}

/// <summary>
/// A job that must run once on each active day for <see cref="RunMinutes"/> minutes, starting no earlier
/// than <see cref="EarliestStart"/> and finishing by <see cref="Deadline"/> (a deadline before the earliest
/// start means the next morning: an EV plugged in at 18:00, needed at 07:00). When it starts is the
/// household's <see cref="DeferrablePolicy"/>. <see cref="Days"/> lists active days as a bit mask,
/// bit 0 = Monday … bit 6 = Sunday (127 = every day).
/// </summary>
public sealed record DeferrableUsage(int RunMinutes, MinuteOfDay EarliestStart, MinuteOfDay Deadline, int Days = 127) : UsagePattern
{
    public int WindowMinutes => Deadline.Value > EarliestStart.Value ? Deadline.Value - EarliestStart.Value : Deadline.Value + MinuteOfDay.MinutesPerDay - EarliestStart.Value;

    public bool RunsOn(DayOfWeek day) => (Days & (1 << (((int)day + 6) % 7))) != 0;

    public override void Validate(string path, ValidationErrors errors)
    {
        errors.Range($"{path}.runMinutes", RunMinutes, 1, 1440, "minutes");
        if (RunMinutes > WindowMinutes)
        {
            errors.Add($"{path}.runMinutes", $"the job runs {RunMinutes} min but its window {EarliestStart}–{Deadline} is only {WindowMinutes} min", "shorten the run or widen the window between earliestStart and deadline");
        }
        if (Days is < 1 or > 127)
        {
            errors.Add($"{path}.days", "must name at least one day", "list days such as [\"mon\", \"thu\"] or leave it out for every day");
        }
    }
}

/// <summary>Follows a measured profile (kWh per slot after resampling), scaled by <see cref="Scale"/>; the rated power is informational.</summary>
public sealed record ProfileUsage(string ProfileId, double Scale = 1.0) : UsagePattern
{
    public override void Validate(string path, ValidationErrors errors)
    {
        errors.NotBlank($"{path}.profile", ProfileId, "profile name");
        errors.NonNegative($"{path}.scale", Scale, "(a multiplier)");
    }
}
