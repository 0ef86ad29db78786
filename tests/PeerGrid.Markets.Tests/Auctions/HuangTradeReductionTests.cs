using PeerGrid.Markets.Auctions;
using static PeerGrid.Markets.Tests.Auctions.Units;

namespace PeerGrid.Markets.Tests.Auctions;

public class HuangTradeReductionTests
{
    private readonly OrderBook _book = new();
    private readonly ClearingResult _result = new();

    [Fact]
    public void Clear_ExcludesThePriceSettingPair_AndRationsTheLongSideEqually()
    {
        _book.AddBid(0, 1, Per(10), Kwh(3));
        _book.AddBid(1, 2, Per(8), Kwh(2));
        _book.AddBid(2, 3, Per(6), Kwh(2)); // K: sets the buyers' price, does not trade
        _book.AddBid(3, 4, Per(3), Kwh(1));
        _book.AddOffer(4, 5, Per(1), Kwh(2));
        _book.AddOffer(5, 6, Per(2), Kwh(2));
        _book.AddOffer(6, 7, Per(5), Kwh(3)); // L: sets the sellers' price, does not trade
        _book.AddOffer(7, 8, Per(9), Kwh(2));

        new HuangTradeReduction().Clear(_book, _result);

        // Buyers want 3 + 2 = 5 kWh, sellers have 2 + 2 = 4: each buyer gives up 0.5 kWh.
        Assert.Equal(
            [
                new Trade(0, 0, 1, 5, Kwh(2), Per(6), Per(5)),
                new Trade(0, 1, 1, 6, Kwh(0.5m), Per(6), Per(5)),
                new Trade(1, 1, 2, 6, Kwh(1.5m), Per(6), Per(5)),
            ],
            _result.Trades.ToArray());
        Assert.Equal(24_000_000, _result.BuyerPaymentsMicros);
        Assert.Equal(20_000_000, _result.SellerReceiptsMicros);
        Assert.Equal(4_000_000, _result.OperatorSurplusMicros); // (6 − 5) × 4 kWh
        Assert.Equal([Kwh(0.5m), Kwh(0.5m), Kwh(2), Kwh(1)], _result.RemainingBidMicroKwh.ToArray());
        Assert.Null(_result.ClearingPriceMicrosPerKwh);
    }

    [Fact]
    public void Clear_PymarketExample_TradesOneUnit_BuyersPayThree_SellersReceiveTwo()
    {
        _book.AddBid(0, 1, Per(4), Kwh(2));
        _book.AddBid(1, 2, Per(3), Kwh(1));
        _book.AddBid(2, 3, Per(1), Kwh(5));
        _book.AddOffer(3, 4, Per(1), Kwh(1));
        _book.AddOffer(4, 5, Per(2), Kwh(4));
        _book.AddOffer(5, 6, Per(6), Kwh(5));

        new HuangTradeReduction().Clear(_book, _result);

        Assert.Equal(new Trade(0, 0, 1, 4, Kwh(1), Per(3), Per(2)), Assert.Single(_result.Trades.ToArray()));
        Assert.Equal(1_000_000, _result.OperatorSurplusMicros);
    }

    [Fact]
    public void Clear_WhenOnlyOneBidAndOneOfferCross_TradesNothing()
    {
        _book.AddBid(0, 1, Per(9), Kwh(1));
        _book.AddOffer(1, 2, Per(1), Kwh(1));

        new HuangTradeReduction().Clear(_book, _result);

        Assert.True(_result.Trades.IsEmpty);
        Assert.Equal(0, _result.OperatorSurplusMicros);
    }

    [Fact]
    public void Clear_RoundsEachSidesAmountPerTrade_SoTheOperatorKeepsTheDifferenceOfRoundedAmounts()
    {
        // 0.5 kWh: the buyer pays 0.5 × 3 = 1.5 → 2 micros, the seller gets 0.5 × 1 = 0.5 → 0 (half-to-even).
        _book.AddBid(0, 1, 5, Kwh(0.5m));
        _book.AddBid(1, 2, 3, Kwh(0.5m));
        _book.AddOffer(2, 3, 1, Kwh(0.5m));
        _book.AddOffer(3, 4, 1, Kwh(0.5m));

        new HuangTradeReduction().Clear(_book, _result);

        Trade trade = Assert.Single(_result.Trades.ToArray());
        Assert.Equal(new Trade(0, 0, 1, 3, Kwh(0.5m), 3, 1), trade);
        Assert.Equal((2, 0, 2), (trade.BuyerPaysMicros, trade.SellerReceivesMicros, _result.OperatorSurplusMicros));
    }

    [Fact]
    public void Clear_WithNoCrossing_OrAnEmptySide_TradesNothing()
    {
        _book.AddBid(0, 1, Per(1), Kwh(1));
        _book.AddOffer(1, 2, Per(2), Kwh(1));
        new HuangTradeReduction().Clear(_book, _result);
        Assert.True(_result.Trades.IsEmpty);

        _book.Clear();
        _book.AddOffer(1, 2, Per(2), Kwh(1));
        new HuangTradeReduction().Clear(_book, _result);
        Assert.True(_result.Trades.IsEmpty);
    }
}

public class EqualReductionTests
{
    [Theory]
    [InlineData(new long[] { 5, 1, 5 }, 8, new long[] { 2, 0, 1 })] // level 3, 1 µkWh left over: the last order gives it
    [InlineData(new long[] { 4, 4 }, 2, new long[] { 3, 3 })]
    [InlineData(new long[] { 4, 4 }, 3, new long[] { 3, 2 })]
    [InlineData(new long[] { 1, 10, 10 }, 21, new long[] { 0, 0, 0 })]
    [InlineData(new long[] { 7 }, 0, new long[] { 7 })]
    public void Apply_TakesTheSameAmountFromEveryOrder_AndTheLeftoverFromTheLowestPriority(long[] quantities, long reduction, long[] expected)
    {
        new EqualReduction().Apply(quantities, reduction);

        Assert.Equal(expected, quantities);
    }

    [Fact]
    public void Apply_MatchesBisection_OnRandomQuantities()
    {
        var random = new Random(5);
        var rationing = new EqualReduction();
        for (int i = 0; i < 5_000; i++)
        {
            long[] quantities = Enumerable.Range(0, random.Next(1, 12)).Select(_ => random.NextInt64(1, 50)).ToArray();
            long reduction = random.NextInt64(0, quantities.Sum() + 1);
            long[] expected = (long[])quantities.Clone();
            NaiveClearing.Ration(expected, reduction);

            rationing.Apply(quantities, reduction);

            Assert.Equal(expected, quantities);
        }
    }
}
