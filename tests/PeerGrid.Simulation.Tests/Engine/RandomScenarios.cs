using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Profiles;
using PeerGrid.Simulation.Randomness;
using PeerGrid.Simulation.Scenarios;

namespace PeerGrid.Simulation.Tests.Engine;

/// <summary>Seeded random communities that exercise every device type, policy and limit.</summary>
internal static class RandomScenarios
{
    public static Scenario Create(ulong seed, int? householdCount = null)
    {
        var r = new DeterministicRandom(seed);
        int households = householdCount ?? 1 + r.NextInt(6);
        int[] slotChoices = [5, 15, 30, 60];
        int slotMinutes = slotChoices[r.NextInt(slotChoices.Length)];
        var profiles = new Dictionary<string, Profile>
        {
            ["flat"] = TestScenarios.ConstantDaily("flat", 0.5),
            ["peaky"] = TestScenarios.Daily("peaky", [.. Enumerable.Range(0, 24).Select(h => h is >= 17 and <= 21 ? 3.0 : 0.3)]),
        };
        var list = new List<Household>();
        for (int i = 0; i < households; i++)
        {
            list.Add(RandomHouse($"h{i}", ref r));
        }
        var start = new DateTime(2025, 1 + r.NextInt(12), 1 + r.NextInt(28), 0, 0, 0);
        return TestScenarios.Build(list, slotMinutes: slotMinutes, start: start, profiles: profiles, seed: seed, days: 2,
            import: 0.20m + (r.NextInt(20) / 100m), export: r.NextInt(10) / 100m);
    }

    private static Household RandomHouse(string id, ref DeterministicRandom r)
    {
        var appliances = new List<Appliance>
        {
            TestScenarios.Window(r.NextDouble(0.1, 3), "07:00", "08:30", "breakfast"),
            TestScenarios.Window(r.NextDouble(0.1, 2), "22:00", "01:00", "night"),
            new("fridge", "fridge", r.NextDouble(0.05, 0.2), true, new AlwaysOnUsage(r.NextDouble(0.2, 0.6), 30 + r.NextInt(60))),
            new("job", "washing-machine", r.NextDouble(0.5, 3), r.NextDouble() < 0.8, new DeferrableUsage(30 + r.NextInt(150), new MinuteOfDay(r.NextInt(24) * 60), new MinuteOfDay(r.NextInt(24) * 60))),
            new("base", "profile", 0, true, new ProfileUsage(r.NextDouble() < 0.5 ? "flat" : "peaky", r.NextDouble(0.2, 2))),
        };
        var generators = new List<Generator>();
        if (r.NextDouble() < 0.6)
        {
            generators.Add(new SolarPv("pv", r.NextDouble() < 0.9, r.NextDouble(1, 12), r.NextDouble(0, 60), r.NextDouble(90, 270)));
        }
        if (r.NextDouble() < 0.3)
        {
            generators.Add(new WindTurbine("wind", true, r.NextDouble(1, 10)));
        }
        if (r.NextDouble() < 0.2)
        {
            generators.Add(new DispatchableGenerator("diesel", true, r.NextDouble(1, 5), r.NextDouble(0, 0.6), (decimal)Math.Round(r.NextDouble(0.1, 0.5), 2)));
        }
        if (r.NextDouble() < 0.3)
        {
            generators.Add(new ProfileGenerator("feed", true, "peaky", r.NextDouble(0.1, 1)));
        }
        var batteries = new List<Battery>();
        int batteryCount = r.NextInt(3);
        for (int b = 0; b < batteryCount; b++)
        {
            double min = r.NextDouble(0, 0.3), max = r.NextDouble(0.7, 1);
            batteries.Add(new Battery($"b{b}", r.NextDouble(2, 20), r.NextDouble(0.5, 6), r.NextDouble(0.5, 6), r.NextDouble(0.8, 1), r.NextDouble(0.8, 1), min, max, r.NextDouble(min, max), r.NextDouble(0, 0.05)));
        }
        var preferences = new Preferences(
            r.NextDouble() < 0.5 ? StorageMode.StoreFirst : StorageMode.SellFirst,
            r.NextDouble(0, 0.5),
            r.NextDouble() < 0.3 ? 0.25m : null,
            r.NextDouble() < 0.8,
            null,
            null,
            true,
            (DeferrablePolicy)r.NextInt(3));
        return new Household(id, appliances, generators, batteries, preferences, null,
            r.NextDouble() < 0.3 ? r.NextDouble(1, 5) : null,
            r.NextDouble() < 0.3 ? r.NextDouble(0.5, 5) : null);
    }
}
