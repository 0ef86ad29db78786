using PeerGrid.Domain.Households;
using PeerGrid.Markets.Auctions;
using PeerGrid.Markets.Hierarchy;
using PeerGrid.Markets.Mechanisms;
using PeerGrid.Simulation.Observers;
using PeerGrid.Simulation.Profiles;
using PeerGrid.Simulation.Scenarios;
using PeerGrid.Simulation.Tests.Engine;
using static PeerGrid.Simulation.Tests.Engine.TestScenarios;

namespace PeerGrid.Simulation.Tests.Markets;

/// <summary>
/// Batteries and dispatchable generators as auction participants (docs/markets.md, "Batteries and generators in the
/// market"). Hand cases: one hour of 15-minute slots, retail 0.30, feed-in 0.10, 100 % efficient devices unless stated.
/// </summary>
public class FlexibleOrderRunTests
{
    private static readonly Dictionary<string, Profile> Gen2Kw = new() { ["gen"] = ConstantDaily("gen", 2) };

    /// <summary>A household drawing 2 kW for the first hour: 0.5 kWh per slot, 2 kWh in all.</summary>
    private static Household Buyer(Preferences? preferences = null) => House("buyer", appliances: [Window(2, "00:00", "01:00")], preferences: preferences);

    private static Battery Battery(double capacityKwh, double initialSoc, double efficiency = 1, double powerKw = 2) =>
        new("b", capacityKwh, powerKw, powerKw, efficiency, efficiency, MinSoc: 0, MaxSoc: 1, InitialSoc: initialSoc, SelfDischargePerDay: 0);

    private static RunTotals PayAsOffer(Scenario s) => Simulator.Run(s, new AuctionMarket(new PayAsOffer()));

    [Fact]
    public void ASellFirstBattery_SellsWhatItHoldsAboveItsReserve_AtTheOfferLimit()
    {
        // 10 kWh at 50 %, reserve 20 %: 3 kWh above the reserve; 2 kW = 0.5 kWh per slot covers the buyer's 0.5 kWh.
        var seller = House("seller", batteries: [Battery(10, 0.5)], preferences: Preferences.Default with { StorageMode = StorageMode.SellFirst, ReserveSoc = 0.2 });

        RunTotals t = PayAsOffer(Build([Buyer(), seller]));

        Assert.Equal(2.0, t.PeerBoughtKwh[0], 12);
        Assert.Equal(2.0, t.PeerSoldKwh[1], 12);
        Assert.Equal(3.0, t.StoredEndKwh[1], 12);
        Assert.Equal(2.0, t.DischargeKwh[1], 12);
        Assert.Equal(200_000, t.NetCostMicros(0)); // 2 kWh at the offer's limit, the feed-in 0.10
        Assert.Equal(-200_000, t.NetCostMicros(1));
        Assert.Equal(0, t.ImportKwh[0], 12);
        Assert.True(t.MaxResidualKwh < 1e-12);
    }

    [Fact]
    public void ASellFirstBattery_DrawsMoreThanItSells_ByItsDischargeEfficiency()
    {
        // η = 0.8: delivering 2 kWh draws 2.5 kWh; 5 kWh − 2.5 = 2.5 kWh left.
        var seller = House("seller", batteries: [Battery(10, 0.5, efficiency: 0.8)], preferences: Preferences.Default with { StorageMode = StorageMode.SellFirst, ReserveSoc = 0.2 });

        RunTotals t = PayAsOffer(Build([Buyer(), seller]));

        Assert.Equal(2.0, t.PeerSoldKwh[1], 12);
        Assert.Equal(2.5, t.StoredEndKwh[1], 12);
        Assert.Equal(0.5, t.LossesKwh[1], 12);
        Assert.True(t.MaxResidualKwh < 1e-12);
    }

    [Fact]
    public void ASellFirstBattery_StopsSellingAtItsReserve()
    {
        // Reserve 45 % of 10 kWh: only 0.5 kWh above it, sold in the first slot; the buyer imports the other 1.5 kWh.
        var seller = House("seller", batteries: [Battery(10, 0.5)], preferences: Preferences.Default with { StorageMode = StorageMode.SellFirst, ReserveSoc = 0.45 });

        RunTotals t = PayAsOffer(Build([Buyer(), seller]));

        Assert.Equal(0.5, t.PeerSoldKwh[1], 12);
        Assert.Equal(4.5, t.StoredEndKwh[1], 12);
        Assert.Equal(1.5, t.ImportKwh[0], 12);
    }

    [Fact]
    public void AStoreFirstBattery_ServesOnlyItsOwnHousehold()
    {
        var seller = House("seller", batteries: [Battery(10, 0.5)]);

        RunTotals t = PayAsOffer(Build([Buyer(), seller]));

        Assert.Equal(0, t.PeerSoldKwh[1]);
        Assert.Equal(5.0, t.StoredEndKwh[1], 12);
    }

    [Fact]
    public void ASellFirstBattery_DoesNotSellBelowTheHouseholdsMinimumPrice()
    {
        var seller = House("seller", batteries: [Battery(10, 0.5)], preferences: Preferences.Default with { StorageMode = StorageMode.SellFirst, MinSellPrice = 0.31m });

        RunTotals t = PayAsOffer(Build([Buyer(), seller]));

        Assert.Equal(0, t.PeerSoldKwh[1]);
        Assert.Equal(5.0, t.StoredEndKwh[1], 12);
    }

    [Fact]
    public void UnderGridOnly_ASellFirstBattery_KeepsItsEnergy()
    {
        var seller = House("seller", batteries: [Battery(10, 0.5)], preferences: Preferences.Default with { StorageMode = StorageMode.SellFirst });

        RunTotals t = Simulator.Run(Build([Buyer(), seller]));

        Assert.Equal(5.0, t.StoredEndKwh[1], 12);
        Assert.Equal(2.0, t.ImportKwh[0], 12);
    }

    [Fact]
    public void ADispatchableGenerator_OffersItsSpareOutputAtItsFuelCost()
    {
        // 4 kW rated (1 kWh per slot), no minimum load, fuel 0.20: pay-as-offer sells 0.5 kWh per slot at 0.20.
        var seller = House("seller", generators: [new DispatchableGenerator("diesel", true, 4, 0, 0.20m)]);

        RunTotals t = PayAsOffer(Build([Buyer(), seller]));

        Assert.Equal(2.0, t.PeerSoldKwh[1], 12);
        Assert.Equal(2.0, t.DispatchableKwh[1], 12);
        Assert.Equal(400_000, t.NetCostMicros(0));
        Assert.Equal(400_000, t.FuelCostMicros[1]);
        Assert.Equal(0, t.NetCostMicros(1)); // paid exactly its fuel
        Assert.True(t.MaxResidualKwh < 1e-12);
    }

    [Fact]
    public void ADispatchableGenerator_RunsAtItsMinimumLoad_AndExportsTheRest()
    {
        // Minimum load 80 % of 1 kWh = 0.8 kWh per slot; 0.5 kWh sold at 0.20, 0.3 kWh exported at 0.10, fuel 0.8 × 0.20.
        // Per slot: 0.16 − 0.03 − 0.10 = 0.03; four slots 0.12.
        var seller = House("seller", generators: [new DispatchableGenerator("diesel", true, 4, 0.8, 0.20m)]);

        RunTotals t = PayAsOffer(Build([Buyer(), seller]));

        Assert.Equal(2.0, t.PeerSoldKwh[1], 12);
        Assert.Equal(3.2, t.DispatchableKwh[1], 12);
        Assert.Equal(1.2, t.ExportKwh[1], 12);
        Assert.Equal(120_000, t.NetCostMicros(1));
        Assert.True(t.MaxResidualKwh < 1e-12);
    }

    [Fact]
    public void ADispatchableGenerator_NeverSellsBelowItsFuelCost()
    {
        var seller = House("seller", generators: [new DispatchableGenerator("diesel", true, 4, 0, 0.20m)]);

        RunTotals t = PayAsOffer(Build([Buyer(Preferences.Default with { MaxBuyPrice = 0.19m }), seller]));

        Assert.Equal(0, t.PeerSoldKwh[1]);
        Assert.Equal(0, t.DispatchableKwh[1]);
        Assert.Equal(0, t.FuelCostMicros[1]);
    }

    [Fact]
    public void ADispatchableGenerator_IsNotGreen()
    {
        // Green-only buyers under preference-first never buy a generator's output.
        var seller = House("seller", generators: [new DispatchableGenerator("diesel", true, 4, 0, 0.20m)]);
        Scenario s = Build([Buyer(Preferences.Default with { GreenOnly = true }), seller]);

        RunTotals t = Simulator.Run(s, new AuctionMarket(new PreferenceFirst(new PayAsClear(PricingConvention.EquilibriumInterval, 0.5))));

        Assert.Equal(0, t.PeerSoldKwh[1]);
    }

    [Fact]
    public void ABatteryWithAGridChargeThreshold_BidsToChargeFromPeers_BelowIt()
    {
        // Empty 4 kWh battery, threshold 0.15 < retail 0.30 (so no grid charging); a neighbour's 2 kW surplus offered at 0.10.
        // Pay-as-offer: 0.5 kWh per slot at 0.10 into the battery.
        var charger = House("charger", batteries: [Battery(4, 0)], preferences: Preferences.Default with { GridChargeBelowPrice = 0.15m });
        var seller = House("seller", generators: [new ProfileGenerator("roof", true, "gen")]);

        RunTotals t = PayAsOffer(Build([charger, seller], profiles: Gen2Kw));

        Assert.Equal(2.0, t.PeerBoughtKwh[0], 12);
        Assert.Equal(2.0, t.StoredEndKwh[0], 12);
        Assert.Equal(2.0, t.ChargeKwh[0], 12);
        Assert.Equal(200_000, t.NetCostMicros(0));
        Assert.Equal(0, t.ImportKwh[0], 12);
        Assert.Equal(0, t.ExportKwh[1], 12);
        Assert.True(t.MaxResidualKwh < 1e-12);
    }

    [Fact]
    public void ABatteryWithAGridChargeThreshold_DoesNotBuyAbove()
    {
        var charger = House("charger", batteries: [Battery(4, 0)], preferences: Preferences.Default with { GridChargeBelowPrice = 0.15m });
        var seller = House("seller", generators: [new ProfileGenerator("roof", true, "gen")], preferences: Preferences.Default with { MinSellPrice = 0.16m });

        RunTotals t = PayAsOffer(Build([charger, seller], profiles: Gen2Kw));

        Assert.Equal(0, t.PeerBoughtKwh[0]);
        Assert.Equal(0, t.StoredEndKwh[0], 12);
    }

    [Fact]
    public void ABatteryCharge_FromPeers_StopsAtItsMaximumSoc()
    {
        // 4 kWh, maximum 1 kWh above its 2 kWh start at η_c = 0.8 → it can take 1.25 kWh from the bus.
        var battery = new Battery("b", 4, 2, 2, 0.8, 1, MinSoc: 0, MaxSoc: 0.75, InitialSoc: 0.5, SelfDischargePerDay: 0);
        var charger = House("charger", batteries: [battery], preferences: Preferences.Default with { GridChargeBelowPrice = 0.15m });
        var seller = House("seller", generators: [new ProfileGenerator("roof", true, "gen")]);

        RunTotals t = PayAsOffer(Build([charger, seller], profiles: Gen2Kw));

        Assert.Equal(1.25, t.PeerBoughtKwh[0], 9);
        Assert.Equal(3.0, t.StoredEndKwh[0], 9);
        Assert.True(t.MaxResidualKwh < 1e-12);
    }

    [Fact]
    public void AFlexibleSeller_TradesAcrossAHierarchy_WithLosses()
    {
        // Buyer in cell 0, sell-first battery in cell 1, one community, 1 % loss per crossing: 0.5 kWh arrives per slot,
        // so the battery sends 0.5 ÷ 0.9801 per slot.
        var seller = House("seller", batteries: [Battery(10, 0.5, powerKw: 4)], preferences: Preferences.Default with { StorageMode = StorageMode.SellFirst });
        var topology = new HierarchyTopology([0, 1], [0, 0], [0], [null, null], [null, null]);
        var market = new HierarchicalMarket(topology, HierarchyCharges.None with { LossPerCrossing = 0.01 }, () => new PayAsOffer());

        RunTotals t = Simulator.Run(Build([Buyer(), seller]), market);

        Assert.Equal(2.0, t.PeerBoughtKwh[0], 5);
        Assert.Equal(t.PeerSoldKwh[1], 5.0 - t.StoredEndKwh[1], 9);
        Assert.True(t.PeerSoldKwh[1] > t.PeerBoughtKwh[0]);
        Assert.True(t.MaxResidualKwh < 1e-9);
    }

    public static TheoryData<ulong> Seeds()
    {
        var data = new TheoryData<ulong>();
        for (ulong s = 100; s < 140; s++)
        {
            data.Add(s);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomCommunities_WithFlexibleOrders_KeepEnergyMoneyAndSocInBounds(ulong seed)
    {
        Scenario scenario = RandomScenarios.Create(seed, householdCount: 10);
        var recorder = new SeriesRecorder();
        IClearingMechanism clearing = (seed % 3) switch
        {
            0 => new PayAsClear(PricingConvention.EquilibriumInterval, 0.5),
            1 => new PayAsBid(),
            _ => new PayAsOffer(),
        };

        RunTotals t = Simulator.Run(scenario, new AuctionMarket(clearing), [recorder]);

        Assert.True(t.MaxResidualKwh < 1e-9, $"residual {t.MaxResidualKwh}");
        Assert.Equal(t.PeerBoughtKwh.Sum(), t.PeerSoldKwh.Sum(), 9);
        Assert.Equal(0, t.PeerNetPaidMicros.Sum());
        for (int h = 0; h < scenario.Households.Count; h++)
        {
            Battery[] on = [.. scenario.Households[h].Batteries.Where(b => b.IsOn)];
            double min = on.Sum(b => b.MinSoc * b.CapacityKwh), max = on.Sum(b => b.MaxSoc * b.CapacityKwh);
            foreach (double[] slot in recorder.Stored)
            {
                Assert.InRange(slot[h], on.Length == 0 ? 0 : min - 1e-9, on.Length == 0 ? 0 : max + 1e-9);
            }
        }
    }
}
