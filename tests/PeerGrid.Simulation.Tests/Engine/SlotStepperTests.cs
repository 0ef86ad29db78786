using PeerGrid.Domain.Quantities;
using PeerGrid.Domain.Trading;
using PeerGrid.Markets.Auctions;
using PeerGrid.Markets.Mechanisms;
using PeerGrid.Markets.Settlement;
using PeerGrid.Markets.Sharing;
using PeerGrid.Simulation.Observers;
using PeerGrid.Simulation.Scenarios;

namespace PeerGrid.Simulation.Tests.Engine;

/// <summary>The slot-by-slot API against whole runs: the live platform relies on stepping being a run cut into slots.</summary>
public class SlotStepperTests
{
    private static IMarketMechanism Mechanism(string name, int n) => name switch
    {
        "pay-as-clear" => new AuctionMarket(new PayAsClear(PricingConvention.EquilibriumInterval, 0.5)),
        "pay-as-bid" => new AuctionMarket(new PayAsBid()),
        "sdr" => new SlotSharingMarket(SupplyDemandRatio.Instance, n),
        _ => new GridOnlyMarket(),
    };

    public static TheoryData<ulong, string, bool> Cases() => new()
    {
        { 11, "grid-only", false },
        { 12, "grid-only", true },
        { 13, "pay-as-clear", false },
        { 14, "pay-as-clear", true },
        { 15, "pay-as-bid", true },
        { 16, "sdr", false },
        { 17, "sdr", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SteppingEverySlotInOrder_ChainingBatteryState_EqualsARun(ulong seed, string mechanism, bool withLedger)
    {
        Scenario scenario = RandomScenarios.Create(seed, householdCount: 6);
        int n = scenario.Households.Count;
        var recorder = new SeriesRecorder();
        RunTotals totals = Simulator.Run(scenario, Mechanism(mechanism, n), [recorder],
            settlement: withLedger ? new LedgerSettlement(new Ledger(n, new Money(2_000_000))) : null);

        using SlotStepper stepper = Simulator.CreateStepper(scenario, Mechanism(mechanism, n),
            withLedger ? new LedgerSettlement(new Ledger(n, new Money(2_000_000))) : null);
        double[] load = new double[n], import = new double[n], export = new double[n], unmet = new double[n];
        long[] cost = new long[n];
        for (int h = 0; h < n; h++)
        {
            stepper.SetBattery(h, stepper.InitialStoredKwh(h), stepper.InitialStoredKwh(h));
        }
        for (int s = 0; s < stepper.Calendar.SlotCount; s++)
        {
            // Read the state out and put it back, as the platform does through its database.
            double[] stored = [.. Enumerable.Range(0, n).Select(stepper.StoredKwh)];
            double[] local = [.. Enumerable.Range(0, n).Select(stepper.StoredLocalKwh)];
            for (int h = 0; h < n; h++)
            {
                stepper.SetBattery(h, stored[h], local[h]);
            }

            CommunitySlot community = stepper.Step(s);

            Assert.Equal(recorder.Community[s], community);
            HouseholdSlotView v = stepper.Households;
            Assert.Equal(recorder.Load[s], v.LoadKwh.ToArray());
            Assert.Equal(recorder.Generation[s], v.GenerationKwh.ToArray());
            Assert.Equal(recorder.Import[s], v.ImportKwh.ToArray());
            Assert.Equal(recorder.Export[s], v.ExportKwh.ToArray());
            Assert.Equal(recorder.Stored[s], v.StoredKwh.ToArray());
            Assert.Equal(recorder.Unmet[s], v.UnmetKwh.ToArray());
            Assert.Equal(recorder.Cost[s], v.CostMicros.ToArray());
            for (int h = 0; h < n; h++)
            {
                load[h] += v.LoadKwh[h];
                import[h] += v.ImportKwh[h];
                export[h] += v.ExportKwh[h];
                unmet[h] += v.UnmetKwh[h];
                cost[h] = checked(cost[h] + v.CostMicros[h]);
            }
        }
        Assert.Equal(totals.LoadKwh, load);
        Assert.Equal(totals.ImportKwh, import);
        Assert.Equal(totals.ExportKwh, export);
        Assert.Equal(totals.UnmetKwh, unmet);
        Assert.Equal(Enumerable.Range(0, n).Select(totals.NetCostMicros), cost);
        Assert.Equal(totals.StoredEndKwh, Enumerable.Range(0, n).Select(stepper.StoredKwh));
    }

    [Theory]
    [InlineData(21UL, "pay-as-clear")]
    [InlineData(22UL, "grid-only")]
    [InlineData(23UL, "sdr")]
    public void SteppingASlotOutOfOrder_GivenTheSameBatteryState_EqualsSteppingItInOrder(ulong seed, string mechanism)
    {
        Scenario scenario = RandomScenarios.Create(seed, householdCount: 5);
        int n = scenario.Households.Count;
        using SlotStepper inOrder = Simulator.CreateStepper(scenario, Mechanism(mechanism, n));
        int slots = inOrder.Calendar.SlotCount;
        int target = inOrder.Calendar.DayStarts[1] + (slots / 8);
        for (int s = 0; s < target; s++)
        {
            inOrder.Step(s);
        }
        double[] stored = [.. Enumerable.Range(0, n).Select(inOrder.StoredKwh)];
        double[] local = [.. Enumerable.Range(0, n).Select(inOrder.StoredLocalKwh)];
        CommunitySlot expected = inOrder.Step(target);
        double[] expectedLoad = inOrder.Households.LoadKwh.ToArray();

        using SlotStepper jumping = Simulator.CreateStepper(scenario, Mechanism(mechanism, n));
        // Forwards past the target, back to the start, then forwards again: the deferrable jobs must follow.
        foreach (int s in new[] { slots - 1, 3, target })
        {
            if (s == target)
            {
                for (int h = 0; h < n; h++)
                {
                    jumping.SetBattery(h, stored[h], local[h]);
                }
            }
            CommunitySlot got = jumping.Step(s);
            if (s == target)
            {
                Assert.Equal(expected, got);
                Assert.Equal(expectedLoad, jumping.Households.LoadKwh.ToArray());
            }
        }
    }

    [Fact]
    public void SetBattery_ClampsToTheBatterysContent_AndTheLocalShareToTheStoredEnergy()
    {
        Scenario scenario = RandomScenarios.Create(31, householdCount: 8);
        using SlotStepper stepper = Simulator.CreateStepper(scenario);
        for (int h = 0; h < stepper.HouseholdCount; h++)
        {
            stepper.SetBattery(h, 1e6, 2e6);
            Assert.True(stepper.StoredKwh(h) < 1e6);
            Assert.Equal(stepper.StoredKwh(h), stepper.StoredLocalKwh(h));
            stepper.SetBattery(h, -1, -1);
            Assert.Equal(0, stepper.StoredKwh(h));
            Assert.Equal(0, stepper.StoredLocalKwh(h));
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => stepper.SetBattery(0, double.NaN, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => stepper.Step(stepper.Calendar.SlotCount));
    }
}
