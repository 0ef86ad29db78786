using PeerGrid.Markets.Auctions;

namespace PeerGrid.Markets.Tests.Auctions;

/// <summary>
/// Thousands of seeded random books per mechanism: the optimised mechanism must equal the naive reference trade for
/// trade and keep every invariant. One mechanism and one result instance serve all seeds, so stale scratch state
/// from a previous (larger) book would show up.
/// </summary>
public class MechanismPropertyTests
{
    private const int Seeds = 3000;

    [Fact]
    public void PayAsClear_MatchesNaiveReference_AndKeepsInvariants_OnRandomBooks()
    {
        var book = new OrderBook();
        var result = new ClearingResult();
        (PricingConvention Convention, double K)[] variants =
        [
            (PricingConvention.EquilibriumInterval, 0.5), (PricingConvention.EquilibriumInterval, 0), (PricingConvention.EquilibriumInterval, 1),
            (PricingConvention.MarginalPair, 0), (PricingConvention.MarginalPair, 0.5), (PricingConvention.MarginalPair, 0.3),
        ];
        PayAsClear[] mechanisms = variants.Select(v => new PayAsClear(v.Convention, v.K)).ToArray();
        for (int seed = 0; seed < Seeds; seed++)
        {
            RandomBooks.Fill(book, seed);
            PayAsClear mechanism = mechanisms[seed % mechanisms.Length];
            string context = $"seed {seed}, {mechanism.Convention} k={mechanism.K}";
            mechanism.Clear(book, result);

            ClearingInvariants.Check(book, result, context);
            ClearingInvariants.SameAs(NaiveClearing.PayAsClear(book, mechanism.Convention, mechanism.K), result, context);
            ClearingInvariants.ResidualUncrossed(book, result, ignoreSelfPairs: false, context);
            foreach (Trade t in result.Trades)
            {
                Assert.True(t.BuyerPriceMicrosPerKwh == result.ClearingPriceMicrosPerKwh && t.SellerPriceMicrosPerKwh == t.BuyerPriceMicrosPerKwh, $"{context}: one uniform price");
            }
            long netted = result.SelfNettings.ToArray().Sum(s => s.EnergyMicroKwh);
            Assert.True(result.TradedMicroKwh + netted == NaiveClearing.UniformCrossingVolume(book), $"{context}: traded + netted is the maximum volume");
        }
    }

    [Fact]
    public void PayAsClear_TradesTheMaximumVolume_WhenNoParticipantIsOnBothSides()
    {
        var book = new OrderBook();
        var result = new ClearingResult();
        var mechanism = new PayAsClear(PricingConvention.EquilibriumInterval, 0.5);
        var statistics = new ClearingStatistics();
        for (int seed = 0; seed < Seeds; seed++)
        {
            RandomBooks.Fill(book, seed, oneParticipantPerOrder: true);
            mechanism.Clear(book, result);

            Assert.True(result.SelfNettings.IsEmpty, $"seed {seed}: nothing to net");
            Assert.Equal(NaiveClearing.UniformCrossingVolume(book), result.TradedMicroKwh);
            EfficiencyStatistics stats = statistics.Measure(book, result);
            Assert.Equal(result.TradedMicroKwh, stats.UniformCrossingMicroKwh);
            Assert.Equal(stats.MaximumWelfare, stats.AchievedWelfare);
        }
    }

    [Fact]
    public void EveryMechanism_StaysWithinTheMaximumVolumeAndWelfare_OnRandomBooks()
    {
        var book = new OrderBook();
        var result = new ClearingResult();
        var statistics = new ClearingStatistics();
        IClearingMechanism[] mechanisms =
        [
            new PayAsClear(PricingConvention.MarginalPair, 0.5), new PayAsBid(), new PayAsOffer(),
            new PreferenceFirst(new PayAsOffer()), new HuangTradeReduction(),
        ];
        for (int seed = 0; seed < Seeds; seed++)
        {
            RandomBooks.Fill(book, seed);
            long maximum = NaiveClearing.PairedMaximumVolume(book), crossing = NaiveClearing.UniformCrossingVolume(book);
            foreach (IClearingMechanism mechanism in mechanisms)
            {
                mechanism.Clear(book, result);
                EfficiencyStatistics stats = statistics.Measure(book, result);

                Assert.Equal(maximum, stats.MaximumMicroKwh);
                Assert.Equal(crossing, stats.UniformCrossingMicroKwh);
                Assert.True(stats.VolumeRatio is null or <= 1.0 && stats.WelfareRatio is null or (>= 0 and <= 1.0), $"seed {seed}, {mechanism.Name}: {stats}");
            }
        }
    }

    [Fact]
    public void PayAsBid_MatchesNaiveReference_AndKeepsInvariants_OnRandomBooks()
    {
        var book = new OrderBook();
        var result = new ClearingResult();
        var mechanism = new PayAsBid();
        for (int seed = 0; seed < Seeds; seed++)
        {
            RandomBooks.Fill(book, seed);
            string context = $"seed {seed}";
            mechanism.Clear(book, result);

            ClearingInvariants.Check(book, result, context);
            ClearingInvariants.SameAs(NaiveClearing.PayAsBid(book), result, context);
            ClearingInvariants.ResidualUncrossed(book, result, ignoreSelfPairs: true, context);
            foreach (Trade t in result.Trades)
            {
                Assert.Equal(book.Bids[t.Bid].PriceMicrosPerKwh, t.BuyerPriceMicrosPerKwh);
            }
        }
    }

    [Fact]
    public void PayAsOffer_MatchesNaiveReference_AndKeepsInvariants_OnRandomBooks()
    {
        var book = new OrderBook();
        var result = new ClearingResult();
        var mechanism = new PayAsOffer();
        for (int seed = 0; seed < Seeds; seed++)
        {
            RandomBooks.Fill(book, seed);
            string context = $"seed {seed}";
            mechanism.Clear(book, result);

            ClearingInvariants.Check(book, result, context);
            ClearingInvariants.SameAs(NaiveClearing.PayAsOffer(book), result, context);
            ClearingInvariants.ResidualUncrossed(book, result, ignoreSelfPairs: true, context);
            foreach (Trade t in result.Trades)
            {
                Assert.Equal(book.Offers[t.Offer].PriceMicrosPerKwh, t.SellerPriceMicrosPerKwh);
            }
        }
    }

    [Fact]
    public void PayAsOffer_TradesTheMaximumVolume_WhenNoParticipantIsOnBothSides()
    {
        var book = new OrderBook();
        var result = new ClearingResult();
        var mechanism = new PayAsOffer();
        for (int seed = 0; seed < Seeds; seed++)
        {
            RandomBooks.Fill(book, seed, oneParticipantPerOrder: true);
            mechanism.Clear(book, result);

            Assert.Equal(NaiveClearing.UniformCrossingVolume(book), result.TradedMicroKwh);
        }
    }

    [Fact]
    public void PreferenceFirst_MatchesNaiveReference_AndKeepsInvariants_OnRandomBooks()
    {
        var book = new OrderBook();
        var result = new ClearingResult();
        var overClear = new PreferenceFirst(new PayAsClear(PricingConvention.EquilibriumInterval, 0.5));
        var overBid = new PreferenceFirst(new PayAsBid());
        for (int seed = 0; seed < Seeds; seed++)
        {
            bool unique = seed % 3 == 0;
            RandomBooks.Fill(book, seed, oneParticipantPerOrder: unique);
            string context = $"seed {seed}";

            overClear.Clear(book, result);
            ClearingInvariants.Check(book, result, context);
            ClearingInvariants.SameAs(NaiveClearing.PreferenceFirst(book, b => NaiveClearing.PayAsClear(b, PricingConvention.EquilibriumInterval, 0.5)), result, context);
            GreenOnlyBidsBuyGreen(book, result, context);

            overBid.Clear(book, result);
            ClearingInvariants.Check(book, result, context);
            ClearingInvariants.SameAs(NaiveClearing.PreferenceFirst(book, NaiveClearing.PayAsBid), result, context);
            GreenOnlyBidsBuyGreen(book, result, context);
        }
    }

    [Fact]
    public void Huang_MatchesNaiveReference_AndKeepsInvariants_OnRandomBooks()
    {
        var book = new OrderBook();
        var result = new ClearingResult();
        var mechanism = new HuangTradeReduction();
        for (int seed = 0; seed < Seeds; seed++)
        {
            RandomBooks.Fill(book, seed, oneParticipantPerOrder: seed % 2 == 0);
            string context = $"seed {seed}";
            mechanism.Clear(book, result);

            ClearingInvariants.Check(book, result, context);
            (NaiveOutcome expected, int excludedBid, int excludedOffer) = NaiveClearing.Huang(book);
            ClearingInvariants.SameAs(expected, result, context);
            Assert.True(result.TradedMicroKwh <= NaiveClearing.UniformCrossingVolume(book), $"{context}: trade reduction never trades more");
            foreach (Trade t in result.Trades)
            {
                Assert.True(t.Bid != excludedBid && t.Offer != excludedOffer, $"{context}: the price-setting pair does not trade");
                Assert.Equal(book.Bids[excludedBid].PriceMicrosPerKwh, t.BuyerPriceMicrosPerKwh);
                Assert.Equal(book.Offers[excludedOffer].PriceMicrosPerKwh, t.SellerPriceMicrosPerKwh);
            }
        }
    }

    private static void GreenOnlyBidsBuyGreen(OrderBook book, ClearingResult result, string context)
    {
        foreach (Trade t in result.Trades)
        {
            Assert.True(!book.Bids[t.Bid].GreenOnly || book.Offers[t.Offer].Green, $"{context}: a green-only bid bought grey energy");
        }
    }
}
