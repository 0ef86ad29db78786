using System.Text.Json.Nodes;
using PeerGrid.Domain;
using PeerGrid.Simulation.Profiles;
using PeerGrid.Simulation.Scenarios;

namespace PeerGrid.Simulation.Tests.Scenarios;

/// <summary>
/// A small valid scenario to break one field at a time, a loader context with stub presets and profile files,
/// and the repository's scenarios/ folder. Stubs stand in for the physics presets and the CSV reader, which
/// other parts of the code base provide.
/// </summary>
internal static class ScenarioTestKit
{
    public static readonly Location Berlin = new(
        "Berlin",
        52.52,
        13.40,
        new Climate(
            [0.32, 0.38, 0.42, 0.46, 0.49, 0.49, 0.49, 0.48, 0.45, 0.40, 0.33, 0.29],
            [0.6, 1.4, 4.8, 9.4, 14.2, 17.4, 19.5, 19.1, 14.9, 9.9, 5.1, 1.8],
            4.0));

    public static readonly Location Lagos = new(
        "Lagos",
        6.45,
        3.40,
        new Climate(
            [0.45, 0.47, 0.47, 0.48, 0.47, 0.40, 0.36, 0.36, 0.38, 0.42, 0.48, 0.47],
            [27.5, 28.5, 28.7, 28.2, 27.4, 26.1, 25.3, 25.2, 25.6, 26.3, 27.4, 27.4],
            3.5));

    /// <summary>Profile files the stub "finds": ev.csv loads; bad.csv is malformed; locked.csv is unreadable; anything else is missing.</summary>
    public static Profile LoadProfile(ProfileDeclaration d) => d.File switch
    {
        "profiles/ev.csv" => new Profile(d.Id, TimeSpan.FromMinutes(15), [0.5, 1.0, 0.0, 0.25], isDaily: true, firstStepLocal: null),
        "profiles/bad.csv" => throw new FormatException("line 7: 'abc' is not a number"),
        "profiles/locked.csv" => throw new UnauthorizedAccessException("access to 'profiles/locked.csv' is denied"),
        _ => throw new FileNotFoundException($"could not find file '{d.File}'"),
    };

    public static ScenarioLoadContext Context() => new()
    {
        LoadProfile = LoadProfile,
        ResolveLocation = name => name switch { "berlin" => Berlin, "lagos" => Lagos, _ => null },
        LocationNames = ["berlin", "lagos"],
    };

    /// <summary>Two listed households and one group of three, in Berlin, for 2 days.</summary>
    public static JsonObject Minimal() => (JsonObject)JsonNode.Parse("""
        {
          "name": "test", "seed": 7,
          "start": "2025-06-02T00:00", "timeZone": "Europe/Berlin",
          "horizon": { "days": 2 }, "slotMinutes": 15, "currency": "EUR",
          "location": "berlin",
          "tariff": { "import": 0.32, "export": 0.08 },
          "gridEmissionsKgPerKwh": 0.38,
          "market": { "mechanism": "grid-only" },
          "profiles": { "ev-load": { "file": "profiles/ev.csv", "unit": "kW" } },
          "templates": {
            "pv-family": {
              "baseLoad": { "annualKwh": 3500 },
              "appliances": [{ "template": "fridge" }, { "template": "lighting" }, { "template": "dishwasher" }],
              "generators": [{ "type": "solar-pv", "peakKw": 6, "azimuthDegrees": 180 }],
              "batteries": [{ "capacityKwh": 10 }]
            }
          },
          "households": [
            { "id": "h01", "baseLoad": { "profile": "bdew-h25", "annualKwh": 3200 },
              "appliances": [{ "template": "fridge" }, { "template": "washing-machine", "ratedPowerKw": 2.2 },
                             { "name": "Sauna", "kind": "sauna", "ratedPowerKw": 6, "isOn": true,
                               "usage": { "type": "time-windows", "weekday": [], "weekend": [{ "from": "17:00", "to": "19:00" }] } }],
              "generators": [{ "type": "solar-pv", "name": "Roof", "peakKw": 6, "tiltDegrees": 30, "azimuthDegrees": 180 }],
              "batteries": [{ "name": "Home battery", "capacityKwh": 10, "maxChargeKw": 5, "maxDischargeKw": 5 }],
              "preferences": { "storageMode": "store-first", "sellSurplus": true, "minSellPrice": 0.10, "deferrablePolicy": "sunniest" },
              "maxImportKw": 30, "maxExportKw": 10 },
            { "id": "h02", "appliances": [{ "name": "EV", "kind": "ev", "ratedPowerKw": 7.4, "usage": { "type": "profile", "profile": "ev-load" } }] },
            { "template": "pv-family", "count": 3, "idPrefix": "pvf-", "variation": 0.1 }
          ]
        }
        """)!;

    public static ScenarioLoadResult Load(string json) => ScenarioLoader.Load(new StringReader(json), "test.json", Context());

    public static ScenarioLoadResult Load(JsonNode json) => Load(json.ToJsonString());

    /// <summary>Loads <see cref="Minimal"/> after <paramref name="change"/>.</summary>
    public static ScenarioLoadResult LoadChanged(Action<JsonObject> change)
    {
        JsonObject s = Minimal();
        change(s);
        return Load(s);
    }

    public static JsonObject Household(this JsonObject scenario, int index) => (JsonObject)scenario["households"]![index]!;

    public static Scenario Valid(ScenarioLoadResult result)
    {
        Assert.True(result.IsValid, "expected a valid scenario, got: " + string.Join(Environment.NewLine, result.Errors));
        return result.Scenario!;
    }

    /// <summary>The repository root: the nearest folder above the test binaries that holds PeerGrid.slnx.</summary>
    public static string RepositoryRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "PeerGrid.slnx")))
            {
                return d.FullName;
            }
        }
        throw new InvalidOperationException($"No PeerGrid.slnx above {AppContext.BaseDirectory}.");
    }

    public static ScenarioLoadResult LoadSample(string fileName)
    {
        string path = Path.Combine(RepositoryRoot(), "scenarios", fileName);
        using StreamReader reader = File.OpenText(path);
        // The samples may use any mechanism the CLI offers.
        ScenarioLoadContext context = Context();
        return ScenarioLoader.Load(reader, fileName, new ScenarioLoadContext
        {
            LoadProfile = context.LoadProfile,
            ResolveLocation = context.ResolveLocation,
            LocationNames = context.LocationNames,
            SupportedMechanisms = new HashSet<string>(ScenarioLoadContext.KnownMechanisms, StringComparer.Ordinal),
        });
    }
}
