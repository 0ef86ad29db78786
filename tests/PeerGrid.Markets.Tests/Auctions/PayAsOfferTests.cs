using PeerGrid.Markets.Auctions;
using static PeerGrid.Markets.Tests.Auctions.Units;

namespace PeerGrid.Markets.Tests.Auctions;

public class PayAsOfferTests
{
    private readonly OrderBook _book = new();
    private readonly ClearingResult _result = new();

    [Fact]
    public void Clear_HighestBidTakesTheCheapestOffers_AtEachOffersPrice_SkippingItsOwn()
    {
        _book.AddBid(0, participant: 1, Per(5), Kwh(2));
        _book.AddBid(1, participant: 2, Per(3), Kwh(2));
        _book.AddOffer(2, participant: 3, Per(1), Kwh(1));
        _book.AddOffer(3, participant: 1, Per(2), Kwh(2)); // the first bidder's own
        _book.AddOffer(4, participant: 4, Per(4), Kwh(2));

        new PayAsOffer().Clear(_book, _result);

        Assert.Equal(
            [
                new Trade(0, 0, 1, 3, Kwh(1), Per(1), Per(1)),
                new Trade(0, 2, 1, 4, Kwh(1), Per(4), Per(4)),
                new Trade(1, 1, 2, 1, Kwh(2), Per(2), Per(2)),
            ],
            _result.Trades.ToArray());
        Assert.Equal([0, 0], _result.RemainingBidMicroKwh.ToArray());
        Assert.Equal([0, 0, Kwh(1)], _result.RemainingOfferMicroKwh.ToArray());
        Assert.Null(_result.ClearingPriceMicrosPerKwh);
    }

    [Fact]
    public void Clear_NeverPaysAboveTheBid()
    {
        _book.AddBid(0, 1, Per(2), Kwh(5));
        _book.AddOffer(1, 2, Per(1), Kwh(1));
        _book.AddOffer(2, 3, Per(3), Kwh(5));

        new PayAsOffer().Clear(_book, _result);

        Assert.Equal(Kwh(1), Assert.Single(_result.Trades.ToArray()).EnergyMicroKwh);
        Assert.Equal(Kwh(4), _result.RemainingBidMicroKwh[0]);
    }

    [Fact]
    public void Clear_AmongEqualBids_TheEarlierBuysFirst()
    {
        _book.AddBid(0, 1, Per(2), Kwh(1));
        _book.AddBid(1, 2, Per(2), Kwh(1));
        _book.AddOffer(2, 3, Per(1), Kwh(1));

        new PayAsOffer().Clear(_book, _result);

        Assert.Equal(0, Assert.Single(_result.Trades.ToArray()).Bid);
    }

    [Fact]
    public void Clear_WithNoOffers_TradesNothing()
    {
        _book.AddBid(0, 1, Per(2), Kwh(1));

        new PayAsOffer().Clear(_book, _result);

        Assert.True(_result.Trades.IsEmpty);
        Assert.Equal([Kwh(1)], _result.RemainingBidMicroKwh.ToArray());
    }
}
