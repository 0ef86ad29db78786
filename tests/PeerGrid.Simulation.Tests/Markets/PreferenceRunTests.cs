using PeerGrid.Domain.Households;
using PeerGrid.Markets.Auctions;
using PeerGrid.Markets.Hierarchy;
using PeerGrid.Markets.Mechanisms;
using PeerGrid.Simulation.Observers;
using PeerGrid.Simulation.Profiles;
using PeerGrid.Simulation.Scenarios;
using static PeerGrid.Simulation.Tests.Engine.TestScenarios;

namespace PeerGrid.Simulation.Tests.Markets;

/// <summary>
/// Households' preferred sellers and green-only wishes reach the preference-first mechanism through the engine.
/// One hour of 15-minute slots, retail 0.30, feed-in 0.10; the buyer draws 2 kW (0.5 kWh per slot).
/// </summary>
public class PreferenceRunTests
{
    private static readonly Dictionary<string, Profile> Gen2Kw = new() { ["gen"] = ConstantDaily("gen", 2) };

    private static Household Buyer(Preferences preferences) => House("buyer", appliances: [Window(2, "00:00", "01:00")], preferences: preferences);

    /// <summary>A 2 kW profile generator, renewable or not, selling at no less than <paramref name="minSell"/>.</summary>
    private static Household Seller(string id, decimal minSell, bool renewable = true) =>
        House(id, generators: [new ProfileGenerator("gen", true, "gen", Renewable: renewable)], preferences: Preferences.Default with { MinSellPrice = minSell });

    private static AuctionMarket PreferenceFirst() => new(new PreferenceFirst(new PayAsClear(PricingConvention.EquilibriumInterval, 0.5)), "preference-first");

    [Fact]
    public void ABuyer_BuysFromItsPreferredSeller_EvenWhenAnotherIsCheaper()
    {
        // Pass 1 matches the buyer with "dear" (0.20) at the bid's price, the retail 0.30: 2 kWh × 0.30 = 0.60.
        Scenario s = Build([Buyer(Preferences.Default with { PreferredSellers = ["dear"] }), Seller("cheap", 0.10m), Seller("dear", 0.20m)], profiles: Gen2Kw);

        RunTotals t = Simulator.Run(s, PreferenceFirst());

        Assert.Equal(0, t.PeerSoldKwh[1]);
        Assert.Equal(2.0, t.PeerSoldKwh[2], 12);
        Assert.Equal(600_000, t.NetCostMicros(0));
    }

    [Fact]
    public void WithoutAPreference_TheCheaperSellerWins()
    {
        Scenario s = Build([Buyer(Preferences.Default), Seller("cheap", 0.10m), Seller("dear", 0.20m)], profiles: Gen2Kw);

        RunTotals t = Simulator.Run(s, PreferenceFirst());

        Assert.Equal(2.0, t.PeerSoldKwh[1], 12);
        Assert.Equal(0, t.PeerSoldKwh[2]);
    }

    [Fact]
    public void AGreenOnlyBuyer_SkipsACheaperGreySeller()
    {
        Scenario s = Build([Buyer(Preferences.Default with { GreenOnly = true }), Seller("grey", 0.10m, renewable: false), Seller("green", 0.20m)], profiles: Gen2Kw);

        RunTotals t = Simulator.Run(s, PreferenceFirst());

        Assert.Equal(0, t.PeerSoldKwh[1]);
        Assert.Equal(2.0, t.PeerSoldKwh[2], 12);
    }

    [Fact]
    public void AGreenOnlyBuyer_WithOnlyGreySellers_BuysFromTheGrid()
    {
        Scenario s = Build([Buyer(Preferences.Default with { GreenOnly = true }), Seller("grey", 0.10m, renewable: false)], profiles: Gen2Kw);

        RunTotals t = Simulator.Run(s, PreferenceFirst());

        Assert.Equal(0, t.PeerBoughtKwh[0]);
        Assert.Equal(2.0, t.ImportKwh[0], 12);
    }

    [Fact]
    public void APreferredSellerInAnotherCell_IsReachedInTheCommunity()
    {
        // Buyer and "cheap" share cell 0; "dear" is in cell 1. The cell clears first but the buyer's preference pass finds
        // no preferred seller there, and its open pass takes "cheap". So local first wins over the preference.
        Scenario s = Build([Buyer(Preferences.Default with { PreferredSellers = ["dear"] }), Seller("cheap", 0.10m), Seller("dear", 0.20m)], profiles: Gen2Kw);
        var topology = new HierarchyTopology([0, 0, 1], [0, 0], [0], [null, null], [null, null]);
        var market = new HierarchicalMarket(topology, HierarchyCharges.None, () => new PreferenceFirst(new PayAsClear(PricingConvention.EquilibriumInterval, 0.5)));

        RunTotals t = Simulator.Run(s, market);

        Assert.Equal(2.0, t.PeerSoldKwh[1], 12);
        Assert.Equal(0, t.PeerSoldKwh[2]);
    }

    [Fact]
    public void APreferredSeller_IsIgnoredByPayAsClear()
    {
        Scenario s = Build([Buyer(Preferences.Default with { PreferredSellers = ["dear"], GreenOnly = true }), Seller("cheap", 0.10m, renewable: false), Seller("dear", 0.20m)], profiles: Gen2Kw);

        RunTotals t = Simulator.Run(s, new AuctionMarket(new PayAsClear(PricingConvention.EquilibriumInterval, 0.5)));

        Assert.Equal(2.0, t.PeerSoldKwh[1], 12);
    }
}
