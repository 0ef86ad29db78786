using static PeerGrid.Simulation.Profiles.ProfileCsvErrors;

namespace PeerGrid.Simulation.Profiles;

/// <summary>
/// Checks that a file's times are evenly spaced, in order and without duplicates, and that a one-day (hh:mm)
/// file covers exactly 00:00 … 24:00. The step is the spacing of the first two rows.
/// </summary>
internal static class ProfileTimeAxis
{
    private const long TicksPerDay = TimeSpan.TicksPerDay;

    /// <summary>Returns the step (1 … <see cref="ProfileCsvReader.MaxStepMinutes"/> whole minutes) or throws naming the first bad line.</summary>
    public static TimeSpan Check(IReadOnlyList<ProfileCsvRow> rows, string source)
    {
        long step = rows[1].Time.AxisTicks - rows[0].Time.AxisTicks;
        CheckOrder(rows[0], rows[1], source);
        if (step % TimeSpan.TicksPerMinute != 0 || step > ProfileCsvReader.MaxStepMinutes * TimeSpan.TicksPerMinute)
        {
            throw new ProfileFormatException(source, rows[1].Line,
                Invariant($"the first two rows (lines {rows[0].Line} and {rows[1].Line}) are {StepText(step)} apart"),
                Invariant($"the step must be a whole number of minutes from 1 to {ProfileCsvReader.MaxStepMinutes}; resample the file"));
        }
        for (int i = 2; i < rows.Count; i++)
        {
            ProfileCsvRow previous = rows[i - 1];
            ProfileCsvRow row = rows[i];
            CheckOrder(previous, row, source);
            long expected = previous.Time.AxisTicks + step;
            long found = row.Time.AxisTicks;
            if (found == expected)
            {
                continue;
            }
            string problem = $"expected {previous.Time.FormatAxis(expected)} after {previous.TimeText} but found {row.TimeText}";
            string fix = found > expected
                ? "fill the missing rows"
                : Invariant($"the rows must be evenly spaced, every {StepText(step)} like the first two (lines {rows[0].Line} and {rows[1].Line})");
            if (row.Time.Style == TimestampStyle.WallClock && Math.Abs(found - expected) == TimeSpan.TicksPerHour)
            {
                fix += ", or, if the clock changed for daylight-saving time, write the UTC offset on every timestamp (e.g. 2025-03-30T03:00+02:00)";
            }
            throw new ProfileFormatException(source, row.Line, problem, fix);
        }
        if (rows[0].Time.Style == TimestampStyle.TimeOfDay)
        {
            CheckCoversOneDay(rows, step, source);
        }
        return TimeSpan.FromTicks(step);
    }

    private static void CheckOrder(ProfileCsvRow previous, ProfileCsvRow row, string source)
    {
        long previousTicks = previous.Time.AxisTicks;
        long ticks = row.Time.AxisTicks;
        if (ticks == previousTicks)
        {
            throw new ProfileFormatException(source, row.Line,
                Invariant($"{row.TimeText} appears twice (lines {previous.Line} and {row.Line})"),
                "remove one of the rows");
        }
        if (ticks > previousTicks)
        {
            return;
        }
        if (row.Time.Style == TimestampStyle.TimeOfDay && ticks == DateTime.MinValue.Ticks)
        {
            throw new ProfileFormatException(source, row.Line,
                $"{row.TimeText} follows {previous.TimeText}, but a hh:mm profile covers a single day",
                "for several days write a date on every row (e.g. 2025-07-01T00:00), or remove the repeated rows");
        }
        string fix = row.Time.Style == TimestampStyle.WallClock && previousTicks - ticks < TimeSpan.TicksPerHour
            ? "sort the rows by time, or, if the clock went back for daylight-saving time, write the UTC offset on every timestamp (e.g. 2025-10-26T02:00+01:00)"
            : "sort the rows by time";
        throw new ProfileFormatException(source, row.Line, $"{row.TimeText} comes after {previous.TimeText}", fix);
    }

    private static void CheckCoversOneDay(IReadOnlyList<ProfileCsvRow> rows, long step, string source)
    {
        ProfileCsvRow first = rows[0];
        if (first.Time.AxisTicks != DateTime.MinValue.Ticks)
        {
            throw new ProfileFormatException(source, first.Line,
                $"a one-day (hh:mm) profile must start at 00:00, but this one starts at {first.TimeText}",
                "add the rows from 00:00, or write a date on every row");
        }
        ProfileCsvRow last = rows[^1];
        long end = last.Time.AxisTicks - first.Time.AxisTicks + step;
        if (end == TicksPerDay)
        {
            return;
        }
        string problem = Invariant($"the one-day (hh:mm) profile's {rows.Count} rows of {StepText(step)} end at {end / TimeSpan.TicksPerHour:00}:{end % TimeSpan.TicksPerHour / TimeSpan.TicksPerMinute:00}, not at 24:00");
        string fix = end < TicksPerDay
            ? $"add the rows up to {first.Time.FormatAxis(first.Time.AxisTicks + TicksPerDay - step)}"
            : "use a step that divides the day (e.g. 15 or 60 minutes)";
        throw new ProfileFormatException(source, last.Line, problem, fix);
    }

    private static string StepText(long stepTicks) => stepTicks % TimeSpan.TicksPerMinute == 0
        ? Invariant($"{stepTicks / TimeSpan.TicksPerMinute} min")
        : Invariant($"{(double)stepTicks / TimeSpan.TicksPerSecond} s");
}
