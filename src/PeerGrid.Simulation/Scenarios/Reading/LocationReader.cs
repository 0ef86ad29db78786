using System.Text.Json;
using PeerGrid.Domain;
using PeerGrid.Simulation.Scenarios.Json;

namespace PeerGrid.Simulation.Scenarios.Reading;

/// <summary>
/// "location": a preset name ("berlin"); or {"name", "latitude", "longitude"} with either a full "climate"
/// or a "climatePreset" whose climate is borrowed. Presets come from the caller (<see cref="ScenarioLoadContext.ResolveLocation"/>).
/// </summary>
internal static class LocationReader
{
    private static readonly Climate ClimateDefaults = new([], []);

    public static Location? Read(ObjectReader root, ScenarioLoadContext context)
    {
        if (!root.TryGetRequired("location", "\"berlin\" (a preset) or { \"name\", \"latitude\", \"longitude\", \"climatePreset\" }", out JsonElement e))
        {
            return null;
        }
        Location? location = e.ValueKind switch
        {
            JsonValueKind.String => Preset(e.GetString()!, "location", root.Errors, context),
            JsonValueKind.Object => Explicit(e, root.Errors, context),
            _ => null,
        };
        if (e.ValueKind is not (JsonValueKind.String or JsonValueKind.Object))
        {
            root.Error("location", $"expected a preset name or an object but got {JsonText.Describe(e)}", "write \"location\": \"berlin\" or an object with name, latitude, longitude and climate");
        }
        if (location is null)
        {
            root.Fail();
            return null;
        }
        int before = root.Errors.All.Count;
        location.Validate("location", root.Errors);
        return root.Errors.All.Count == before ? location : null;
    }

    private static Location? Preset(string name, string path, ValidationErrors errors, ScenarioLoadContext context)
    {
        if (name.Length > 0 && context.ResolveLocation(name) is { } preset)
        {
            return preset;
        }
        string known = context.LocationNames.Count == 0 ? "" : $"; presets: {Suggestions.List(context.LocationNames)}";
        errors.Add(path, $"unknown location preset '{name}'{known}", $"{Suggestions.DidYouMean(name, context.LocationNames)}use a preset name, or give {{ \"name\", \"latitude\", \"longitude\", \"climate\" }}");
        return null;
    }

    private static Location? Explicit(JsonElement e, ValidationErrors errors, ScenarioLoadContext context)
    {
        ObjectReader r = ObjectReader.Open(e, "location", errors, "the location")!;
        string? name = r.RequiredString("name", "\"My village\"");
        double? latitude = r.RequiredNumber("latitude", "52.52 (degrees, north positive)");
        double? longitude = r.RequiredNumber("longitude", "13.40 (degrees, east positive)");
        Climate? climate = null;
        bool hasClimate = r.TryGet("climate", out JsonElement c);
        bool hasPreset = r.TryGet("climatePreset", out JsonElement p);
        if (hasClimate && hasPreset)
        {
            r.Error("climatePreset", "is given together with \"climate\"", "keep one: \"climate\" (your own normals) or \"climatePreset\" (a preset's)");
        }
        else if (hasClimate)
        {
            climate = ReadClimate(c, r.At("climate"), errors);
        }
        else if (hasPreset)
        {
            string? presetName = r.String("climatePreset", "\"berlin\"");
            climate = presetName is null ? null : Preset(presetName, r.At("climatePreset"), errors, context)?.Climate;
        }
        else
        {
            r.Error("climate", "is missing: the weather model needs a climate", "add \"climatePreset\": \"berlin\" (a similar place) or a \"climate\" object with monthly normals");
        }
        r.Finish();
        return !r.Failed && name is not null && latitude is { } lat && longitude is { } lon && climate is not null
            ? new Location(name, lat, lon, climate)
            : null;
    }

    private static Climate? ReadClimate(JsonElement e, string path, ValidationErrors errors)
    {
        ObjectReader? r = ObjectReader.Open(e, path, errors, "the climate");
        if (r is null)
        {
            return null;
        }
        double[]? kt = r.NumberArray("clearnessIndex", true, "[0.35, 0.40, …] (12 monthly values, January first)");
        double[]? temp = r.NumberArray("temperatureC", true, "[0.5, 1.5, …] (12 monthly means in °C, January first)");
        double wind = r.Number("windSpeedMs", ClimateDefaults.WindSpeedMs);
        double k = r.Number("weibullK", ClimateDefaults.WeibullK);
        r.Finish();
        return !r.Failed && kt is not null && temp is not null ? new Climate(kt, temp, wind, k) : null;
    }
}
