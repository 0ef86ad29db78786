using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Observers;
using PeerGrid.Simulation.Scenarios;

namespace PeerGrid.Simulation.Tests.Engine;

/// <summary>Invariants that must hold for every scenario, checked on many seeded random ones.</summary>
public class EngineInvariantTests
{
    public static TheoryData<ulong> Seeds()
    {
        var data = new TheoryData<ulong>();
        for (ulong s = 1; s <= 60; s++)
        {
            data.Add(s);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryRun_ClosesTheEnergyBalanceInEverySlot_AndKeepsSocInBounds(ulong seed)
    {
        Scenario scenario = RandomScenarios.Create(seed);
        var series = new SeriesRecorder();

        RunTotals totals = Simulator.Run(scenario, observers: [series]);

        Assert.True(totals.MaxResidualKwh < 1e-9, $"largest residual {totals.MaxResidualKwh} kWh");
        for (int h = 0; h < scenario.Households.Count; h++)
        {
            var batteries = scenario.Households[h].Batteries.Where(b => b.IsOn).ToList();
            double min = batteries.Sum(b => b.MinSoc * b.CapacityKwh), max = batteries.Sum(b => b.MaxSoc * b.CapacityKwh);
            foreach (double[] stored in series.Stored)
            {
                Assert.InRange(stored[h], min - 1e-9, max + 1e-9);
            }
        }
        foreach (CommunitySlot c in series.Community)
        {
            Assert.True(c.Residual < 1e-9);
            Assert.True(c.ImportKwh >= 0 && c.ExportKwh >= 0 && c.UnmetKwh >= 0 && c.CurtailedKwh >= 0 && c.LossesKwh >= -1e-12);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryRun_BillsAddUp_FromSlotsToHouseholdsToCommunity(ulong seed)
    {
        Scenario scenario = RandomScenarios.Create(seed);
        var series = new SeriesRecorder();

        RunTotals t = Simulator.Run(scenario, observers: [series]);

        for (int s = 0; s < series.Cost.Count; s++)
        {
            Assert.Equal(series.Community[s].CostMicros, series.Cost[s].Sum());
        }
        for (int h = 0; h < t.HouseholdIds.Length; h++)
        {
            Assert.Equal(t.NetCostMicros(h), series.Cost.Sum(slot => slot[h]));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryRun_IsAFunctionOfScenarioAndSeed(ulong seed)
    {
        RunTotals a = Simulator.Run(RandomScenarios.Create(seed));
        RunTotals b = Simulator.Run(RandomScenarios.Create(seed));

        Assert.Equal(a.LoadKwh, b.LoadKwh);
        Assert.Equal(a.GenerationKwh, b.GenerationKwh);
        Assert.Equal(a.ImportMicroKwh, b.ImportMicroKwh);
        Assert.Equal(a.ExportMicroKwh, b.ExportMicroKwh);
        Assert.Equal(a.StoredEndKwh, b.StoredEndKwh);
        Assert.Equal(a.ImportCostMicros, b.ImportCostMicros);
        Assert.Equal(a.MaxResidualKwh, b.MaxResidualKwh);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void Results_AreIdentical_OnEveryThreadCount(int threads)
    {
        // 700 households make three chunks, so the parallel path really splits the work.
        Scenario scenario = RandomScenarios.Create(99, householdCount: 700);
        var one = new SeriesRecorder();
        var many = new SeriesRecorder();

        RunTotals a = Simulator.Run(scenario, observers: [one], threads: 1);
        RunTotals b = Simulator.Run(scenario, observers: [many], threads: threads);

        Assert.Equal(one.Community, many.Community);
        Assert.Equal(a.LoadKwh, b.LoadKwh);
        Assert.Equal(a.GenerationKwh, b.GenerationKwh);
        Assert.Equal(a.ImportMicroKwh, b.ImportMicroKwh);
        Assert.Equal(a.ImportCostMicros, b.ImportCostMicros);
        Assert.Equal(a.StoredEndKwh, b.StoredEndKwh);
        Assert.Equal(a.SelfConsumedKwh, b.SelfConsumedKwh);
    }

    [Fact]
    public void DifferentSeeds_GiveDifferentWeather()
    {
        var house = TestScenarios.House("a", generators: [new SolarPv("pv", true, 5)]);
        var one = TestScenarios.Build([house], seed: 1, days: 30, start: new DateTime(2025, 6, 1));
        var two = one with { Seed = 2 };

        Assert.NotEqual(Simulator.Run(one).GenerationKwh[0], Simulator.Run(two).GenerationKwh[0]);
    }
}
