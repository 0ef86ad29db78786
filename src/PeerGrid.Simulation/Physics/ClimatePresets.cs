using System.Diagnostics.CodeAnalysis;
using PeerGrid.Domain;

namespace PeerGrid.Simulation.Physics;

/// <summary>
/// Built-in locations with monthly climate normals (January first). Clearness indices are monthly mean daily
/// K_T = global ÷ extraterrestrial horizontal irradiation, derived from long-term satellite GHI normals
/// (PVGIS-SARAH / NASA POWER-type figures); temperatures are approximate long-term station normals; wind is the mean
/// at 10 m. Sources and the calibration check are in docs/physics.md.
/// </summary>
public static class ClimatePresets
{
    private static readonly (string Key, Func<Location> Create)[] Presets =
    [
        ("berlin", () => new Location("Berlin", 52.52, 13.405, new Climate(
            ClearnessIndex: [0.30, 0.36, 0.40, 0.46, 0.48, 0.48, 0.48, 0.48, 0.44, 0.38, 0.30, 0.26],
            TemperatureC: [0.6, 1.6, 4.9, 9.9, 14.6, 17.9, 19.9, 19.5, 15.0, 10.1, 5.3, 1.9],
            WindSpeedMs: 4.0, WeibullK: 2.0))),
        ("lagos", () => new Location("Lagos", 6.524, 3.379, new Climate(
            ClearnessIndex: [0.50, 0.52, 0.52, 0.51, 0.48, 0.40, 0.38, 0.40, 0.42, 0.46, 0.51, 0.50],
            TemperatureC: [27.2, 28.2, 28.5, 28.1, 27.3, 26.0, 25.3, 25.1, 25.6, 26.3, 27.2, 27.2],
            WindSpeedMs: 3.2, WeibullK: 2.2))),
        ("faisalabad", () => new Location("Faisalabad", 31.418, 73.079, new Climate(
            ClearnessIndex: [0.55, 0.58, 0.60, 0.63, 0.64, 0.62, 0.56, 0.56, 0.61, 0.63, 0.60, 0.55],
            TemperatureC: [12.7, 15.5, 20.6, 26.8, 31.6, 34.0, 32.2, 31.4, 30.0, 25.6, 19.3, 14.2],
            WindSpeedMs: 2.5, WeibullK: 1.8))),
        ("london", () => new Location("London", 51.507, -0.128, new Climate(
            ClearnessIndex: [0.30, 0.35, 0.38, 0.44, 0.46, 0.46, 0.46, 0.45, 0.42, 0.36, 0.31, 0.27],
            TemperatureC: [5.2, 5.5, 7.6, 10.0, 13.3, 16.4, 18.7, 18.4, 15.6, 12.0, 8.2, 5.6],
            WindSpeedMs: 4.5, WeibullK: 2.0))),
        ("amsterdam", () => new Location("Amsterdam", 52.370, 4.895, new Climate(
            ClearnessIndex: [0.30, 0.36, 0.40, 0.47, 0.49, 0.48, 0.47, 0.46, 0.42, 0.37, 0.31, 0.27],
            TemperatureC: [3.6, 3.9, 6.5, 9.8, 13.4, 16.2, 18.4, 18.0, 15.1, 11.2, 7.3, 4.3],
            WindSpeedMs: 5.0, WeibullK: 2.1))),
        ("rome", () => new Location("Rome", 41.902, 12.496, new Climate(
            ClearnessIndex: [0.45, 0.48, 0.52, 0.55, 0.59, 0.63, 0.66, 0.64, 0.58, 0.52, 0.45, 0.43],
            TemperatureC: [8.0, 8.8, 11.3, 14.2, 18.4, 22.5, 25.4, 25.5, 21.6, 17.5, 12.6, 9.0],
            WindSpeedMs: 3.5, WeibullK: 1.9))),
        ("madrid", () => new Location("Madrid", 40.417, -3.704, new Climate(
            ClearnessIndex: [0.52, 0.56, 0.60, 0.61, 0.64, 0.69, 0.71, 0.70, 0.65, 0.57, 0.52, 0.49],
            TemperatureC: [6.3, 7.9, 11.2, 13.3, 17.2, 22.6, 26.1, 25.6, 21.0, 15.5, 10.0, 7.0],
            WindSpeedMs: 3.0, WeibullK: 1.9))),
    ];

    private static readonly Dictionary<string, Func<Location>> ByName =
        Presets.ToDictionary(p => p.Key, p => p.Create, StringComparer.OrdinalIgnoreCase);

    /// <summary>Preset keys, lower case, in a fixed order.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(Presets.Select(p => p.Key).ToArray());

    /// <summary>
    /// The preset called <paramref name="name"/> (case-insensitive). Each call returns a fresh instance, so
    /// callers cannot change what the next caller gets.
    /// </summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out Location? location)
    {
        if (name is not null && ByName.TryGetValue(name.Trim(), out Func<Location>? create))
        {
            location = create();
            return true;
        }
        location = null;
        return false;
    }
}
