namespace PeerGrid.Domain.Households;

/// <summary>A local wall-clock time of day in whole minutes, 0 (00:00) … 1440 (24:00, the end of a day).</summary>
public readonly record struct MinuteOfDay(int Value)
{
    public const int MinutesPerDay = 1440;

    public static MinuteOfDay FromHoursMinutes(int hours, int minutes) => new((hours * 60) + minutes);

    /// <summary>Parses "hh:mm" (00:00 … 24:00); returns false on anything else.</summary>
    public static bool TryParse(string? text, out MinuteOfDay value)
    {
        value = default;
        if (text is null || text.Length is < 4 or > 5)
        {
            return false;
        }
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1
            || !int.TryParse(text.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int h)
            || !int.TryParse(text.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int m)
            || text.Length - colon - 1 != 2 || m > 59 || h > 24 || (h == 24 && m != 0))
        {
            return false;
        }
        value = FromHoursMinutes(h, m);
        return true;
    }

    public override string ToString() => $"{Value / 60:00}:{Value % 60:00}";
}

/// <summary>Which days a rule applies to. Weekend = Saturday and Sunday (public holidays are not modelled).</summary>
public enum DayKind
{
    Weekday,
    Weekend,
}
