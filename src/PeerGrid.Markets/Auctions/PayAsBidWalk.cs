namespace PeerGrid.Markets.Auctions;

/// <summary>
/// gsy-e's pay-as-bid matching loop over given (possibly filtered) priority lists, updating the remaining energy in
/// the result: for each offer, highest price first, walk the bids, highest first, skipping the offer's own
/// participant; trade min(remaining) while bid ≥ offer, at the bid's price. Used by <see cref="PayAsBid"/> and by
/// the attribute pass of <see cref="PreferenceFirst"/>.
/// </summary>
internal sealed class PayAsBidWalk
{
    private readonly NextAlive _bidsLeft = new();

    /// <param name="bidsDescending">Bid indices, highest price first, ties by insertion.</param>
    /// <param name="offersDescending">Offer indices, highest price first, ties by insertion.</param>
    public void Run(OrderBook book, ReadOnlySpan<int> bidsDescending, ReadOnlySpan<int> offersDescending, ClearingResult result)
    {
        ReadOnlySpan<Order> bids = book.Bids, offers = book.Offers;
        Span<long> bidLeft = result.BidRemaining, offerLeft = result.OfferRemaining;
        int nb = bidsDescending.Length;
        _bidsLeft.Reset(nb);
        for (int p = 0; p < nb; p++)
        {
            if (bidLeft[bidsDescending[p]] == 0)
            {
                _bidsLeft.Remove(p);
            }
        }
        foreach (int o in offersDescending)
        {
            ref readonly Order offer = ref offers[o];
            if (offerLeft[o] == 0)
            {
                continue;
            }
            int p = _bidsLeft.Find(0);
            while (p < nb)
            {
                int b = bidsDescending[p];
                ref readonly Order bid = ref bids[b];
                if (bid.PriceMicrosPerKwh < offer.PriceMicrosPerKwh)
                {
                    break; // every later bid is cheaper still
                }
                if (bid.Participant == offer.Participant)
                {
                    p = _bidsLeft.Find(p + 1);
                    continue;
                }
                long energy = Math.Min(offerLeft[o], bidLeft[b]);
                result.AddTrade(b, o, bid.Participant, offer.Participant, energy, bid.PriceMicrosPerKwh, bid.PriceMicrosPerKwh);
                if (bidLeft[b] == 0)
                {
                    _bidsLeft.Remove(p);
                }
                if (offerLeft[o] == 0)
                {
                    break;
                }
                p = _bidsLeft.Find(p);
            }
        }
    }
}
