using PeerGrid.Application.Platform;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Domain.Tariffs;
using PeerGrid.Simulation.Profiles;
using PeerGrid.Simulation.Randomness;
using PeerGrid.Simulation.Scenarios;

namespace PeerGrid.Application.Tests.Platform;

/// <summary>Live communities built in code: a hand-computable one and seeded random ones.</summary>
internal static class LiveFixtures
{
    public static readonly Climate FlatClimate = new([.. Enumerable.Repeat(0.5, 12)], [.. Enumerable.Repeat(15.0, 12)]);
    public static readonly Location Berlin = new("berlin", 52.52, 13.40, FlatClimate);

    public static Profile Constant(string id, double kw) => new(id, TimeSpan.FromHours(1), [.. Enumerable.Repeat(kw, 24)], isDaily: true, firstStepLocal: null);

    public static Profile Peaky(string id) => new(id, TimeSpan.FromHours(1), [.. Enumerable.Range(0, 24).Select(h => h is >= 17 and <= 21 ? 3.0 : 0.3)], isDaily: true, firstStepLocal: null);

    public static LiveCommunitySettings Settings(
        string mechanism = "grid-only",
        int slotMinutes = 15,
        DateOnly? epoch = null,
        ulong seed = 42,
        decimal import = 0.30m,
        decimal export = 0.10m,
        decimal platformFee = 0,
        IReadOnlyDictionary<string, Profile>? profiles = null) => new(
            "c1",
            seed,
            epoch ?? new DateOnly(2025, 1, 6),
            "Europe/Berlin",
            slotMinutes,
            Berlin,
            new Tariff(PriceSchedule.Flat(import), PriceSchedule.Flat(export)),
            mechanism,
            MarketSettings.EquilibriumInterval,
            0.5,
            platformFee,
            "EUR",
            0.4,
            profiles ?? new Dictionary<string, Profile>
            {
                ["one"] = Constant("one", 1),
                ["peaky"] = Peaky("peaky"),
            });

    /// <summary>A household that draws <paramref name="loadKw"/> and generates <paramref name="genKw"/> (both scale the 1 kW profile "one").</summary>
    public static Household Flat(string id, double loadKw, double genKw)
    {
        var appliances = loadKw > 0 ? new List<Appliance> { new("base", "profile", 0, true, new ProfileUsage("one", loadKw)) } : [];
        var generators = genKw > 0 ? new List<Generator> { new ProfileGenerator("feed", true, "one", genKw) } : [];
        return new Household(id, appliances, generators, [], Preferences.Default);
    }

    public static IReadOnlyList<LiveHousehold> RandomHouseholds(ulong seed, int count)
    {
        var r = new DeterministicRandom(seed);
        var list = new List<LiveHousehold>();
        for (int i = 0; i < count; i++)
        {
            Household spec = RandomHouse($"h{i:00}", ref r);
            long budget = r.NextDouble() < 0.4 ? (long)r.NextDouble(0, 400_000) : long.MaxValue;
            list.Add(new LiveHousehold(spec.Id, spec, null, null, budget));
        }
        return list;
    }

    public static IReadOnlyList<LiveContract> RandomContracts(ulong seed, IReadOnlyList<LiveHousehold> households, int count)
    {
        var r = new DeterministicRandom(seed ^ 0xC0FFEE);
        // Sellers are households that generate and sell surplus, so that contracts have something to trade.
        LiveHousehold[] sellers = [.. households.Where(h => h.Spec.Generators.Count > 0 && h.Spec.Preferences.SellSurplus)];
        var list = new List<LiveContract>();
        for (int i = 0; i < count && sellers.Length > 0; i++)
        {
            LiveHousehold seller = sellers[r.NextInt(sellers.Length)];
            LiveHousehold[] buyers = [.. households.Where(h => h.Id != seller.Id)];
            LiveHousehold buyer = buyers[r.NextInt(buyers.Length)];
            list.Add(new LiveContract($"k{i:00}", buyer.Id, seller.Id, r.NextDouble(0, 1.5), (long)r.NextDouble(50_000, 450_000)));
        }
        return list;
    }

    private static Household RandomHouse(string id, ref DeterministicRandom r)
    {
        TimeWindow[] breakfast = [new TimeWindow(new MinuteOfDay(7 * 60), new MinuteOfDay((8 * 60) + 30))];
        int run = 30 + r.NextInt(150), earliest = r.NextInt(24) * 60;
        var appliances = new List<Appliance>
        {
            new("breakfast", "kettle", r.NextDouble(0.1, 3), true, new TimeWindowUsage(breakfast, breakfast)),
            new("fridge", "fridge", r.NextDouble(0.05, 0.2), true, new AlwaysOnUsage(r.NextDouble(0.2, 0.6), 30 + r.NextInt(60))),
            new("job", "washing-machine", r.NextDouble(0.5, 3), r.NextDouble() < 0.8, new DeferrableUsage(run, new MinuteOfDay(earliest), new MinuteOfDay((earliest + run + 60 + (r.NextInt(8) * 60)) % MinuteOfDay.MinutesPerDay))),
            new("base", "profile", 0, true, new ProfileUsage(r.NextDouble() < 0.5 ? "one" : "peaky", r.NextDouble(0.2, 1.5))),
        };
        var generators = new List<Generator>();
        if (r.NextDouble() < 0.7)
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
        var batteries = new List<Battery>();
        if (r.NextDouble() < 0.5)
        {
            double min = r.NextDouble(0, 0.3), max = r.NextDouble(0.7, 1);
            batteries.Add(new Battery("b", r.NextDouble(2, 15), r.NextDouble(0.5, 5), r.NextDouble(0.5, 5), r.NextDouble(0.85, 1), r.NextDouble(0.85, 1), min, max, r.NextDouble(min, max), r.NextDouble(0, 0.05)));
        }
        var preferences = new Preferences(
            r.NextDouble() < 0.5 ? StorageMode.StoreFirst : StorageMode.SellFirst,
            r.NextDouble(0, 0.4),
            r.NextDouble() < 0.2 ? 0.35m : null,
            r.NextDouble() < 0.85,
            null,
            null,
            true,
            (DeferrablePolicy)r.NextInt(3));
        return new Household(id, appliances, generators, batteries, preferences, null,
            r.NextDouble() < 0.3 ? r.NextDouble(1, 5) : null,
            r.NextDouble() < 0.3 ? r.NextDouble(0.5, 5) : null);
    }

    /// <summary>The state after <paramref name="outcome"/>: batteries from its readings, budgets less what each paid.</summary>
    public static IReadOnlyList<LiveHousehold> After(IReadOnlyList<LiveHousehold> before, LiveSlotOutcome outcome)
    {
        var byId = outcome.Readings.ToDictionary(r => r.HouseholdId, StringComparer.Ordinal);
        return [.. before.Select(h =>
        {
            HouseholdReading r = byId[h.Id];
            long budget = h.BudgetMicros == long.MaxValue ? long.MaxValue : checked(h.BudgetMicros - r.PaidMicros);
            return h with { BatteryStoredKwh = r.BatteryStoredKwh, BatteryLocalKwh = r.BatteryLocalKwh, BudgetMicros = budget };
        })];
    }
}
