using PeerGrid.Markets.Auctions;
using static PeerGrid.Markets.Tests.Auctions.Units;

namespace PeerGrid.Markets.Tests.Auctions;

public class PreferenceFirstTests
{
    private const int Grey = 10, GreenDear = 11, GreenCheap = 12;
    private readonly OrderBook _book = new();
    private readonly ClearingResult _result = new();

    [Fact]
    public void Clear_MatchesPreferredSellersThenGreenThenTheRest()
    {
        _book.AddBid(0, participant: 1, Per(5), Kwh(2), preferredSellers: [GreenDear]);
        _book.AddBid(1, participant: 2, Per(4), Kwh(2), greenOnly: true);
        _book.AddBid(2, participant: 3, Per(6), Kwh(3));
        _book.AddOffer(3, Grey, Per(1), Kwh(3));
        _book.AddOffer(4, GreenDear, Per(3), Kwh(1), green: true);
        _book.AddOffer(5, GreenCheap, Per(2), Kwh(2), green: true);

        new PreferenceFirst(new PayAsClear(PricingConvention.EquilibriumInterval, 0.5)).Clear(_book, _result);

        Assert.Equal(
            [
                new Trade(0, 1, 1, GreenDear, Kwh(1), Per(5), Per(5)),   // pass 1, at the bid
                new Trade(1, 2, 2, GreenCheap, Kwh(2), Per(4), Per(4)),  // pass 2, at the bid
                new Trade(2, 0, 3, Grey, Kwh(3), Per(5.5m), Per(5.5m)),  // pass 3: lo = max(1, bid 0's rest at 5), hi = 6
            ],
            _result.Trades.ToArray());
        Assert.Equal([Kwh(1), 0, 0], _result.RemainingBidMicroKwh.ToArray());
        Assert.Equal(Per(5.5m), _result.ClearingPriceMicrosPerKwh);
    }

    [Fact]
    public void Clear_TakesThePreferredSellersOffersCheapestFirst_WhateverOrderTheyAreNamedIn()
    {
        _book.AddBid(0, participant: 1, Per(9), Kwh(2), preferredSellers: [GreenDear, GreenCheap, GreenDear]);
        _book.AddOffer(1, GreenDear, Per(3), Kwh(2));
        _book.AddOffer(2, GreenCheap, Per(2), Kwh(1));
        _book.AddOffer(3, Grey, Per(1), Kwh(5));

        new PreferenceFirst(new PayAsBid()).Clear(_book, _result);

        Assert.Equal([(1, Kwh(1)), (0, Kwh(1))], _result.Trades.ToArray().Select(t => (t.Offer, t.EnergyMicroKwh)));
        Assert.All(_result.Trades.ToArray(), t => Assert.Equal(Per(9), t.BuyerPriceMicrosPerKwh));
    }

    [Fact]
    public void Clear_NeverSellsGreyEnergyToAGreenOnlyBid_EvenFromAPreferredSellerOrInTheOpenPass()
    {
        _book.AddBid(0, participant: 1, Per(9), Kwh(2), greenOnly: true, preferredSellers: [Grey]);
        _book.AddOffer(1, Grey, Per(1), Kwh(5));

        new PreferenceFirst(new PayAsClear(PricingConvention.EquilibriumInterval, 0.5)).Clear(_book, _result);

        Assert.True(_result.Trades.IsEmpty);
        Assert.Equal([Kwh(2)], _result.RemainingBidMicroKwh.ToArray());
    }

    [Fact]
    public void Clear_IgnoresABidsPreferenceForItsOwnOffers()
    {
        _book.AddBid(0, participant: 1, Per(9), Kwh(1), preferredSellers: [1]);
        _book.AddOffer(1, participant: 1, Per(1), Kwh(1));

        new PreferenceFirst(new PayAsBid()).Clear(_book, _result);

        Assert.True(_result.Trades.IsEmpty);
    }

    [Fact]
    public void Clear_WithoutPreferencesOrGreenOnlyBids_EqualsTheOpenMechanismAlone()
    {
        var alone = new ClearingResult();
        var book = new OrderBook();
        for (int seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            book.Clear();
            for (int i = 0; i < 20; i++)
            {
                book.AddBid(i, random.Next(6), random.Next(10) * 10_000, random.Next(1, 4) * 100_000);
                book.AddOffer(i, random.Next(6), random.Next(10) * 10_000, random.Next(1, 4) * 100_000, random.Next(2) == 0);
            }

            new PreferenceFirst(new PayAsClear(PricingConvention.MarginalPair, 0)).Clear(book, _result);
            new PayAsClear(PricingConvention.MarginalPair, 0).Clear(book, alone);

            Assert.Equal(alone.Trades.ToArray(), _result.Trades.ToArray());
            Assert.Equal(alone.SelfNettings.ToArray(), _result.SelfNettings.ToArray());
            Assert.Equal(alone.ClearingPriceMicrosPerKwh, _result.ClearingPriceMicrosPerKwh);
        }
    }

    [Fact]
    public void Name_NamesTheOpenMechanism()
    {
        Assert.Equal("preference-first(pay-as-bid)", new PreferenceFirst(new PayAsBid()).Name);
    }
}
