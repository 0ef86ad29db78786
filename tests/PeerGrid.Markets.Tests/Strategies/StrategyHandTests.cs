using PeerGrid.Domain.Trading;
using PeerGrid.Markets.Auctions;
using PeerGrid.Markets.Hierarchy;
using PeerGrid.Markets.Mechanisms;
using PeerGrid.Markets.Strategies;
using static PeerGrid.Markets.Tests.Strategies.StrategyKit;

namespace PeerGrid.Markets.Tests.Strategies;

/// <summary>Hand-computed books for the three order strategies (retail 0.30, feed-in 0.10 unless said otherwise).</summary>
public class StrategyHandTests
{
    private static (AuctionMarket Market, CheckingClearing Clearing) Flat(string mechanism, OrderStrategy strategy)
    {
        var checking = new CheckingClearing(Clearing(mechanism));
        return (new AuctionMarket(checking, strategy: strategy), checking);
    }

    private static void Run(AuctionMarket market, CheckingClearing checking, MarketSlot slot)
    {
        checking.Slot = slot;
        market.Clear(slot);
    }

    [Fact]
    public void Strategy_RejectsParametersOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderStrategy.Ramp(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderStrategy.Ramp(101));
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderStrategy.Adaptive(alpha: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderStrategy.Adaptive(alpha: 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderStrategy.Adaptive(margin: -0.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderStrategy.Adaptive(alpha: double.NaN));
        Assert.Equal(100, OrderStrategy.Ramp(100).Rounds);
        Assert.Equal(1, OrderStrategy.Adaptive(1, 1).Rounds);
        Assert.Equal(["fixed", "ramp", "adaptive"], OrderStrategy.Names);
        Assert.Equal("ramp", OrderStrategy.Ramp(3).Name);
        Assert.Same(OrderStrategy.Fixed, new OrderPricer().Strategy);
    }

    [Fact]
    public void RampOfTwoRounds_UnderPayAsClear_TradesInRoundOneAtTwentyCents()
    {
        (AuctionMarket market, CheckingClearing checking) = Flat("pay-as-clear", OrderStrategy.Ramp(2));
        MarketSlot slot = Slot([0.5, -0.5]);

        Run(market, checking, slot);

        // Round 1: the bid at 0.10 + 0.20·½ = 0.20 meets the offer at 0.30 − 0.20·½ = 0.20; nothing is left for round 2.
        Assert.Equal([(0, 200_000L), (1, 200_000L)], Assert.Single(checking.Books));
        Trade t = Assert.Single(checking.Trades);
        Assert.Equal(200_000, t.BuyerPriceMicrosPerKwh);
        Assert.Equal(0.5, slot.TradedKwh[0]);
        Assert.Equal(100_000, slot.PaidMicros[0]);
        Assert.Equal(-100_000, slot.PaidMicros[1]);
    }

    [Theory]
    [InlineData("pay-as-clear", 255_000)] // the middle of [0.25, 0.26]
    [InlineData("pay-as-bid", 260_000)]
    [InlineData("pay-as-offer", 250_000)]
    public void RampOfFourRounds_WithANarrowGap_TradesInRoundFourOnly(string mechanism, long price)
    {
        (AuctionMarket market, CheckingClearing checking) = Flat(mechanism, OrderStrategy.Ramp(4));
        MarketSlot slot = Slot([0.5, -0.5], bidLimits: [260_000, long.MaxValue], offerLimits: [long.MinValue, 250_000]);

        Run(market, checking, slot);

        // Bids 0.10 + 0.16·r/4, offers 0.30 − 0.05·r/4: they first cross when both reach their limits.
        Assert.Equal(
            [
                [(0, 140_000L), (1, 287_500L)],
                [(0, 180_000L), (1, 275_000L)],
                [(0, 220_000L), (1, 262_500L)],
                [(0, 260_000L), (1, 250_000L)],
            ],
            checking.Books);
        Trade t = Assert.Single(checking.Trades);
        Assert.Equal(price, t.BuyerPriceMicrosPerKwh);
        Assert.Equal(price / 2, slot.PaidMicros[0]);
        Assert.Equal(-price / 2, slot.PaidMicros[1]);
    }

    [Fact]
    public void RampPrices_RoundBidsDownAndOffersUp_AndNeverPassALimit()
    {
        var pricer = new OrderPricer(OrderStrategy.Ramp(3));
        // Buyer max 0.26, seller min 0.25; a buyer whose max (0.05) is under the feed-in; a seller whose min (0.40) is over retail.
        MarketSlot slot = Slot([1, -1, 1, -1], bidLimits: [260_000, 0, 50_000, 0], offerLimits: [0, 250_000, 0, 400_000]);
        long[] bids = new long[4], offers = new long[4];

        pricer.BeginSlot(slot, bids, offers);
        long[] round1 = pricer.Prices.ToArray();
        pricer.PriceRound(2);
        long[] round2 = pricer.Prices.ToArray();
        pricer.PriceRound(3);
        long[] round3 = pricer.Prices.ToArray();

        Assert.Equal([1_000_000L, 0, 1_000_000, 0], bids);
        Assert.Equal([0L, 1_000_000, 0, 1_000_000], offers);
        Assert.Equal([153_333L, 283_334, 50_000, 400_000], round1); // 0.10 + ⌊0.16/3⌋; 0.30 − ⌊0.05/3⌋
        Assert.Equal([206_666L, 266_667, 50_000, 400_000], round2);
        Assert.Equal([260_000L, 250_000, 50_000, 400_000], round3);
    }

    [Fact]
    public void Ramp_ReEntersOnlyTheRemainingEnergy_AndTradesAccumulate()
    {
        (AuctionMarket market, CheckingClearing checking) = Flat("pay-as-offer", OrderStrategy.Ramp(2));
        // Buyer needs 1 kWh; seller A has 0.4 kWh at the feed-in, seller B 1 kWh at a minimum of 0.28.
        MarketSlot slot = Slot([1, -0.4, -1], offerLimits: [long.MinValue, long.MinValue, 280_000]);

        Run(market, checking, slot);

        // Round 1: bid 0.20, offers 0.20 (A) and 0.29 (B): A's 0.4 kWh at 0.20. Round 2: the remaining 0.6 kWh bid at
        // 0.30 takes B's offer at 0.28.
        Assert.Equal([(0, 200_000L), (1, 200_000L), (2, 290_000L)], checking.Books[0]);
        Assert.Equal([(0, 300_000L), (2, 280_000L)], checking.Books[1]);
        Assert.Equal(2, checking.Trades.Count);
        Assert.Equal(400_000, checking.Trades[0].EnergyMicroKwh);
        Assert.Equal(600_000, checking.Trades[1].EnergyMicroKwh);
        Assert.Equal([1.0, -0.4, -0.6], slot.TradedKwh);
        Assert.Equal([248_000L, -80_000, -168_000], slot.PaidMicros);
    }

    [Fact]
    public void Adaptive_LearnsTheEstimateSequence_FromAKnownPricePath()
    {
        (AuctionMarket market, CheckingClearing checking) = Flat("pay-as-bid", OrderStrategy.Adaptive());
        OrderPricer pricer = market.Pricer;
        Assert.True(double.IsNaN(pricer.Estimate(0)));

        // Three slots of one buyer and one seller; pay-as-bid makes the slot's price the buyer's bid ⌊e·1.05⌋.
        long[] bidPrices = new long[3], offerPrices = new long[3];
        double[] estimates = new double[3];
        for (int s = 0; s < 3; s++)
        {
            MarketSlot slot = Slot([0.5, -0.5]);
            Run(market, checking, slot);
            (int _, bidPrices[s]) = checking.Books[s][0];
            (int _, offerPrices[s]) = checking.Books[s][1];
            Assert.Equal(bidPrices[s], checking.Trades[s].BuyerPriceMicrosPerKwh);
            estimates[s] = pricer.Estimate(0);
            Assert.Equal(estimates[s], pricer.Estimate(1));
        }

        // e₀ = (0.30 + 0.10)/2 = 0.20; bid ⌊e·1.05⌋, offer ⌈e·0.95⌉; e ← 0.7·e + 0.3·price.
        Assert.Equal([210_000L, 213_150, 216_347], bidPrices);
        Assert.Equal([190_000L, 192_850, 195_743], offerPrices);
        Assert.Equal(203_000, estimates[0], 6);   // 0.7·200000 + 0.3·210000
        Assert.Equal(206_045, estimates[1], 6);   // 0.7·203000 + 0.3·213150
        Assert.Equal(209_135.6, estimates[2], 6); // 0.7·206045 + 0.3·216347

        // A slot without a seller: no trade. The buyer moves toward its limit (retail); the household without an order keeps its estimate.
        MarketSlot alone = Slot([0.5, 0]);
        Run(market, checking, alone);
        Assert.Equal(236_394.92, pricer.Estimate(0), 6); // 0.7·209135.6 + 0.3·300000
        Assert.Equal(209_135.6, pricer.Estimate(1), 6);
    }

    [Fact]
    public void Adaptive_LearnsTheUniformClearingPrice_WhereTheMechanismSetsOne()
    {
        (AuctionMarket market, CheckingClearing checking) = Flat("pay-as-clear", OrderStrategy.Adaptive(alpha: 0.5, margin: 0.1));
        // Buyer max 0.24: bids min(0.24, 0.22) = 0.22, seller offers max(0.10, 0.18) = 0.18: price 0.20.
        MarketSlot slot = Slot([0.5, -0.5], bidLimits: [240_000, 0]);

        Run(market, checking, slot);
        Assert.Equal(200_000, checking.Trades[0].BuyerPriceMicrosPerKwh);
        Assert.Equal(200_000, market.Pricer.Estimate(0), 9);

        // With a higher estimate the bid stops at the buyer's limit: set it by a slot where only a buyer at retail bids.
        Run(market, checking, Slot([0.5, 0]));
        Assert.Equal(250_000, market.Pricer.Estimate(0), 9); // ½·0.20 + ½·0.30
        MarketSlot next = Slot([0.5, -0.5], bidLimits: [240_000, 0]);
        Run(market, checking, next);
        // Buyer: min(0.24, 0.275) = 0.24; seller (estimate still 0.20): max(0.10, 0.18) = 0.18.
        Assert.Equal([(0, 240_000L), (1, 180_000L)], checking.Books[^1]);
    }

    [Fact]
    public void Hierarchy_RunsEveryRoundThroughAllLevels_SoARemoteSellerCanWinAnEarlyRound()
    {
        // Cell 0: buyer h0 and seller h1 (minimum 0.28); cell 1: seller h2 at the feed-in. One community, no charges.
        var topology = new HierarchyTopology([0, 0, 1], [0, 0], [0]);
        MarketSlot Make() => Slot([0.5, -0.5, -0.5], offerLimits: [long.MinValue, 280_000, long.MinValue]);

        MarketSlot fixedSlot = Make(), rampSlot = Make();
        new HierarchicalMarket(topology, HierarchyCharges.None, () => Clearing("pay-as-offer")).Clear(fixedSlot);
        new HierarchicalMarket(topology, HierarchyCharges.None, () => Clearing("pay-as-offer"), strategy: OrderStrategy.Ramp(2)).Clear(rampSlot);

        // Fixed: the cell clears first at the limits (bid 0.30, h1's offer 0.28): h0 buys locally at 0.28.
        Assert.Equal([0.5, -0.5, 0], fixedSlot.TradedKwh);
        Assert.Equal(140_000, fixedSlot.PaidMicros[0]);
        // Ramp, round 1: in the cell the bid at 0.20 misses h1's 0.29; in the community it meets h2's offer at 0.20.
        Assert.Equal([0.5, 0, -0.5], rampSlot.TradedKwh);
        Assert.Equal(100_000, rampSlot.PaidMicros[0]);
    }

    [Fact]
    public void Hierarchy_RampOfTwoRounds_TradesAcrossCellsAtTwentyCents()
    {
        var topology = new HierarchyTopology([0, 1], [0, 0], [0]);
        var market = new HierarchicalMarket(topology, HierarchyCharges.None, () => Clearing("pay-as-clear"), strategy: OrderStrategy.Ramp(2));
        MarketSlot slot = Slot([0.5, -0.5]);

        market.Clear(slot);

        Assert.Equal([0.5, -0.5], slot.TradedKwh);
        Assert.Equal([100_000L, -100_000], slot.PaidMicros);
    }
}
