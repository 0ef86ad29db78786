using System.Text.Json;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Scenarios.Json;

namespace PeerGrid.Simulation.Scenarios.Reading;

/// <summary>An appliance's "usage": one of four patterns chosen by "type".</summary>
internal static class UsageReader
{
    public static readonly IReadOnlyList<string> Types = ["always-on", "time-windows", "deferrable", "profile"];

    /// <summary>Day names in bit order of <see cref="DeferrableUsage.Days"/> (bit 0 = Monday).</summary>
    public static readonly IReadOnlyList<string> DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static UsagePattern? Read(JsonElement e, string path, ValidationErrors errors, ProfileCatalog profiles)
    {
        ObjectReader? r = ObjectReader.Open(e, path, errors, "the usage");
        if (r is null)
        {
            return null;
        }
        string? type = r.OneOf("type", Types, required: true);
        UsagePattern? usage = type switch
        {
            "always-on" => AlwaysOn(r),
            "time-windows" => TimeWindows(r),
            "deferrable" => Deferrable(r),
            "profile" => Profile(r, profiles),
            _ => null,
        };
        if (type is null)
        {
            // Without a known type every other field would look unknown: one error is enough.
            return null;
        }
        r.Finish($" for usage type '{type}'");
        return r.Failed ? null : usage;
    }

    private static AlwaysOnUsage? AlwaysOn(ObjectReader r)
    {
        double? duty = r.RequiredNumber("dutyCycle", "0.35 (the fraction of each period the appliance runs)");
        int period = r.Int("periodMinutes", new AlwaysOnUsage(0).PeriodMinutes);
        return duty is { } d ? new AlwaysOnUsage(d, period) : null;
    }

    private static TimeWindowUsage TimeWindows(ObjectReader r)
    {
        IReadOnlyList<TimeWindow> weekday = r.Windows("weekday") ?? [];
        // Weekends follow weekdays unless given: most patterns are the same every day.
        IReadOnlyList<TimeWindow> weekend = r.Windows("weekend") ?? weekday;
        if (!r.Has("weekday") && !r.Has("weekend"))
        {
            r.Error("weekday", "the appliance has no time windows, so it would never run", "add \"weekday\": [{ \"from\": \"18:00\", \"to\": \"22:00\" }] (and \"weekend\" if different)");
        }
        return new TimeWindowUsage(weekday, weekend);
    }

    private static DeferrableUsage? Deferrable(ObjectReader r)
    {
        int? run = r.RequiredInt("runMinutes", "120");
        MinuteOfDay? earliest = r.RequiredTime("earliestStart", "\"18:00\"");
        MinuteOfDay? deadline = r.RequiredTime("deadline", "\"07:00\"");
        int days = Days(r);
        return run is { } m && earliest is { } s && deadline is { } d ? new DeferrableUsage(m, s, d, days) : null;
    }

    private static int Days(ObjectReader r)
    {
        if (!r.TryGetArray("days", out JsonElement array, "[\"mon\", \"thu\"]"))
        {
            return 127;
        }
        int mask = 0, i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            string path = $"{r.At("days")}[{i++}]";
            string? day = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            int bit = day is null ? -1 : IndexOf(DayNames, day);
            if (bit < 0)
            {
                string got = day is null ? JsonText.Describe(item) : $"'{day}'";
                r.Errors.Add(path, $"{got} is not a day", $"{(day is null ? "" : Suggestions.DidYouMean(day, DayNames))}use {Suggestions.List(DayNames)}");
                r.Fail();
                continue;
            }
            mask |= 1 << bit;
        }
        return mask;
    }

    private static ProfileUsage? Profile(ObjectReader r, ProfileCatalog profiles)
    {
        string? id = r.RequiredString("profile", "\"ev-load\" (an id declared under \"profiles\")");
        double scale = r.Number("scale", new ProfileUsage("").Scale);
        if (id is not null)
        {
            profiles.CheckReference(id, r.At("profile"), r);
        }
        return id is null ? null : new ProfileUsage(id, scale);
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }
        return -1;
    }
}
