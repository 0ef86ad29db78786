using System.Text.Json;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Scenarios.Json;

namespace PeerGrid.Simulation.Scenarios.Reading;

/// <summary>Local times of day ("hh:mm", 00:00 … 24:00) and {from, to} windows, shared by usage patterns and tariffs.</summary>
internal static class TimeFields
{
    public const string Fix = "write the time as \"hh:mm\" from \"00:00\" to \"24:00\", e.g. \"17:30\"";

    public static MinuteOfDay? RequiredTime(this ObjectReader r, string name, string example)
    {
        string? text = r.RequiredString(name, example);
        if (text is null)
        {
            return null;
        }
        if (MinuteOfDay.TryParse(text, out MinuteOfDay value))
        {
            return value;
        }
        r.Error(name, $"'{text}' is not a time of day", Fix);
        return null;
    }

    /// <summary>A {"from": "hh:mm", "to": "hh:mm"} object; "to" before "from" crosses midnight.</summary>
    public static TimeWindow? Window(JsonElement e, string path, ValidationErrors errors)
    {
        ObjectReader? r = ObjectReader.Open(e, path, errors, "a time window");
        if (r is null)
        {
            return null;
        }
        MinuteOfDay? from = r.RequiredTime("from", "\"17:00\"");
        MinuteOfDay? to = r.RequiredTime("to", "\"19:00\"");
        r.Finish();
        return from is { } f && to is { } t ? new TimeWindow(f, t) : null;
    }

    /// <summary>A list of windows; null if absent (so the caller can apply its default) or if any window is invalid.</summary>
    public static IReadOnlyList<TimeWindow>? Windows(this ObjectReader r, string name)
    {
        if (!r.TryGetArray(name, out JsonElement array, "[{ \"from\": \"17:00\", \"to\": \"19:00\" }]"))
        {
            return null;
        }
        var windows = new List<TimeWindow>();
        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (Window(item, $"{r.At(name)}[{i++}]", r.Errors) is { } w)
            {
                windows.Add(w);
            }
            else
            {
                r.Fail();
            }
        }
        return windows;
    }
}
