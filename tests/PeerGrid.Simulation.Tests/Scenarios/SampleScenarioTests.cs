using PeerGrid.Domain.Households;
using PeerGrid.Domain.Quantities;
using PeerGrid.Simulation.Scenarios;
using static PeerGrid.Simulation.Tests.Scenarios.ScenarioTestKit;

namespace PeerGrid.Simulation.Tests.Scenarios;

/// <summary>The scenarios/ folder the README, the CLI and the benchmarks use: loaded from the repository, not copied.</summary>
public class SampleScenarioTests
{
    private static string Kind(Household h) =>
        h.Generators.Any(g => g is WindTurbine) ? "wind"
        : h.Generators.Any(g => g is SolarPv) ? (h.Batteries.Count > 0 ? "pv+battery" : "pv")
        : "consumer";

    [Fact]
    public void Demo10_IsASummerWeekOfTenVariedHouseholdsInBerlin()
    {
        Scenario s = Valid(LoadSample("demo-10.json"));

        Assert.Equal("demo-10", s.Name);
        Assert.Equal(10, s.Households.Count);
        Assert.Equal((new DateTime(2025, 6, 2), "Europe/Berlin", 7.0, 15), (s.StartLocal, s.TimeZoneId, s.HorizonDays!.Value, s.SlotMinutes));
        Assert.Equal("Berlin", s.Location.Name);
        Assert.Equal(Price.FromDecimal(0.42m), s.Tariff.Import.At(DayKind.Weekday, 18 * 60));
        Assert.Equal(Price.FromDecimal(0.32m), s.Tariff.Import.At(DayKind.Weekend, 18 * 60));
        Assert.Equal(Price.FromDecimal(0.08m), s.Tariff.Export.At(DayKind.Weekday, 18 * 60));

        ILookup<string, Household> byKind = s.Households.ToLookup(Kind);
        Assert.Equal(3, byKind["pv"].Count());
        Assert.Equal(3, byKind["pv+battery"].Count());
        Assert.Single(byKind["wind"]);
        Household ev = s.Households[0];
        Assert.Equal("consumer", Kind(ev));
        Assert.Equal(DeferrablePolicy.Cheapest, ev.Preferences.DeferrablePolicy);
        Assert.Contains(ev.Appliances, a => a.Kind == "ev-charger" && a.Usage is DeferrableUsage);
        Assert.True(s.Households.Select(h => string.Join(",", h.Appliances.Select(a => a.Kind))).Distinct().Count() >= 8, "appliance mixes should vary");
    }

    [Fact]
    public void Demo10_SurvivesAWriteAndReloadUnchanged()
    {
        Scenario loaded = Valid(LoadSample("demo-10.json"));
        string written = ScenarioWriter.ToJson(loaded);
        Scenario reloaded = Valid(Load(written));

        Assert.Equal(written, ScenarioWriter.ToJson(reloaded));
        Assert.Equal(
            (loaded.Name, loaded.Seed, loaded.StartLocal, loaded.TimeZoneId, loaded.SlotMinutes, loaded.HorizonDays, loaded.Currency, loaded.Mechanism, loaded.GridEmissionsKgPerKwh),
            (reloaded.Name, reloaded.Seed, reloaded.StartLocal, reloaded.TimeZoneId, reloaded.SlotMinutes, reloaded.HorizonDays, reloaded.Currency, reloaded.Mechanism, reloaded.GridEmissionsKgPerKwh));
        Assert.Equal(loaded.Households.Select(h => h.Id), reloaded.Households.Select(h => h.Id));
        Assert.Equal(loaded.Households.Select(h => h.BaseLoad), reloaded.Households.Select(h => h.BaseLoad));
        Assert.Equal(loaded.Households.SelectMany(h => h.Batteries), reloaded.Households.SelectMany(h => h.Batteries));
        Assert.Equal(loaded.Households.SelectMany(h => h.Generators.OfType<SolarPv>()), reloaded.Households.SelectMany(h => h.Generators.OfType<SolarPv>()));
        Assert.Equal(loaded.Households.Select(h => h.Preferences), reloaded.Households.Select(h => h.Preferences));
        Assert.Equal(loaded.Tariff.Import.Periods, reloaded.Tariff.Import.Periods);
        Assert.Equal(loaded.Location.Climate.ClearnessIndex, reloaded.Location.Climate.ClearnessIndex);
    }

    [Fact]
    public void Bench1000_IsAYearOfTheDocumentedMix()
    {
        Scenario s = Valid(LoadSample("bench-1000.json"));
        AssertBenchmarkMix(s, 1000);
        Assert.Equal("pvf-001", s.Households[0].Id);
    }

    [Fact]
    public void Bench100k_IsTheSameMixScaledToOneHundredThousand()
    {
        Scenario s = Valid(LoadSample("bench-100k.json"));
        AssertBenchmarkMix(s, 100_000);
        Assert.Equal("pvf-00001", s.Households[0].Id);
    }

    [Theory]
    [InlineData("bench-1000-hier.json", 1000, 10, 2, 1)]
    [InlineData("bench-100k-hier.json", 100_000, 1000, 100, 10)]
    public void TheHierarchicalBenchmarks_AreTheMixInCellsOfAHundred(string file, int n, int cells, int communities, int regions)
    {
        Scenario s = Valid(LoadSample(file));
        AssertBenchmarkMix(s, n);
        Assert.Equal("pay-as-clear", s.Mechanism);
        MarketHierarchy h = s.Hierarchy!;
        Assert.Equal(cells, h.Cells.Count);
        Assert.Equal(communities, h.Communities.Count);
        Assert.Equal(regions, h.Communities.Select(c => c.Region).Distinct().Count());
        Assert.All(s.Households.GroupBy(x => x.Cell), g => Assert.Equal(100, g.Count()));
        Assert.Equal(2m, s.PlatformSubscriptionPerMonth);
    }

    private static void AssertBenchmarkMix(Scenario s, int n)
    {
        Assert.Equal((365.0, 15, new DateTime(2025, 1, 1)), (s.HorizonDays!.Value, s.SlotMinutes, s.StartLocal));
        Assert.Equal(n, s.Households.Count);
        Assert.Equal(n, s.Households.Select(h => h.Id).Distinct().Count());
        Dictionary<string, int> mix = s.Households.GroupBy(Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(0.40 * n, mix["pv"]);
        Assert.Equal(0.15 * n, mix["pv+battery"]);
        Assert.Equal(0.02 * n, mix["wind"]);
        Assert.Equal(0.43 * n, mix["consumer"]);
        Assert.All(s.Households, h =>
        {
            Assert.Equal("bdew-h25", h.BaseLoad!.ProfileId);
            Assert.InRange(h.BaseLoad.AnnualKwh, 2500, 4500);
            Assert.True(h.Appliances.Count >= 2);
        });
        Assert.InRange(s.Households.Count(h => h.Appliances.Any(a => a.Kind == "ev-charger")), 0.05 * n, 0.15 * n);
    }
}
