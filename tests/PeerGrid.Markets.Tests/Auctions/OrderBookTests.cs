using PeerGrid.Markets.Auctions;

namespace PeerGrid.Markets.Tests.Auctions;

public class OrderBookTests
{
    [Fact]
    public void AddBid_And_AddOffer_ReturnInsertionIndices_AndKeepPreferredSellersPerBid()
    {
        var book = new OrderBook();

        Assert.Equal(0, book.AddBid(7, 1, 100, 10, greenOnly: true, preferredSellers: [4, 5]));
        Assert.Equal(1, book.AddBid(8, 2, 200, 20));
        Assert.Equal(2, book.AddBid(9, 3, 300, 30, preferredSellers: [6]));
        Assert.Equal(0, book.AddOffer(10, 4, 50, 5, green: true));

        Assert.Equal(new Order(7, 1, 100, 10, false, true, 0, 2), book.Bids[0]);
        Assert.Equal([4, 5], book.PreferredSellers(book.Bids[0]).ToArray());
        Assert.True(book.PreferredSellers(book.Bids[1]).IsEmpty);
        Assert.Equal([6], book.PreferredSellers(book.Bids[2]).ToArray());
        Assert.Equal(new Order(10, 4, 50, 5, true, false, 0, 0), book.Offers[0]);
    }

    [Fact]
    public void Clear_EmptiesTheBook_ForReuse()
    {
        var book = new OrderBook();
        for (int i = 0; i < 100; i++)
        {
            book.AddBid(i, i, i, 1, preferredSellers: [1, 2, 3]);
            book.AddOffer(i, i, i, 1);
        }

        book.Clear();
        book.AddBid(0, 0, 5, 1, preferredSellers: [9]);

        Assert.Equal(1, book.BidCount);
        Assert.Equal(0, book.OfferCount);
        Assert.Equal([9], book.PreferredSellers(book.Bids[0]).ToArray());
    }

    [Theory]
    [InlineData(100, 0)]
    [InlineData(100, -1)]
    [InlineData(OrderBook.MaxAbsPriceMicrosPerKwh + 1, 1)]
    [InlineData(-OrderBook.MaxAbsPriceMicrosPerKwh - 1, 1)]
    public void Add_RejectsNonPositiveEnergy_AndPricesOutsideTheKeyRange(long price, long energy)
    {
        var book = new OrderBook();

        Assert.Throws<ArgumentOutOfRangeException>(() => book.AddBid(0, 0, price, energy));
        Assert.Throws<ArgumentOutOfRangeException>(() => book.AddOffer(0, 0, price, energy));
    }

    [Fact]
    public void Add_AcceptsNegativePrices_AtTheEdgeOfTheRange()
    {
        var book = new OrderBook();
        book.AddBid(0, 1, -OrderBook.MaxAbsPriceMicrosPerKwh, 1);
        book.AddBid(1, 2, OrderBook.MaxAbsPriceMicrosPerKwh, 1);
        book.AddOffer(2, 3, -OrderBook.MaxAbsPriceMicrosPerKwh, 2);
        var result = new ClearingResult();

        new PayAsClear(PricingConvention.MarginalPair, 0).Clear(book, result);

        Assert.Equal([(1, 1L), (0, 1L)], result.Trades.ToArray().Select(t => (t.Bid, t.EnergyMicroKwh)));
        Assert.Equal(-OrderBook.MaxAbsPriceMicrosPerKwh, result.ClearingPriceMicrosPerKwh);
    }
}
