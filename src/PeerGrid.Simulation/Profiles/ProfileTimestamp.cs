using System.Globalization;

namespace PeerGrid.Simulation.Profiles;

/// <summary>How a profile file writes its times; one file uses one style throughout.</summary>
internal enum TimestampStyle
{
    /// <summary><c>hh:mm</c>: a one-day profile.</summary>
    TimeOfDay,

    /// <summary>A date and time without offset: local wall-clock time.</summary>
    WallClock,

    /// <summary>A date and time with <c>Z</c> or <c>±hh:mm</c>: an instant.</summary>
    Instant,
}

/// <summary>One parsed time cell. <see cref="Local"/> is the time as written (date 0001-01-01 for hh:mm).</summary>
internal readonly record struct ProfileTimestamp(TimestampStyle Style, DateTime Local, TimeSpan Offset)
{
    private static readonly string[] TimeOfDayFormats = ["H:mm", "H:mm:ss"];

    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    /// <summary>
    /// Position on the file's time axis in ticks: wall-clock ticks for hh:mm and offset-free times, UTC ticks for
    /// instants (so a file with offsets is evenly spaced across a daylight-saving change).
    /// </summary>
    public long AxisTicks => Style == TimestampStyle.Instant ? (Local - Offset).Ticks : Local.Ticks;

    /// <summary>Parses <c>hh:mm[:ss]</c> or an ISO 8601 date-time (<c>T</c> or space, optional <c>Z</c>/<c>±hh:mm</c>/<c>±hhmm</c>/<c>±hh</c>).</summary>
    public static bool TryParse(string text, out ProfileTimestamp value)
    {
        value = default;
        if (text.Length <= 8)
        {
            if (TimeOnly.TryParseExact(text, TimeOfDayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out TimeOnly time))
            {
                value = new ProfileTimestamp(TimestampStyle.TimeOfDay, DateTime.MinValue + time.ToTimeSpan(), TimeSpan.Zero);
                return true;
            }
            return false;
        }
        string body = text;
        TimeSpan? offset = null;
        if (text.EndsWith('Z') || text.EndsWith('z'))
        {
            body = text[..^1];
            offset = TimeSpan.Zero;
        }
        else
        {
            // The date's own '-' sit before index 10; a sign after the time starts the offset.
            int sign = text.IndexOfAny(['+', '-'], 11);
            if (sign > 0)
            {
                if (!TryParseOffset(text.AsSpan(sign), out TimeSpan parsed))
                {
                    return false;
                }
                body = text[..sign];
                offset = parsed;
            }
        }
        if (!DateTime.TryParseExact(body, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local))
        {
            return false;
        }
        value = offset is { } o
            ? new ProfileTimestamp(TimestampStyle.Instant, local, o)
            : new ProfileTimestamp(TimestampStyle.WallClock, local, TimeSpan.Zero);
        return true;
    }

    /// <summary>Formats a position on the axis of a file in this timestamp's style (offset: this one's).</summary>
    public string FormatAxis(long axisTicks)
    {
        DateTime local = Style == TimestampStyle.Instant ? new DateTime(axisTicks) + Offset : new DateTime(axisTicks);
        string seconds = local.Second != 0 || local.Millisecond != 0 ? ":ss" : string.Empty;
        return Style switch
        {
            TimestampStyle.TimeOfDay => local.ToString("HH:mm" + seconds, CultureInfo.InvariantCulture),
            TimestampStyle.WallClock => local.ToString("yyyy-MM-ddTHH:mm" + seconds, CultureInfo.InvariantCulture),
            _ => local.ToString("yyyy-MM-ddTHH:mm" + seconds, CultureInfo.InvariantCulture) + FormatOffset(Offset),
        };
    }

    private static string FormatOffset(TimeSpan offset) => offset == TimeSpan.Zero
        ? "Z"
        : (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    private static bool TryParseOffset(ReadOnlySpan<char> text, out TimeSpan offset)
    {
        offset = default;
        int sign = text[0] == '-' ? -1 : 1;
        ReadOnlySpan<char> digits = text[1..];
        if (digits.Length == 5 && digits[2] == ':')
        {
            digits = string.Concat(digits[..2], digits[3..]);
        }
        if (digits.Length is not (2 or 4)
            || !int.TryParse(digits[..2], NumberStyles.None, CultureInfo.InvariantCulture, out int hours)
            || !TryParseMinutes(digits[2..], out int minutes)
            || hours > 14 || minutes > 59)
        {
            return false;
        }
        offset = sign * new TimeSpan(hours, minutes, 0);
        return true;
    }

    private static bool TryParseMinutes(ReadOnlySpan<char> digits, out int minutes)
    {
        minutes = 0;
        return digits.IsEmpty || int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out minutes);
    }
}
