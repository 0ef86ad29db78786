using PeerGrid.Domain.Quantities;
using PeerGrid.Markets.Auctions;

namespace PeerGrid.Markets.Tests.Auctions;

/// <summary>Properties every mechanism's result must have, whatever the book.</summary>
internal static class ClearingInvariants
{
    public static void Check(OrderBook book, ClearingResult result, string context)
    {
        ReadOnlySpan<Order> bids = book.Bids, offers = book.Offers;
        long[] bidUsed = new long[bids.Length], offerUsed = new long[offers.Length];
        long traded = 0, paid = 0, received = 0;
        foreach (Trade t in result.Trades)
        {
            Order bid = bids[t.Bid], offer = offers[t.Offer];
            True(t.Buyer == bid.Participant && t.Seller == offer.Participant, "trade names the orders' participants", context);
            True(t.Buyer != t.Seller, "no self-trade", context);
            True(t.EnergyMicroKwh > 0, "trade energy > 0", context);
            True(t.BuyerPriceMicrosPerKwh <= bid.PriceMicrosPerKwh, "buyer pays at most its bid", context);
            True(t.SellerPriceMicrosPerKwh >= offer.PriceMicrosPerKwh, "seller receives at least its offer", context);
            True(t.SellerPriceMicrosPerKwh <= t.BuyerPriceMicrosPerKwh, "operator never pays", context);
            bidUsed[t.Bid] += t.EnergyMicroKwh;
            offerUsed[t.Offer] += t.EnergyMicroKwh;
            traded += t.EnergyMicroKwh;
            paid += Price.CostMicros(t.EnergyMicroKwh, t.BuyerPriceMicrosPerKwh);
            received += Price.CostMicros(t.EnergyMicroKwh, t.SellerPriceMicrosPerKwh);
        }
        foreach (SelfNetting s in result.SelfNettings)
        {
            True(bids[s.Bid].Participant == s.Participant && offers[s.Offer].Participant == s.Participant, "netting stays within one participant", context);
            True(s.EnergyMicroKwh > 0, "netting energy > 0", context);
            bidUsed[s.Bid] += s.EnergyMicroKwh;
            offerUsed[s.Offer] += s.EnergyMicroKwh;
        }
        for (int b = 0; b < bids.Length; b++)
        {
            True(result.RemainingBidMicroKwh[b] >= 0, "remaining ≥ 0", context);
            True(bidUsed[b] + result.RemainingBidMicroKwh[b] == bids[b].EnergyMicroKwh, $"bid {b}: traded + netted + remaining = energy", context);
        }
        for (int o = 0; o < offers.Length; o++)
        {
            True(result.RemainingOfferMicroKwh[o] >= 0, "remaining ≥ 0", context);
            True(offerUsed[o] + result.RemainingOfferMicroKwh[o] == offers[o].EnergyMicroKwh, $"offer {o}: traded + netted + remaining = energy", context);
        }
        True(bidUsed.Sum() == offerUsed.Sum(), "bought = sold", context);
        True(result.TradedMicroKwh == traded, "traded total", context);
        True(result.BuyerPaymentsMicros == paid && result.SellerReceiptsMicros == received, "money totals are per-trade sums", context);
        True(paid == received + result.OperatorSurplusMicros, "payments = receipts + operator surplus", context);
        True(result.OperatorSurplusMicros >= 0, "operator surplus ≥ 0", context);
    }

    /// <summary>After clearing, no bid with energy left is priced ≥ an offer with energy left (optionally: of another participant).</summary>
    public static void ResidualUncrossed(OrderBook book, ClearingResult result, bool ignoreSelfPairs, string context)
    {
        for (int b = 0; b < book.BidCount; b++)
        {
            for (int o = 0; o < book.OfferCount; o++)
            {
                if (result.RemainingBidMicroKwh[b] == 0 || result.RemainingOfferMicroKwh[o] == 0)
                {
                    continue;
                }
                if (ignoreSelfPairs && book.Bids[b].Participant == book.Offers[o].Participant)
                {
                    continue;
                }
                True(book.Bids[b].PriceMicrosPerKwh < book.Offers[o].PriceMicrosPerKwh, $"residual bid {b} crosses offer {o}", context);
            }
        }
    }

    public static void SameAs(NaiveOutcome expected, ClearingResult result, string context)
    {
        Assert.True(expected.Trades.SequenceEqual(result.Trades.ToArray()), $"{context}: trades differ from the naive reference\nexpected {string.Join(", ", expected.Trades)}\nactual   {string.Join(", ", result.Trades.ToArray())}");
        Assert.True(expected.Nettings.SequenceEqual(result.SelfNettings.ToArray()), $"{context}: nettings differ from the naive reference");
        Assert.True(expected.Price == result.ClearingPriceMicrosPerKwh, $"{context}: price {result.ClearingPriceMicrosPerKwh}, naive {expected.Price}");
    }

    private static void True(bool condition, string what, string context) => Assert.True(condition, $"{context}: {what}");
}
