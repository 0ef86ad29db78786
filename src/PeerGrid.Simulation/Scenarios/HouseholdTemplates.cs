using System.Text.Json;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Scenarios.Reading;

namespace PeerGrid.Simulation.Scenarios;

/// <summary>
/// Built-in household templates, usable by name in a household entry's "template" when the scenario's own
/// "templates" do not define that name (the scenario's win). Each is a household body in the scenario format.
/// All four share one demand: BDEW H25 at 3,000 kWh/a plus a deferrable washing machine and dishwasher
/// (≈ 470 kWh/a), so ≈ 3,500 kWh/a, the German standard household (shared/REFERENCE.md §4).
/// </summary>
public static class HouseholdTemplates
{
    private const string Demand = """
        "baseLoad": { "profile": "bdew-h25", "annualKwh": 3000 },
        "appliances": [{ "template": "washing-machine" }, { "template": "dishwasher" }]
        """;

    private static readonly Dictionary<string, string> Json = new(StringComparer.Ordinal)
    {
        ["consumer"] = $$"""{ {{Demand}} }""",
        // 6 kWp facing south at 35°: ≈ 6,000 kWh/a in Berlin, more than the household uses.
        ["pv-home"] = $$"""
            { {{Demand}},
              "generators": [{ "type": "solar-pv", "name": "Roof PV", "peakKw": 6, "tiltDegrees": 35, "azimuthDegrees": 180 }] }
            """,
        // 8 kWp and a 10 kWh battery at 0.5 C, storing surplus before selling it.
        ["pv-battery-home"] = $$"""
            { {{Demand}},
              "generators": [{ "type": "solar-pv", "name": "Roof PV", "peakKw": 8, "tiltDegrees": 35, "azimuthDegrees": 180 }],
              "batteries": [{ "name": "Home battery", "capacityKwh": 10, "maxChargeKw": 5, "maxDischargeKw": 5 }],
              "preferences": { "storageMode": "store-first" } }
            """,
        // A 5 kW small turbine on an 18 m mast (rated at 11 m/s, typical of 5 kW class machines).
        ["wind-home"] = $$"""
            { {{Demand}},
              "generators": [{ "type": "wind", "name": "Small wind turbine", "ratedKw": 5, "cutInMs": 3, "ratedSpeedMs": 11, "cutOutMs": 25, "hubHeightM": 18 }] }
            """,
    };

    private static readonly Dictionary<string, JsonElement> Elements =
        Json.ToDictionary(kv => kv.Key, kv => JsonDocument.Parse(kv.Value).RootElement.Clone(), StringComparer.Ordinal);

    public static IReadOnlyList<string> Names { get; } = [.. Json.Keys];

    /// <summary>A household built from template <paramref name="name"/> with id <paramref name="id"/>; throws <see cref="KeyNotFoundException"/> for an unknown name.</summary>
    public static Household Get(string name, string id)
    {
        var errors = new ValidationErrors();
        Household? h = new HouseholdBodyReader(new ProfileCatalog([])).Read(Elements[name], $"householdTemplates.{name}", id, errors, []);
        return h ?? throw new InvalidOperationException($"Built-in household template '{name}' is invalid: {string.Join("; ", errors.All)}");
    }

    internal static bool TryGetJson(string name, out JsonElement json) => Elements.TryGetValue(name, out json);
}
