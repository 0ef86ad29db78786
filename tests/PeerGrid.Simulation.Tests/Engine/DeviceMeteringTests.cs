using PeerGrid.Domain.Households;
using PeerGrid.Domain.Quantities;
using PeerGrid.Markets.Auctions;
using PeerGrid.Markets.Mechanisms;
using PeerGrid.Markets.Settlement;
using PeerGrid.Simulation.Observers;
using PeerGrid.Simulation.Scenarios;

namespace PeerGrid.Simulation.Tests.Engine;

/// <summary>The stepper's per-device metering (what the live platform's device pages show) against the engine's household sums.</summary>
public class DeviceMeteringTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void EachDevice_GetsItsOwnEnergy_HandComputed()
    {
        // 15-minute slots from Monday midnight: a 2 kW window 00:00–00:30, a 0.1 kW fridge always on (duty 1), an
        // appliance switched off, a base load; a 1 kW and a 3 kW generator pooled by the engine, dispatched in full
        // for the deficit because fuel is cheaper than the grid.
        Household house = TestScenarios.House("h0",
            appliances:
            [
                TestScenarios.Window(2, "00:00", "00:30", "kettle"),
                new Appliance("fridge", "fridge", 0.1, true, new AlwaysOnUsage(1.0, 60)),
                TestScenarios.Window(5, "00:00", "23:00", "off") with { IsOn = false },
            ],
            generators:
            [
                new DispatchableGenerator("small", true, 1, 0, 0.05m),
                new DispatchableGenerator("big", true, 3, 0, 0.05m),
            ]) with { BaseLoad = new BaseLoad("bdew-h25", 3650) };
        Scenario scenario = TestScenarios.Build([house], hours: 1);
        using SlotStepper stepper = Simulator.CreateStepper(scenario);

        stepper.Step(1);
        DeviceSlotView devices = stepper.MeasureDevices();

        Assert.Equal([0.5, 0.025, 0.0], devices.Appliances(0).ToArray(), new TolerantComparer());
        double load = stepper.Households.LoadKwh[0];
        Assert.True(devices.BaseLoadKwh(0) > 0);
        Assert.Equal(load, 0.525 + devices.BaseLoadKwh(0), Tolerance);
        // No sun at midnight: all generation is the pool's dispatch, shared 1 : 3 by rated power.
        double generation = stepper.Households.GenerationKwh[0];
        Assert.True(generation > 0);
        Assert.Equal([generation * 0.25, generation * 0.75], devices.Generators(0).ToArray(), new TolerantComparer());

        stepper.Step(2);
        Assert.Equal([0.0, 0.025, 0.0], stepper.MeasureDevices().Appliances(0).ToArray(), new TolerantComparer());
    }

    [Theory]
    [InlineData(21UL)]
    [InlineData(22UL)]
    [InlineData(23UL)]
    [InlineData(24UL)]
    public void DevicesAndBaseLoad_AddUpToEveryHouseholdsLoadAndGeneration_InEverySlot(ulong seed)
    {
        Scenario random = RandomScenarios.Create(seed, householdCount: 5);
        Scenario scenario = random with
        {
            Households = [.. random.Households.Select((h, i) => i % 2 == 0 ? h with { BaseLoad = new BaseLoad("bdew-h25", 2000 + (500 * i)) } : h)],
        };
        int n = scenario.Households.Count;
        using SlotStepper stepper = Simulator.CreateStepper(scenario, new AuctionMarket(new PayAsClear(PricingConvention.EquilibriumInterval, 0.5)),
            new LedgerSettlement(new Ledger(n, new Money(2_000_000))));
        for (int s = 0; s < stepper.Calendar.SlotCount; s++)
        {
            stepper.Step(s);
            HouseholdSlotView v = stepper.Households;
            DeviceSlotView devices = stepper.MeasureDevices();
            for (int h = 0; h < n; h++)
            {
                ReadOnlySpan<double> appliances = devices.Appliances(h), generators = devices.Generators(h);
                Assert.Equal(scenario.Households[h].Appliances.Count, appliances.Length);
                Assert.Equal(scenario.Households[h].Generators.Count, generators.Length);
                double applianceSum = devices.BaseLoadKwh(h), generatorSum = 0;
                for (int i = 0; i < appliances.Length; i++)
                {
                    Assert.True(appliances[i] >= 0);
                    Assert.True(scenario.Households[h].Appliances[i].IsOn || appliances[i] == 0, "a switched-off appliance uses nothing");
                    applianceSum += appliances[i];
                }
                for (int i = 0; i < generators.Length; i++)
                {
                    Assert.True(generators[i] >= 0);
                    Assert.True(scenario.Households[h].Generators[i].IsOn || generators[i] == 0, "a switched-off generator produces nothing");
                    generatorSum += generators[i];
                }
                Assert.Equal(v.LoadKwh[h], applianceSum, Tolerance);
                Assert.Equal(v.GenerationKwh[h], generatorSum, Tolerance);
            }
        }
    }

    [Fact]
    public void SwitchingOneFridgeOff_LeavesTheOtherFridgesCycle()
    {
        Appliance fridge(string name, bool on) => new(name, "fridge", 0.15, on, new AlwaysOnUsage(0.4, 40));
        Household both = TestScenarios.House("h0", appliances: [fridge("a", true), fridge("b", true)]);
        Household oneOff = TestScenarios.House("h0", appliances: [fridge("a", false), fridge("b", true)]);
        using SlotStepper first = Simulator.CreateStepper(TestScenarios.Build([both], hours: 6));
        using SlotStepper second = Simulator.CreateStepper(TestScenarios.Build([oneOff], hours: 6));
        for (int s = 0; s < first.Calendar.SlotCount; s++)
        {
            first.Step(s);
            second.Step(s);
            Assert.Equal(first.MeasureDevices().Appliances(0)[1], second.MeasureDevices().Appliances(0)[1]);
            Assert.Equal(0, second.MeasureDevices().Appliances(0)[0]);
        }
    }

    [Fact]
    public void MeteringBeforeAStep_Throws()
    {
        using SlotStepper stepper = Simulator.CreateStepper(TestScenarios.Build([TestScenarios.House("h0")]));
        Assert.Throws<InvalidOperationException>(() => stepper.MeasureDevices());
    }

    private sealed class TolerantComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= Tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
