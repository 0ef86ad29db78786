using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Scenarios.Reading;

namespace PeerGrid.Simulation.Scenarios;

/// <summary>
/// Built-in appliances with typical ratings and usage, referenced from a scenario as {"template": "fridge"}
/// with any field overridden. They are stored in the scenario format itself, so a template and an override
/// merge like any two JSON objects. Figures and their sources: docs/scenarios.md, "Appliance library".
/// The annual energy in each comment is rating × hours per week × 365/7 (rounded).
/// </summary>
public static class ApplianceTemplates
{
    private static readonly Dictionary<string, string> Json = new(StringComparer.Ordinal)
    {
        // 0.10 kW × 35 % of every hour = 0.84 kWh/day ≈ 307 kWh/a.
        ["fridge"] = """{ "name": "Fridge", "kind": "fridge", "ratedPowerKw": 0.1, "usage": { "type": "always-on", "dutyCycle": 0.35, "periodMinutes": 60 } }""",
        // 0.12 kW × 30 % ≈ 0.86 kWh/day ≈ 315 kWh/a.
        ["freezer"] = """{ "name": "Freezer", "kind": "freezer", "ratedPowerKw": 0.12, "usage": { "type": "always-on", "dutyCycle": 0.3, "periodMinutes": 60 } }""",
        // 0.12 kW LED lighting, 43 h/week ≈ 269 kWh/a.
        ["lighting"] = """
            { "name": "Lighting", "kind": "lighting", "ratedPowerKw": 0.12, "usage": { "type": "time-windows",
              "weekday": [{ "from": "06:30", "to": "07:30" }, { "from": "18:00", "to": "23:00" }],
              "weekend": [{ "from": "08:00", "to": "09:00" }, { "from": "18:00", "to": "23:30" }] } }
            """,
        // 0.10 kW, 41 h/week ≈ 214 kWh/a.
        ["tv"] = """
            { "name": "TV", "kind": "tv", "ratedPowerKw": 0.1, "usage": { "type": "time-windows",
              "weekday": [{ "from": "18:00", "to": "23:00" }],
              "weekend": [{ "from": "10:00", "to": "12:00" }, { "from": "17:00", "to": "23:00" }] } }
            """,
        // 0.10 kW desktop and screen, 32 h/week ≈ 167 kWh/a.
        ["computer"] = """
            { "name": "Computer", "kind": "computer", "ratedPowerKw": 0.1, "usage": { "type": "time-windows",
              "weekday": [{ "from": "18:00", "to": "22:00" }],
              "weekend": [{ "from": "10:00", "to": "12:00" }, { "from": "15:00", "to": "19:00" }] } }
            """,
        // 10 W around the clock ≈ 88 kWh/a.
        ["router"] = """{ "name": "Router", "kind": "router", "ratedPowerKw": 0.01, "usage": { "type": "always-on", "dutyCycle": 1.0, "periodMinutes": 60 } }""",
        // Hob and oven at 1.5 kW mean draw, 4.5 h/week ≈ 352 kWh/a.
        ["electric-cooking"] = """
            { "name": "Electric cooking", "kind": "electric-cooking", "ratedPowerKw": 1.5, "usage": { "type": "time-windows",
              "weekday": [{ "from": "18:00", "to": "18:30" }],
              "weekend": [{ "from": "12:00", "to": "12:30" }, { "from": "18:00", "to": "18:30" }] } }
            """,
        // 2.0 kW, three 5-minute boils a day ≈ 183 kWh/a.
        ["kettle"] = """
            { "name": "Kettle", "kind": "kettle", "ratedPowerKw": 2.0, "usage": { "type": "time-windows",
              "weekday": [{ "from": "07:00", "to": "07:05" }, { "from": "13:00", "to": "13:05" }, { "from": "19:00", "to": "19:05" }],
              "weekend": [{ "from": "08:00", "to": "08:05" }, { "from": "11:00", "to": "11:05" }, { "from": "16:00", "to": "16:05" }] } }
            """,
        // 1.2 kW input (≈ 800 W output), 45 min/week ≈ 47 kWh/a.
        ["microwave"] = """
            { "name": "Microwave", "kind": "microwave", "ratedPowerKw": 1.2, "usage": { "type": "time-windows",
              "weekday": [{ "from": "19:00", "to": "19:05" }],
              "weekend": [{ "from": "12:30", "to": "12:40" }] } }
            """,
        // 0.5 kW mean over a 2 h cycle = 1.0 kWh per wash, 4 washes/week ≈ 209 kWh/a.
        ["washing-machine"] = """
            { "name": "Washing machine", "kind": "washing-machine", "ratedPowerKw": 0.5, "usage": { "type": "deferrable",
              "runMinutes": 120, "earliestStart": "08:00", "deadline": "20:00", "days": ["mon", "wed", "fri", "sat"] } }
            """,
        // 0.5 kW mean over a 2 h eco cycle = 1.0 kWh, 5 runs/week overnight ≈ 261 kWh/a.
        ["dishwasher"] = """
            { "name": "Dishwasher", "kind": "dishwasher", "ratedPowerKw": 0.5, "usage": { "type": "deferrable",
              "runMinutes": 120, "earliestStart": "19:00", "deadline": "07:00", "days": ["mon", "tue", "thu", "fri", "sun"] } }
            """,
        // Condenser dryer, 2.0 kW for 90 min = 3.0 kWh per load, 3 loads/week ≈ 469 kWh/a.
        ["tumble-dryer"] = """
            { "name": "Tumble dryer", "kind": "tumble-dryer", "ratedPowerKw": 2.0, "usage": { "type": "deferrable",
              "runMinutes": 90, "earliestStart": "10:00", "deadline": "22:00", "days": ["mon", "wed", "sat"] } }
            """,
        // 7.4 kW (single-phase 32 A wallbox) for 90 min = 11.1 kWh a night, 4 nights/week ≈ 2,315 kWh/a ≈ 13,000 km at 18 kWh/100 km.
        ["ev-charger"] = """
            { "name": "EV charger", "kind": "ev-charger", "ratedPowerKw": 7.4, "usage": { "type": "deferrable",
              "runMinutes": 90, "earliestStart": "18:00", "deadline": "07:00", "days": ["mon", "tue", "wed", "thu"] } }
            """,
        // 2.0 kW immersion heater on a storage tank, 90 min a day anywhere in the day = 3 kWh/day ≈ 1,095 kWh/a.
        ["electric-water-heater"] = """
            { "name": "Electric water heater", "kind": "electric-water-heater", "ratedPowerKw": 2.0, "usage": { "type": "deferrable",
              "runMinutes": 90, "earliestStart": "00:00", "deadline": "24:00" } }
            """,
    };

    private static readonly Dictionary<string, JsonElement> Elements =
        Json.ToDictionary(kv => kv.Key, kv => JsonDocument.Parse(kv.Value).RootElement.Clone(), StringComparer.Ordinal);

    private static readonly Dictionary<string, Appliance> Parsed = Elements.ToDictionary(kv => kv.Key, kv => Parse(kv.Key, kv.Value), StringComparer.Ordinal);

    /// <summary>Template names in the order the docs list them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Json.Keys];

    public static bool TryGet(string name, [NotNullWhen(true)] out Appliance? appliance) => Parsed.TryGetValue(name, out appliance);

    /// <summary>The template <paramref name="name"/>; throws <see cref="KeyNotFoundException"/> for an unknown name.</summary>
    public static Appliance Get(string name) => Parsed[name];

    internal static bool TryGetJson(string name, out JsonElement json) => Elements.TryGetValue(name, out json);

    private static Appliance Parse(string name, JsonElement json)
    {
        var errors = new ValidationErrors();
        Appliance? a = ApplianceReader.Read(json, $"applianceTemplates.{name}", errors, new ProfileCatalog([]));
        a?.Validate($"applianceTemplates.{name}", errors);
        return a is not null && errors.IsEmpty
            ? a
            : throw new InvalidOperationException($"Built-in appliance template '{name}' is invalid: {string.Join("; ", errors.All)}");
    }
}
