using PeerGrid.Markets.Auctions;
using static PeerGrid.Markets.Tests.Auctions.Units;

namespace PeerGrid.Markets.Tests.Auctions;

public class PayAsClearTests
{
    private readonly OrderBook _book = new();
    private readonly ClearingResult _result = new();

    /// <summary>pymarket's example (shared/REFERENCE.md §1): bids 2@4, 1@3, 5@1 and offers 1@1, 4@2, 5@6.</summary>
    private void PymarketBook()
    {
        _book.AddBid(0, 1, Per(4), Kwh(2));
        _book.AddBid(1, 2, Per(3), Kwh(1));
        _book.AddBid(2, 3, Per(1), Kwh(5));
        _book.AddOffer(3, 4, Per(1), Kwh(1));
        _book.AddOffer(4, 5, Per(2), Kwh(4));
        _book.AddOffer(5, 6, Per(6), Kwh(5));
    }

    [Fact]
    public void Clear_PymarketExample_TradesThreeUnitsAtTwo_WithTheEquilibriumIntervalMidpoint()
    {
        PymarketBook();

        new PayAsClear(PricingConvention.EquilibriumInterval, 0.5).Clear(_book, _result);

        // The offer at 2 is only partly sold, so it pins the interval to [2, 2].
        Assert.Equal(Per(2), _result.ClearingPriceMicrosPerKwh);
        Assert.Equal(
            [
                new Trade(0, 0, 1, 4, Kwh(1), Per(2), Per(2)),
                new Trade(0, 1, 1, 5, Kwh(1), Per(2), Per(2)),
                new Trade(1, 1, 2, 5, Kwh(1), Per(2), Per(2)),
            ],
            _result.Trades.ToArray());
        Assert.Equal([0, 0, Kwh(5)], _result.RemainingBidMicroKwh.ToArray());
        Assert.Equal([0, Kwh(2), Kwh(5)], _result.RemainingOfferMicroKwh.ToArray());
        Assert.Equal(Kwh(3), _result.TradedMicroKwh);
        Assert.Equal(6_000_000, _result.BuyerPaymentsMicros);
        Assert.Equal(0, _result.OperatorSurplusMicros);
    }

    [Theory]
    [InlineData(0.0, 2.0)]  // ASSUME's textbook: the marginal offer sets the price
    [InlineData(0.5, 2.5)]
    [InlineData(1.0, 3.0)]
    public void Clear_PymarketExample_WithTheMarginalPair_InterpolatesBetweenTheLastMatchedBidAndOffer(double k, double expected)
    {
        PymarketBook();

        new PayAsClear(PricingConvention.MarginalPair, k).Clear(_book, _result);

        Assert.Equal(Per((decimal)expected), _result.ClearingPriceMicrosPerKwh);
        Assert.Equal(Kwh(3), _result.TradedMicroKwh);
    }

    [Fact]
    public void Clear_WhenTheMarginalOrdersAreFilledExactly_PricesInsideTheWholeInterval()
    {
        _book.AddBid(0, 1, Per(5), Kwh(1));
        _book.AddBid(1, 2, Per(1), Kwh(1));
        _book.AddOffer(2, 3, Per(2), Kwh(1));
        _book.AddOffer(3, 4, Per(9), Kwh(1));

        new PayAsClear(PricingConvention.EquilibriumInterval, 0.5).Clear(_book, _result);

        // lo = max(last offer 2, best unmatched bid 1) = 2; hi = min(last bid 5, best unmatched offer 9) = 5.
        Assert.Equal(Per(3.5m), _result.ClearingPriceMicrosPerKwh);
    }

    [Theory]
    [InlineData(1, 2, 2)] // 1.5 → 2
    [InlineData(2, 3, 2)] // 2.5 → 2
    [InlineData(3, 4, 4)] // 3.5 → 4
    public void Clear_RoundsTheInterpolatedPriceHalfToEven_ToTheMicroUnit(long offerMicros, long bidMicros, long expected)
    {
        _book.AddBid(0, 1, bidMicros, Kwh(1));
        _book.AddOffer(1, 2, offerMicros, Kwh(1));

        new PayAsClear(PricingConvention.MarginalPair, 0.5).Clear(_book, _result);

        Assert.Equal(expected, _result.ClearingPriceMicrosPerKwh);
    }

    [Fact]
    public void Clear_AmongEqualBids_FillsTheEarlierOneFirst()
    {
        _book.AddBid(0, 1, Per(5), Kwh(1));
        _book.AddBid(1, 2, Per(5), Kwh(1));
        _book.AddOffer(2, 3, Per(2), Kwh(1.5m));

        new PayAsClear(PricingConvention.EquilibriumInterval, 0.5).Clear(_book, _result);

        Assert.Equal([Kwh(1), Kwh(0.5m)], _result.Trades.ToArray().Select(t => t.EnergyMicroKwh));
        Assert.Equal([0, Kwh(0.5m)], _result.RemainingBidMicroKwh.ToArray());
    }

    [Fact]
    public void Clear_AmongEqualOffers_SellsTheEarlierOneFirst()
    {
        _book.AddBid(0, 1, Per(5), Kwh(1));
        _book.AddOffer(1, 2, Per(2), Kwh(1));
        _book.AddOffer(2, 3, Per(2), Kwh(1));

        new PayAsClear(PricingConvention.EquilibriumInterval, 0.5).Clear(_book, _result);

        Assert.Equal(0, Assert.Single(_result.Trades.ToArray()).Offer);
    }

    [Fact]
    public void Clear_PartialFills_CarryOverToTheNextOrder()
    {
        _book.AddBid(0, 1, Per(9), Kwh(3));
        _book.AddOffer(1, 2, Per(1), Kwh(1));
        _book.AddOffer(2, 3, Per(2), Kwh(1));
        _book.AddOffer(3, 4, Per(3), Kwh(5));

        new PayAsClear(PricingConvention.MarginalPair, 0).Clear(_book, _result);

        Assert.Equal([(1, Kwh(1)), (2, Kwh(1)), (3, Kwh(1))], _result.Trades.ToArray().Select(t => (t.Offer + 1, t.EnergyMicroKwh)));
        Assert.Equal(Per(3), _result.ClearingPriceMicrosPerKwh);
        Assert.Equal(Kwh(4), _result.RemainingOfferMicroKwh[2]);
    }

    [Fact]
    public void Clear_NetsAParticipantsOwnCrossingOrders_InsteadOfTradingThem()
    {
        // The case that rules out skipping: A–Y alone would leave B and X crossed, B–X alone A and Y, and both
        // together have no uniform price (Y at 8 above B at 5). Netting A against its own X leaves B and Y uncrossed.
        _book.AddBid(0, participant: 1, Per(10), Kwh(1));  // A
        _book.AddBid(1, participant: 2, Per(5), Kwh(1));   // B
        _book.AddOffer(2, participant: 1, Per(1), Kwh(1)); // X
        _book.AddOffer(3, participant: 3, Per(8), Kwh(1)); // Y

        new PayAsClear(PricingConvention.EquilibriumInterval, 0.5).Clear(_book, _result);

        Assert.True(_result.Trades.IsEmpty);
        Assert.Null(_result.ClearingPriceMicrosPerKwh);
        Assert.Equal(new SelfNetting(0, 0, 1, Kwh(1)), Assert.Single(_result.SelfNettings.ToArray()));
        Assert.Equal([0, Kwh(1)], _result.RemainingBidMicroKwh.ToArray());
        Assert.Equal([0, Kwh(1)], _result.RemainingOfferMicroKwh.ToArray());
    }

    [Fact]
    public void Clear_AfterNetting_TradesTheRestWithOtherParticipants()
    {
        _book.AddBid(0, participant: 1, Per(10), Kwh(2));
        _book.AddOffer(1, participant: 1, Per(1), Kwh(1));
        _book.AddOffer(2, participant: 2, Per(3), Kwh(1));

        new PayAsClear(PricingConvention.EquilibriumInterval, 0.5).Clear(_book, _result);

        Assert.Equal(Kwh(1), Assert.Single(_result.SelfNettings.ToArray()).EnergyMicroKwh);
        Assert.Equal(new Trade(0, 1, 1, 2, Kwh(1), Per(6.5m), Per(6.5m)), Assert.Single(_result.Trades.ToArray()));
    }

    [Fact]
    public void Clear_WhenNoBidReachesAnyOffer_TradesNothing()
    {
        _book.AddBid(0, 1, Per(2), Kwh(1));
        _book.AddOffer(1, 2, Per(3), Kwh(1));

        new PayAsClear(PricingConvention.EquilibriumInterval, 0.5).Clear(_book, _result);

        Assert.True(_result.Trades.IsEmpty);
        Assert.Null(_result.ClearingPriceMicrosPerKwh);
        Assert.Equal([Kwh(1)], _result.RemainingBidMicroKwh.ToArray());
        Assert.Equal([Kwh(1)], _result.RemainingOfferMicroKwh.ToArray());
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void Clear_WithAnEmptySide_TradesNothing_AndLeavesTheOtherSideWhole(bool withBids, bool withOffers)
    {
        if (withBids)
        {
            _book.AddBid(0, 1, Per(2), Kwh(1));
        }
        if (withOffers)
        {
            _book.AddOffer(1, 2, Per(1), Kwh(1));
        }

        new PayAsClear(PricingConvention.EquilibriumInterval, 0.5).Clear(_book, _result);

        Assert.True(_result.Trades.IsEmpty);
        Assert.Null(_result.ClearingPriceMicrosPerKwh);
        Assert.Equal(withBids ? 1 : 0, _result.RemainingBidMicroKwh.Length);
        Assert.Equal(withOffers ? 1 : 0, _result.RemainingOfferMicroKwh.Length);
    }

    [Fact]
    public void Clear_ReusedAfterALargerBook_GivesTheSameResultAsAFreshInstance()
    {
        var mechanism = new PayAsClear(PricingConvention.EquilibriumInterval, 0.5);
        RandomBooks.Fill(_book, seed: 7, oneParticipantPerOrder: true);
        for (int i = 0; i < 200; i++)
        {
            _book.AddBid(1000 + i, 5000 + i, Per(3), Kwh(1));
        }
        mechanism.Clear(_book, _result);
        _book.Clear();
        PymarketBook();

        mechanism.Clear(_book, _result);
        var fresh = new ClearingResult();
        new PayAsClear(PricingConvention.EquilibriumInterval, 0.5).Clear(_book, fresh);

        Assert.Equal(fresh.Trades.ToArray(), _result.Trades.ToArray());
        Assert.Equal(fresh.RemainingBidMicroKwh.ToArray(), _result.RemainingBidMicroKwh.ToArray());
        Assert.Equal(fresh.ClearingPriceMicrosPerKwh, _result.ClearingPriceMicrosPerKwh);
    }

    [Fact]
    public void Interpolate_MatchesExactRationalRounding_OnRandomIntervals_IncludingNegativePrices()
    {
        var random = new Random(99); // test data only
        for (int i = 0; i < 20_000; i++)
        {
            long lo = random.NextInt64(-OrderBook.MaxAbsPriceMicrosPerKwh, OrderBook.MaxAbsPriceMicrosPerKwh);
            long hi = Math.Min(OrderBook.MaxAbsPriceMicrosPerKwh, lo + (i % 2 == 0 ? random.NextInt64(0, 16) : random.NextInt64(0, 1L << 39)));
            double k = (i % 3) switch
            {
                0 => random.Next(0, 129) / 128.0, // dyadic: exact ties occur
                1 => 0.3,
                _ => Math.Max(1 / 128.0, random.NextDouble()),
            };

            Assert.Equal(NaiveClearing.RoundHalfEven(lo, hi, k), PayAsClear.Interpolate(lo, hi, k));
        }
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Constructor_RejectsKOutsideZeroToOne(double k)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PayAsClear(PricingConvention.MarginalPair, k));
    }
}
