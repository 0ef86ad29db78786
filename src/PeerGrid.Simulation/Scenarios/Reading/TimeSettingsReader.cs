using System.Globalization;
using System.Text.Json;
using PeerGrid.Simulation.Scenarios.Json;

namespace PeerGrid.Simulation.Scenarios.Reading;

/// <summary>The run's time axis as written: local start, IANA time zone, horizon and slot length.</summary>
internal sealed record TimeSettings(DateTime StartLocal, string TimeZoneId, int SlotMinutes, double? HorizonDays, double? HorizonHours);

/// <summary>Reads and checks "start", "timeZone", "horizon" and "slotMinutes".</summary>
internal static class TimeSettingsReader
{
    public const int DefaultSlotMinutes = 15;

    /// <summary>50 years, the longest horizon accepted.</summary>
    public const double MaxHorizonDays = 50 * 365.25;

    /// <summary>SlotCalendar's own ceiling; checked here so a run never fails after loading.</summary>
    public const long MaxSlots = 20_000_000;

    private static readonly string[] StartFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    public static TimeSettings? Read(ObjectReader root)
    {
        DateTime? start = Start(root);
        TimeZoneInfo? zone = Zone(root);
        int slot = SlotMinutes(root);
        (double? days, double? hours) = Horizon(root, slot);
        if (start is not { } s || zone is null || (days ?? hours) is null)
        {
            return null;
        }
        if (zone.IsInvalidTime(s))
        {
            root.Error("start", $"{s:yyyy-MM-dd'T'HH:mm} does not exist in {zone.Id}: the clocks skip that hour when daylight saving time begins", "start at a time outside the skipped hour, e.g. an hour later");
            return null;
        }
        return new TimeSettings(s, zone.Id, slot, days, hours);
    }

    private static DateTime? Start(ObjectReader root)
    {
        string? text = root.RequiredString("start", "\"2025-06-01T00:00\" (local time in timeZone)");
        if (text is null)
        {
            return null;
        }
        if (DateTime.TryParseExact(text, StartFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local))
        {
            return local;
        }
        bool hasOffset = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > 10);
        root.Error(
            "start",
            hasOffset ? $"'{text}' carries a UTC offset, but the start is local wall-clock time" : $"'{text}' is not a date and time",
            hasOffset ? "drop the offset (e.g. \"2025-06-01T00:00\"); the time zone comes from \"timeZone\"" : "write \"yyyy-MM-ddTHH:mm\", e.g. \"2025-06-01T00:00\"");
        return null;
    }

    private static TimeZoneInfo? Zone(ObjectReader root)
    {
        string? id = root.RequiredString("timeZone", "\"Europe/Berlin\" (an IANA time zone id)");
        if (id is null)
        {
            return null;
        }
        if (id.Length > 0 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out TimeZoneInfo? zone))
        {
            return zone;
        }
        root.Error("timeZone", $"unknown time zone '{id}'", $"{ZoneHint(id)}use an IANA time zone id such as \"Europe/Berlin\", \"Africa/Lagos\" or \"Asia/Karachi\"");
        return null;
    }

    /// <summary>"Berlin" → "Europe/Berlin"; "Europe/Berln" → "Europe/Berlin"; otherwise nothing.</summary>
    private static string ZoneHint(string id)
    {
        string[] ids = [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id)];
        string? byCity = ids.FirstOrDefault(z => z.EndsWith("/" + id.Replace(' ', '_'), StringComparison.OrdinalIgnoreCase));
        return byCity is not null ? $"did you mean '{byCity}'? " : Suggestions.DidYouMean(id, ids);
    }

    private static int SlotMinutes(ObjectReader root)
    {
        int? slot = root.Int("slotMinutes", "15");
        if (slot is not { } s)
        {
            return DefaultSlotMinutes;
        }
        if (s is < 1 or > 60 || MinutesPerDay % s != 0)
        {
            root.Error("slotMinutes", $"{s} minutes does not divide a day into whole slots within 1 … 60 minutes", $"use one of {string.Join(", ", Divisors())}");
            return DefaultSlotMinutes;
        }
        return s;
    }

    private static (double? Days, double? Hours) Horizon(ObjectReader root, int slotMinutes)
    {
        if (!root.TryGetRequired("horizon", "{ \"days\": 7 } or { \"hours\": 48 }", out JsonElement e))
        {
            return (null, null);
        }
        ObjectReader? r = ObjectReader.Open(e, "horizon", root.Errors, "the horizon");
        if (r is null)
        {
            root.Fail();
            return (null, null);
        }
        double? days = r.Number("days", "7");
        double? hours = r.Number("hours", "48");
        r.Finish();
        if (r.Failed)
        {
            root.Fail();
            return (null, null);
        }
        if ((days is null) == (hours is null))
        {
            root.Error("horizon", days is null ? "gives neither days nor hours" : "gives both days and hours", "give exactly one: { \"days\": 7 } or { \"hours\": 48 }");
            return (null, null);
        }
        string name = days is null ? "hours" : "days";
        double value = days ?? hours!.Value;
        double max = days is null ? MaxHorizonDays * 24 : MaxHorizonDays;
        if (value <= 0 || value > max)
        {
            root.Error($"horizon.{name}", $"must be more than 0 and at most {max.ToString(CultureInfo.InvariantCulture)} {name} (50 years), got {value.ToString(CultureInfo.InvariantCulture)}", $"give a horizon between a slot and 50 years");
            return (null, null);
        }
        // One spare hour covers a daylight-saving day inside the horizon.
        double minutes = (days is { } d ? d * MinutesPerDay : value * 60) + 60;
        if (minutes / slotMinutes > MaxSlots)
        {
            root.Error($"horizon.{name}", $"the run would have about {Math.Round(minutes / slotMinutes).ToString("N0", CultureInfo.InvariantCulture)} slots, more than the {MaxSlots.ToString("N0", CultureInfo.InvariantCulture)} supported", "use longer slots (slotMinutes) or a shorter horizon");
            return (null, null);
        }
        return (days, hours);
    }

    private const int MinutesPerDay = 1440;

    private static IEnumerable<int> Divisors() => Enumerable.Range(1, 60).Where(m => MinutesPerDay % m == 0);
}
