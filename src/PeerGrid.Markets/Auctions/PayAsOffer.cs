namespace PeerGrid.Markets.Auctions;

/// <summary>
/// One-sided market as gsy-e's default: sellers post offers, buyers take the cheapest ones, and <b>every trade is priced
/// at the offer</b>. Bids only carry demand and a maximum price. Buyers go in price-time priority (highest bid first,
/// ties by insertion), so the most willing buyer takes the cheapest energy; each takes offers lowest price first,
/// skipping its own participant's, while offer ≤ its bid. No clearing price.
/// </summary>
public sealed class PayAsOffer : IClearingMechanism
{
    private readonly PriceTimePriority _bidSorter = new();
    private readonly PriceTimePriority _offerSorter = new();
    private readonly NextAlive _offersLeft = new();

    public string Name => "pay-as-offer";

    public void Clear(OrderBook book, ClearingResult result)
    {
        result.Reset(book);
        ReadOnlySpan<Order> bids = book.Bids, offers = book.Offers;
        ReadOnlySpan<int> bidOrder = _bidSorter.Sort(bids, highestPriceFirst: true);
        ReadOnlySpan<int> offerOrder = _offerSorter.Sort(offers, highestPriceFirst: false);
        Span<long> bidLeft = result.BidRemaining, offerLeft = result.OfferRemaining;
        int no = offerOrder.Length;
        _offersLeft.Reset(no);
        foreach (int b in bidOrder)
        {
            ref readonly Order bid = ref bids[b];
            int p = _offersLeft.Find(0);
            while (p < no)
            {
                int o = offerOrder[p];
                ref readonly Order offer = ref offers[o];
                if (offer.PriceMicrosPerKwh > bid.PriceMicrosPerKwh)
                {
                    break;
                }
                if (offer.Participant == bid.Participant)
                {
                    p = _offersLeft.Find(p + 1);
                    continue;
                }
                long energy = Math.Min(bidLeft[b], offerLeft[o]);
                result.AddTrade(b, o, bid.Participant, offer.Participant, energy, offer.PriceMicrosPerKwh, offer.PriceMicrosPerKwh);
                if (offerLeft[o] == 0)
                {
                    _offersLeft.Remove(p);
                }
                if (bidLeft[b] == 0)
                {
                    break;
                }
                p = _offersLeft.Find(p);
            }
        }
        result.Complete();
    }
}
