using PeerGrid.Domain.Households;
using PeerGrid.Domain.Trading;
using PeerGrid.Markets.Auctions;
using PeerGrid.Markets.Mechanisms;
using PeerGrid.Simulation.Observers;
using PeerGrid.Simulation.Scenarios;
using PeerGrid.Simulation.Tests.Engine;
using static PeerGrid.Simulation.Tests.Engine.TestScenarios;

namespace PeerGrid.Simulation.Tests.Markets;

/// <summary>The double auctions run inside the engine.</summary>
public class AuctionRunTests
{
    private static Scenario Neighbours()
    {
        // A needs 2 kW for an hour, B has 2 kW spare: each slot A bids 0.5 kWh at the retail 0.30 and B offers 0.5 kWh at the feed-in 0.10.
        var profiles = new Dictionary<string, PeerGrid.Simulation.Profiles.Profile> { ["gen"] = ConstantDaily("gen", 2) };
        var a = House("a", appliances: [Window(2, "00:00", "01:00")]);
        var b = House("b", generators: [new ProfileGenerator("roof", true, "gen")]);
        return Build([a, b], profiles: profiles);
    }

    public static TheoryData<string, long> PriceCases() => new()
    {
        { "pay-as-clear k=0.5", 400_000 },  // equilibrium interval [0.10, 0.30], midpoint 0.20 × 2 kWh
        { "marginal-pair k=0", 200_000 },   // the marginal offer sets the price: 0.10
        { "pay-as-bid", 600_000 },          // the bid's price: 0.30
        { "pay-as-offer", 200_000 },        // the offer's price: 0.10
    };

    private static IClearingMechanism Clearing(string name) => name switch
    {
        "pay-as-clear k=0.5" => new PayAsClear(PricingConvention.EquilibriumInterval, 0.5),
        "marginal-pair k=0" => new PayAsClear(PricingConvention.MarginalPair, 0),
        "pay-as-bid" => new PayAsBid(),
        "pay-as-offer" => new PayAsOffer(),
        "huang" => new HuangTradeReduction(),
        _ => new PreferenceFirst(new PayAsClear(PricingConvention.EquilibriumInterval, 0.5)),
    };

    [Theory]
    [MemberData(nameof(PriceCases))]
    public void TwoNeighbours_TradeAtTheMechanismsPrice(string mechanism, long buyerPays)
    {
        RunTotals t = Simulator.Run(Neighbours(), new AuctionMarket(Clearing(mechanism)));

        Assert.Equal(buyerPays, t.NetCostMicros(0));
        Assert.Equal(-buyerPays, t.NetCostMicros(1));
        Assert.Equal(2.0, t.PeerBoughtKwh[0], 12);
        Assert.Equal(2.0, t.PeerSoldKwh[1], 12);
        Assert.Equal(0, t.ImportKwh[0], 12);
        Assert.Equal(0, t.ExportKwh[1], 12);
    }

    [Fact]
    public void Huang_WithOneBuyerAndOneSeller_ExcludesBoth_SoTheGridServesThem()
    {
        RunTotals t = Simulator.Run(Neighbours(), new AuctionMarket(Clearing("huang")));

        Assert.Equal(0, t.PeerBoughtKwh[0]);
        Assert.Equal(600_000, t.NetCostMicros(0));
        Assert.Equal(-200_000, t.NetCostMicros(1));
    }

    [Fact]
    public void ASellerWithAMinimumAboveTheBuyersMaximum_DoesNotTrade()
    {
        Scenario s = Neighbours();
        s = s with { Households = [s.Households[0] with { Preferences = Preferences.Default with { MaxBuyPrice = 0.15m } }, s.Households[1] with { Preferences = Preferences.Default with { MinSellPrice = 0.20m } }] };

        RunTotals t = Simulator.Run(s, new AuctionMarket(Clearing("pay-as-clear k=0.5")));

        Assert.Equal(0, t.PeerBoughtKwh[0]);
    }

    public static TheoryData<ulong, string> RandomCases()
    {
        var data = new TheoryData<ulong, string>();
        string[] names = ["pay-as-clear k=0.5", "pay-as-bid", "pay-as-offer", "preference-first", "huang"];
        for (ulong s = 1; s <= 12; s++)
        {
            data.Add(s, names[(int)(s % (ulong)names.Length)]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void Auctions_KeepEnergyAndMoneyBalanced(ulong seed, string mechanism)
    {
        Scenario scenario = RandomScenarios.Create(seed, householdCount: 8);
        var recorder = new SeriesRecorder();

        RunTotals t = Simulator.Run(scenario, new AuctionMarket(Clearing(mechanism)), [recorder]);

        Assert.True(t.MaxResidualKwh < 1e-9, $"residual {t.MaxResidualKwh}");
        Assert.Equal(t.PeerBoughtKwh.Sum(), t.PeerSoldKwh.Sum(), 9);
        long peerMoney = t.PeerNetPaidMicros.Sum();
        if (mechanism == "huang")
        {
            Assert.True(peerMoney >= 0, "Huang's operator keeps a non-negative surplus");
        }
        else
        {
            Assert.Equal(0, peerMoney);
        }
        Assert.All(recorder.Import, slot => Assert.All(slot, v => Assert.True(v >= 0)));
    }
}

public class BuyingPreferenceTests
{
    [Fact]
    public void AHouseholdThatDoesNotBuyFromPeers_BuysFromTheGrid()
    {
        var profiles = new Dictionary<string, PeerGrid.Simulation.Profiles.Profile> { ["gen"] = ConstantDaily("gen", 2) };
        var a = House("a", appliances: [Window(2, "00:00", "01:00")], preferences: Preferences.Default with { PreferP2P = false });
        var b = House("b", generators: [new ProfileGenerator("roof", true, "gen")]);

        RunTotals t = Simulator.Run(Build([a, b], profiles: profiles), new AuctionMarket(new PayAsClear(PricingConvention.EquilibriumInterval, 0.5)));

        Assert.Equal(0, t.PeerBoughtKwh[0]);
        Assert.Equal(2.0, t.ImportKwh[0], 12);
        Assert.Equal(2.0, t.ExportKwh[1], 12);
    }
}
