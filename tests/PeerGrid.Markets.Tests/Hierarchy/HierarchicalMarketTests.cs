using PeerGrid.Domain.Trading;
using PeerGrid.Markets.Auctions;
using PeerGrid.Markets.Hierarchy;
using static PeerGrid.Markets.Tests.Hierarchy.HierarchyKit;

namespace PeerGrid.Markets.Tests.Hierarchy;

/// <summary>
/// Hand-computed hierarchies. Unless said otherwise: cell fee 0.01/kWh, community fee 2 %, region fee 0.02/kWh, loss
/// 1 % per crossing (a community trade arrives × 0.99² = 0.9801), platform fee 0.005/kWh; retail 0.30, feed-in 0.10.
/// </summary>
public class HierarchicalMarketTests
{
    /// <summary>Seller 0 in cell 0, buyer 1 in cell 1, both cells in one community.</summary>
    private static readonly HierarchyTopology TwoCells = new([0, 1], [0, 0], [0]);

    [Fact]
    public void PayAsOffer_AcrossTwoCells_PaysEveryMarketOnThePath_AndTheBuyerBearsTheLoss()
    {
        var market = new HierarchicalMarket(TwoCells, Charges, Clearing("pay-as-offer"));
        MarketSlot slot = Slot([-1.0, 2.0]);

        market.Clear(slot);

        // The cells hold one side each, so nothing trades there. In the community market the offer carries the fees of
        // the markets it entered: 0.10 + 0.01 (its cell) + 2 % × 0.10 (the community) = 0.112. The bid is the buyer's
        // 0.30 × 0.9801 = 0.29403 per kWh sent, less the platform fee 0.005 and the fee of the cell it left 0.01 =
        // 0.27903 ≥ 0.112: 1 kWh trades at 0.112 (pay-as-offer). The seller gets 0.112 − 0.01 − 2 % of its price v:
        // v = 0.102 / 1.02 = 0.10. The buyer pays v + the cell fee twice (seller's and buyer's cell) + 2 % × v + 0.005 =
        // 0.10 + 0.02 + 0.002 + 0.005 = 0.127 for 0.9801 kWh that arrive.
        Assert.Equal(-1.0, slot.TradedKwh[0]);
        Assert.Equal(0.9801, slot.TradedKwh[1]);
        Assert.Equal(-100_000, slot.PaidMicros[0]);
        Assert.Equal(127_000, slot.PaidMicros[1]);
        Assert.Equal(20_000, market.LastGridFeesMicros(HierarchyLevel.Cell));
        Assert.Equal(2_000, market.LastGridFeesMicros(HierarchyLevel.Community));
        Assert.Equal(0, market.LastGridFeesMicros(HierarchyLevel.Region));
        Assert.Equal(5_000, market.LastPlatformFeesMicros);
        Assert.Equal(0.0199, market.LastLossesKwh, 12);
        Assert.Equal(1.0, market.LastTradedKwh(HierarchyLevel.Community));
        Assert.Equal(0, market.LastTradedKwh(HierarchyLevel.Cell));
        Assert.Equal([1.0, 0], market.LastCellExportKwh.ToArray());
        Assert.Equal([0, 0.9801], market.LastCellImportKwh.ToArray());
        Assert.Equal([0.0, 0], market.LastCongestedExportKwh.ToArray());
    }

    [Fact]
    public void PayAsClear_AcrossTwoCells_TakesTheSellersPriceFromTheClearingPriceNetOfFees()
    {
        var market = new HierarchicalMarket(TwoCells, Charges, Clearing("pay-as-clear"));
        MarketSlot slot = Slot([-1.0, 2.0]);

        market.Clear(slot);

        // Offer 0.112, bid 0.27903 for 2 / 0.9801 = 2.040608 kWh sent. The offer sells out and the bid keeps a
        // remainder, which pins the equilibrium price to the bid: 0.27903. v = (0.27903 − 0.01) / 1.02 = 0.263754(90)
        // rounded down = 0.263754; the community fee is 2 % of it, 0.005275(08) → 0.005275. The buyer pays
        // 0.263754 + 0.02 + 0.005275 + 0.005 = 0.294029 for 0.9801 kWh: 0.299999 per kWh received, within its 0.30.
        Assert.Equal(-263_754, slot.PaidMicros[0]);
        Assert.Equal(294_029, slot.PaidMicros[1]);
        Assert.Equal(5_275, market.LastGridFeesMicros(HierarchyLevel.Community));
        Assert.True(slot.PaidMicros[1] / slot.TradedKwh[1] <= Retail);
    }

    [Fact]
    public void ABindingExportCapacity_LetsExactlyTheCapacityCross_AndReportsTheRestAsCongestion()
    {
        var topology = new HierarchyTopology([0, 1], [0, 0], [0], exportCapacityKwh: [0.4, null]);
        var market = new HierarchicalMarket(topology, Charges, Clearing("pay-as-offer"));
        MarketSlot slot = Slot([-1.0, 2.0]);

        market.Clear(slot);

        // 0.4 kWh crosses at 0.112: the seller gets 0.4 × 0.10 = 0.04; the buyer pays 0.04 + 2 × 0.004 (cells) +
        // 0.0008 (2 %) + 0.002 (platform) = 0.0508 for 0.4 × 0.9801 = 0.39204 kWh. The other 0.6 kWh stays unmatched
        // (the engine exports it to the grid); without the limit it would have crossed.
        Assert.Equal(-0.4, slot.TradedKwh[0]);
        Assert.Equal(0.39204, slot.TradedKwh[1], 15);
        Assert.Equal(-40_000, slot.PaidMicros[0]);
        Assert.Equal(50_800, slot.PaidMicros[1]);
        Assert.Equal(0.4, market.LastCellExportKwh[0]);
        Assert.Equal(0.6, market.LastCongestedExportKwh[0], 15);
        Assert.Equal(0, market.LastCongestedImportKwh[1]);
    }

    [Fact]
    public void ABindingImportCapacity_CapsTheEnergyThatArrives()
    {
        var topology = new HierarchyTopology([0, 1], [0, 0], [0], importCapacityKwh: [null, 0.5]);
        var market = new HierarchicalMarket(topology, Charges, Clearing("pay-as-offer"));
        MarketSlot slot = Slot([-1.0, 2.0]);

        market.Clear(slot);

        // The bid is admitted for ⌊0.5 / 0.9801⌋ = 0.510152 kWh sent, which arrive as 0.4999999752 kWh ≤ 0.5. Money at
        // v = 0.10: seller 0.0510152 → 0.051015; cells 2 × 0.00510152 → 2 × 0.005102; 2 %: 0.001020304 → 0.001020;
        // platform 0.00255076 → 0.002551; the buyer pays 0.064790.
        Assert.Equal(-0.510152, slot.TradedKwh[0]);
        Assert.Equal(0.510152 * 0.9801, slot.TradedKwh[1]);
        Assert.True(market.LastCellImportKwh[1] <= 0.5);
        Assert.Equal(-51_015, slot.PaidMicros[0]);
        Assert.Equal(64_790, slot.PaidMicros[1]);
        Assert.Equal(0.9801 - (0.510152 * 0.9801), market.LastCongestedImportKwh[1], 12);
        Assert.Equal(0, market.LastCongestedExportKwh[0]);
    }

    [Fact]
    public void ATradeBetweenCommunities_PassesTwoCellsTwoCommunitiesAndTheRegion_AndCrossesFourTimes()
    {
        var topology = new HierarchyTopology([0, 1], [0, 1], [0, 0]);
        var market = new HierarchicalMarket(topology, Charges, Clearing("pay-as-offer"));
        MarketSlot slot = Slot([-1.0, 2.0]);

        market.Clear(slot);

        // Offer in the region market: 0.10 + 0.01 + 0.002 + 0.02 = 0.132. Bid: ⌊0.30 × 0.99⁴⌋ = 0.288178, less 0.005,
        // 0.01 (its cell) and ⌈2 % × 0.288178⌉ = 0.005764 (its community) = 0.267414 ≥ 0.132. v = 0.102 / 1.02 = 0.10;
        // the buyer pays 0.10 + 2 × 0.01 + 2 × 0.002 + 0.02 + 0.005 = 0.149 for 0.99⁴ = 0.96059601 kWh.
        Assert.Equal(-100_000, slot.PaidMicros[0]);
        Assert.Equal(149_000, slot.PaidMicros[1]);
        Assert.Equal(0.99 * 0.99 * (0.99 * 0.99), slot.TradedKwh[1]);
        Assert.Equal(20_000, market.LastGridFeesMicros(HierarchyLevel.Cell));
        Assert.Equal(4_000, market.LastGridFeesMicros(HierarchyLevel.Community));
        Assert.Equal(20_000, market.LastGridFeesMicros(HierarchyLevel.Region));
        Assert.Equal(1.0, market.LastTradedKwh(HierarchyLevel.Region));
    }

    [Fact]
    public void ABuyer_BuysInItsOwnCellFirst_EvenWhenAnotherCellSellsCheaper()
    {
        // Household 0 needs 1 kWh; household 1, in its cell, sells at 0.20 at least; household 2, in the other cell, at 0.10.
        var topology = new HierarchyTopology([0, 0, 1], [0, 0], [0]);
        var market = new HierarchicalMarket(topology, Charges, Clearing("pay-as-offer"));
        MarketSlot slot = Slot([1.0, -1.0, -1.0], offerLimits: [0, 200_000, 0]);

        market.Clear(slot);

        // Cell market: offer 0.20 + 0.01 = 0.21, bid 0.30 − 0.005 = 0.295: 1 kWh at 0.21, no loss, one cell fee.
        Assert.Equal(1.0, slot.TradedKwh[0]);
        Assert.Equal(-1.0, slot.TradedKwh[1]);
        Assert.Equal(0, slot.TradedKwh[2]);
        Assert.Equal(-200_000, slot.PaidMicros[1]);
        Assert.Equal(215_000, slot.PaidMicros[0]);
        Assert.Equal(10_000, market.LastGridFeesMicros(HierarchyLevel.Cell));
        Assert.Equal(0, market.LastLossesKwh);
    }

    [Fact]
    public void WithoutTheCellLevel_TheSameBuyerWouldTakeTheCheaperSeller()
    {
        var market = new HierarchicalMarket(HierarchyTopology.Flat(3), HierarchyCharges.None, Clearing("pay-as-offer"));
        MarketSlot slot = Slot([1.0, -1.0, -1.0], offerLimits: [0, 200_000, 0]);

        market.Clear(slot);

        Assert.Equal(-1.0, slot.TradedKwh[2]);
        Assert.Equal(0, slot.TradedKwh[1]);
    }

    [Fact]
    public void ACommunityWithOneCell_DoesNotClearAgain()
    {
        // Huang excludes the only pair in the cell; a one-cell community must not trade that pair "across" itself.
        var market = new HierarchicalMarket(new HierarchyTopology([0, 0], [0], [0]), Charges, Clearing("huang"));
        MarketSlot slot = Slot([-1.0, 1.0]);

        market.Clear(slot);

        Assert.Equal([0.0, 0], slot.TradedKwh);
    }

    [Fact]
    public void APercentageFee_OnANegativePrice_IsZero()
    {
        Assert.Equal(0, GridFee.Percent(5).RateMicrosPerKwh(-100_000));
        Assert.Equal(5_000, GridFee.Percent(5).RateMicrosPerKwh(100_000));
        Assert.Equal(10_000, GridFee.PerKwh(0.01m).RateMicrosPerKwh(-100_000));
        Assert.Equal(20_000, GridFee.Percent(2).PartsPerMillion);
    }

    [Fact]
    public void Construction_RejectsWhatCannotBe()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HierarchyTopology([0, 2], [0, 0], [0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HierarchyTopology([0], [1], [0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HierarchyTopology([0], [0], [0], importCapacityKwh: [-1.0]));
        Assert.Throws<ArgumentException>(() => new HierarchyTopology([0], [0], [0], exportCapacityKwh: [1.0, 2.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => GridFee.Percent(101));
        Assert.Throws<ArgumentOutOfRangeException>(() => GridFee.Percent(0.00001m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HierarchicalMarket(HierarchyTopology.Flat(1), HierarchyCharges.None with { LossPerCrossing = 0.6 }, Clearing("pay-as-clear")));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HierarchicalMarket(HierarchyTopology.Flat(1), HierarchyCharges.None with { CellFee = new GridFee(-1, 0) }, Clearing("pay-as-clear")));
        var market = new HierarchicalMarket(HierarchyTopology.Flat(2), HierarchyCharges.None, Clearing("pay-as-clear"));
        Assert.Throws<ArgumentException>(() => market.Clear(Slot([1.0])));
    }

    [Fact]
    public void TheName_IsTheClearingMechanismsUnlessGiven()
    {
        Assert.Equal("pay-as-bid", new HierarchicalMarket(TwoCells, Charges, Clearing("pay-as-bid")).Name);
        Assert.Equal("preference-first", new HierarchicalMarket(TwoCells, Charges, Clearing("preference-first"), "preference-first").Name);
    }
}
