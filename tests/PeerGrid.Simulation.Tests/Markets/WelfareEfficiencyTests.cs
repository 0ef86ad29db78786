using PeerGrid.Domain.Households;
using PeerGrid.Markets.Auctions;
using PeerGrid.Markets.Mechanisms;
using PeerGrid.Markets.Sharing;
using PeerGrid.Simulation.Kpis;
using PeerGrid.Simulation.Profiles;
using PeerGrid.Simulation.Scenarios;
using PeerGrid.Simulation.Tests.Engine;
using static PeerGrid.Simulation.Tests.Engine.TestScenarios;

namespace PeerGrid.Simulation.Tests.Markets;

/// <summary>
/// Welfare efficiency over a run (achieved ÷ maximum surplus, valuations = the orders' limits against the grid).
/// One hour of 15-minute slots, retail 0.30, feed-in 0.10; each buyer draws 2 kW, the seller has 2 kW spare.
/// </summary>
public class WelfareEfficiencyTests
{
    private static readonly Dictionary<string, Profile> Gen2Kw = new() { ["gen"] = ConstantDaily("gen", 2) };

    private static Household Buyer(string id, Preferences? p = null) => House(id, appliances: [Window(2, "00:00", "01:00")], preferences: p);

    private static Household Seller() => House("s", generators: [new ProfileGenerator("gen", true, "gen")]);

    private static MarketEfficiency Measure(Scenario s, PeerGrid.Domain.Trading.IMarketMechanism? market)
    {
        var e = new MarketEfficiency();
        Simulator.Run(s, market, [e]);
        return e;
    }

    [Fact]
    public void APairThatTrades_ReachesTheMaximumWelfare()
    {
        // Per slot 0.5 kWh × (0.30 − 0.10): achieved = maximum = 0.10, four slots 0.40.
        MarketEfficiency e = Measure(Build([Buyer("a"), Seller()], profiles: Gen2Kw), new AuctionMarket(new PayAsClear(PricingConvention.EquilibriumInterval, 0.5)));

        Assert.Equal(400_000, e.MaximumWelfareMicros, 6);
        Assert.Equal(400_000, e.AchievedWelfareMicros, 6);
        Assert.Equal(1.0, e.WelfareEfficiency, 12);
    }

    [Fact]
    public void HuangsExcludedPair_AchievesNoWelfare()
    {
        MarketEfficiency e = Measure(Build([Buyer("a"), Seller()], profiles: Gen2Kw), new AuctionMarket(new HuangTradeReduction()));

        Assert.Equal(0, e.WelfareEfficiency);
    }

    [Fact]
    public void APreferenceForALowValueBuyer_TradesTheFullVolume_ButLittleWelfare()
    {
        // "a" values energy at 0.30, "b" at 0.12 and "b" prefers the only seller: it gets the 0.5 kWh per slot.
        // Maximum 0.5 × (0.30 − 0.10) = 0.10; achieved 0.5 × (0.12 − 0.10) = 0.01 per slot: 10 %. Volume: 100 %.
        Scenario s = Build([Buyer("a"), Buyer("b", Preferences.Default with { MaxBuyPrice = 0.12m, PreferredSellers = ["s"] }), Seller()], profiles: Gen2Kw);

        MarketEfficiency e = Measure(s, new AuctionMarket(new PreferenceFirst(new PayAsClear(PricingConvention.EquilibriumInterval, 0.5))));

        Assert.Equal(1.0, e.VolumeEfficiency, 12);
        Assert.Equal(0.1, e.WelfareEfficiency, 9);
    }

    [Fact]
    public void WithoutThePreference_TheHighValueBuyerWins()
    {
        Scenario s = Build([Buyer("a"), Buyer("b", Preferences.Default with { MaxBuyPrice = 0.12m }), Seller()], profiles: Gen2Kw);

        MarketEfficiency e = Measure(s, new AuctionMarket(new PayAsOffer()));

        Assert.Equal(1.0, e.WelfareEfficiency, 12);
    }

    [Fact]
    public void ASharingPool_SplitsTheSupply_SoItsWelfareFollowsTheBuyersValues()
    {
        // SDR gives each buyer half of the 0.5 kWh: 0.25 × 0.30 + 0.25 × 0.12 − 0.5 × 0.10 = 0.055 of 0.10 per slot.
        Scenario s = Build([Buyer("a"), Buyer("b", Preferences.Default with { MaxBuyPrice = 0.12m }), Seller()], profiles: Gen2Kw);

        MarketEfficiency e = Measure(s, new SlotSharingMarket(SupplyDemandRatio.Instance, 3));

        Assert.Equal(0.55, e.WelfareEfficiency, 9);
    }

    [Fact]
    public void GridOnly_FormsNoBook_SoItsWelfareEfficiencyIsUndefined()
    {
        MarketEfficiency e = Measure(Build([Buyer("a"), Seller()], profiles: Gen2Kw), null);

        Assert.True(double.IsNaN(e.WelfareEfficiency));
    }

    [Theory]
    [InlineData(1ul)]
    [InlineData(2ul)]
    [InlineData(3ul)]
    [InlineData(4ul)]
    [InlineData(5ul)]
    public void OnRandomCommunities_WelfareEfficiencyIsAtMostOne(ulong seed)
    {
        Scenario s = RandomScenarios.Create(seed, householdCount: 9);

        MarketEfficiency e = Measure(s, new AuctionMarket(new PayAsBid()));

        Assert.True(double.IsNaN(e.WelfareEfficiency) || e.WelfareEfficiency <= 1 + 1e-9, $"welfare efficiency {e.WelfareEfficiency}");
        Assert.True(e.AchievedWelfareMicros >= -1e-3, "individually rational trades never lose welfare");
    }
}
