using PeerGrid.Markets.Auctions;
using static PeerGrid.Markets.Tests.Auctions.Units;

namespace PeerGrid.Markets.Tests.Auctions;

public class PayAsBidTests
{
    private const int A = 1, B = 2, C = 3;
    private readonly OrderBook _book = new();
    private readonly ClearingResult _result = new();

    [Fact]
    public void Clear_GsyFrameworkMarket1_FillsTheBestBidThenCarriesTheOfferOver_AtEachBidsPrice()
    {
        // gsy-framework tests/test_matching_algorithms/test_pay_as_bid_matching_algorithm.py, "market1".
        _book.AddBid(1, A, Per(1), Kwh(10));
        _book.AddBid(2, B, Per(2), Kwh(15));
        _book.AddBid(3, C, Per(3), Kwh(20));
        _book.AddOffer(4, A, Per(1.00002m), Kwh(25));
        _book.AddOffer(5, B, Per(5), Kwh(30));
        _book.AddOffer(6, C, Per(2.4m), Kwh(35)); // its only bid above 2.4 is C's own: skipped

        new PayAsBid().Clear(_book, _result);

        Assert.Equal(
            [
                new Trade(2, 0, C, A, Kwh(20), Per(3), Per(3)),
                new Trade(1, 0, B, A, Kwh(5), Per(2), Per(2)),
            ],
            _result.Trades.ToArray());
        Assert.Null(_result.ClearingPriceMicrosPerKwh);
    }

    [Fact]
    public void Clear_GsyFrameworkMarket2_SkipsSelfPairs_WhenTiesAreEnteredInGsyOrder()
    {
        // Same test, "market2". gsy-e breaks the offers' price tie in reverse insertion order; we break ties by
        // insertion (time priority), so entering the offers as 12, 11, 10 reproduces gsy-e's published trades.
        _book.AddBid(7, A, Per(1.5m), Kwh(40));
        _book.AddBid(8, B, Per(2), Kwh(45));
        _book.AddBid(9, C, Per(6), Kwh(50));
        _book.AddOffer(12, C, Per(1), Kwh(65));
        _book.AddOffer(11, B, Per(1), Kwh(60));
        _book.AddOffer(10, A, Per(1), Kwh(55));

        new PayAsBid().Clear(_book, _result);

        (int, int, long, long)[] expected =
        [
            (8, 12, Kwh(45), Per(2)),
            (7, 12, Kwh(20), Per(1.5m)),
            (9, 11, Kwh(50), Per(6)),
            (7, 11, Kwh(10), Per(1.5m)),
        ];
        Assert.Equal(expected, _result.Trades.ToArray().Select(t => (_book.Bids[t.Bid].Id, _book.Offers[t.Offer].Id, t.EnergyMicroKwh, t.BuyerPriceMicrosPerKwh)));
        Assert.Equal(Kwh(55), _result.RemainingOfferMicroKwh[2]); // A's offer: only A's own bid had energy left
    }

    [Fact]
    public void Clear_TakesTheMostExpensiveOfferFirst_SoItIsNotVolumeMaximising()
    {
        _book.AddBid(0, A, Per(5), Kwh(1));
        _book.AddBid(1, B, Per(2), Kwh(1));
        _book.AddOffer(2, C, Per(1), Kwh(1));
        _book.AddOffer(3, 4, Per(4), Kwh(1));

        new PayAsBid().Clear(_book, _result);

        // The offer at 4 takes the bid at 5 first; the offer at 1 then sells to the bid at 2.
        Assert.Equal([(0, 1, Per(5)), (1, 0, Per(2))], _result.Trades.ToArray().Select(t => (t.Bid, t.Offer, t.BuyerPriceMicrosPerKwh)));
    }

    [Fact]
    public void Clear_AmongEqualBids_ServesTheEarlierFirst()
    {
        _book.AddBid(0, A, Per(3), Kwh(1));
        _book.AddBid(1, B, Per(3), Kwh(1));
        _book.AddOffer(2, C, Per(1), Kwh(1));

        new PayAsBid().Clear(_book, _result);

        Assert.Equal(0, Assert.Single(_result.Trades.ToArray()).Bid);
    }

    [Fact]
    public void Clear_WhenNoBidReachesAnyOffer_OrASideIsEmpty_TradesNothing()
    {
        _book.AddBid(0, A, Per(1), Kwh(1));
        _book.AddOffer(1, B, Per(2), Kwh(1));
        new PayAsBid().Clear(_book, _result);
        Assert.True(_result.Trades.IsEmpty);

        _book.Clear();
        _book.AddBid(0, A, Per(1), Kwh(1));
        new PayAsBid().Clear(_book, _result);
        Assert.True(_result.Trades.IsEmpty);
        Assert.Equal([Kwh(1)], _result.RemainingBidMicroKwh.ToArray());
    }
}
