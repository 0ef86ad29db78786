namespace PeerGrid.Markets.Auctions;

/// <summary>
/// Preference-first matching after gsy-framework's <c>AttributedMatchingAlgorithm</c> ("degrees of freedom"; the
/// Vandebron model of choosing one's producer), in three passes over one book:
/// <list type="number">
/// <item>Preferred partners: bids in price-time priority; each takes offers of the sellers it named, lowest price
/// first (ties by insertion), while offer ≤ bid; priced at the bid (pay-as-bid).</item>
/// <item>Attribute: green-only bids against green offers with <see cref="PayAsBid"/>'s loop, priced at the bid.</item>
/// <item>The rest: every bid and offer with energy left goes, as a new book in insertion order, to the open mechanism.
/// Green-only bids stay out of it: green-only is a requirement, and the open mechanism would sell them any energy.</item>
/// </list>
/// A green-only bid takes only green offers in pass 1 too. The result's clearing price is the open pass's.
/// </summary>
public sealed class PreferenceFirst : IClearingMechanism
{
    private readonly PriceTimePriority _bidSorter = new();
    private readonly PriceTimePriority _offerSorter = new();
    private readonly PayAsBidWalk _walk = new();
    private readonly OrderBook _residual = new();
    private readonly ClearingResult _residualResult = new();
    private long[] _sellerKeys = [];
    private int[] _candidates = [];
    private int[] _bidScratch = [];
    private int[] _offerScratch = [];

    public PreferenceFirst(IClearingMechanism open)
    {
        Open = open;
        Name = $"preference-first({open.Name})";
    }

    /// <summary>The mechanism for the third pass.</summary>
    public IClearingMechanism Open { get; }

    public string Name { get; }

    public void Clear(OrderBook book, ClearingResult result)
    {
        result.Reset(book);
        ReadOnlySpan<int> bidsDescending = _bidSorter.Sort(book.Bids, highestPriceFirst: true);
        PreferredPartners(book, bidsDescending, result);
        GreenOnly(book, bidsDescending, result);
        Rest(book, result);
        result.Complete();
    }

    private void PreferredPartners(OrderBook book, ReadOnlySpan<int> bidsDescending, ClearingResult result)
    {
        ReadOnlySpan<Order> bids = book.Bids, offers = book.Offers;
        bool any = false;
        foreach (ref readonly Order bid in bids)
        {
            any |= bid.PreferredCount > 0;
        }
        if (!any || offers.IsEmpty)
        {
            return;
        }
        ReadOnlySpan<int> offersAscending = _offerSorter.Sort(offers, highestPriceFirst: false);
        ReadOnlySpan<long> sellers = IndexBySeller(offers, offersAscending);
        Span<long> bidLeft = result.BidRemaining, offerLeft = result.OfferRemaining;
        foreach (int b in bidsDescending)
        {
            ref readonly Order bid = ref bids[b];
            if (bid.PreferredCount == 0)
            {
                continue;
            }
            // Offer positions (price-time ranks) of every named seller, merged into one priority order.
            Span<int> candidates = CandidatesOf(book.PreferredSellers(bid), bid.Participant, sellers);
            candidates.Sort();
            int previous = -1;
            foreach (int position in candidates)
            {
                if (position == previous)
                {
                    continue; // a seller named twice
                }
                previous = position;
                int o = offersAscending[position];
                ref readonly Order offer = ref offers[o];
                if (offer.PriceMicrosPerKwh > bid.PriceMicrosPerKwh)
                {
                    break;
                }
                if (offerLeft[o] == 0 || (bid.GreenOnly && !offer.Green))
                {
                    continue;
                }
                long energy = Math.Min(bidLeft[b], offerLeft[o]);
                result.AddTrade(b, o, bid.Participant, offer.Participant, energy, bid.PriceMicrosPerKwh, bid.PriceMicrosPerKwh);
                if (bidLeft[b] == 0)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Keys (participant &lt;&lt; 32 | price-time rank), sorted: each seller's offers form one run, best first.</summary>
    private ReadOnlySpan<long> IndexBySeller(ReadOnlySpan<Order> offers, ReadOnlySpan<int> offersAscending)
    {
        if (_sellerKeys.Length < offers.Length)
        {
            _sellerKeys = new long[Math.Max(offers.Length, _sellerKeys.Length * 2)];
        }
        Span<long> keys = _sellerKeys.AsSpan(0, offers.Length);
        for (int p = 0; p < keys.Length; p++)
        {
            keys[p] = ((long)offers[offersAscending[p]].Participant << 32) | (long)p;
        }
        keys.Sort();
        return keys;
    }

    private Span<int> CandidatesOf(ReadOnlySpan<int> preferred, int buyer, ReadOnlySpan<long> sellers)
    {
        int count = 0;
        foreach (int seller in preferred)
        {
            if (seller == buyer)
            {
                continue;
            }
            int at = sellers.BinarySearch((long)seller << 32);
            for (at = at < 0 ? ~at : at; at < sellers.Length && (sellers[at] >> 32) == seller; at++)
            {
                if (count == _candidates.Length)
                {
                    Array.Resize(ref _candidates, Math.Max(16, count * 2));
                }
                _candidates[count++] = (int)(sellers[at] & 0xFFFF_FFFF);
            }
        }
        return _candidates.AsSpan(0, count);
    }

    private void GreenOnly(OrderBook book, ReadOnlySpan<int> bidsDescending, ClearingResult result)
    {
        ReadOnlySpan<Order> bids = book.Bids, offers = book.Offers;
        ReadOnlySpan<long> bidLeft = result.BidRemaining, offerLeft = result.OfferRemaining;
        Grow(ref _bidScratch, bids.Length);
        int greenBids = 0;
        foreach (int b in bidsDescending)
        {
            if (bids[b].GreenOnly && bidLeft[b] > 0)
            {
                _bidScratch[greenBids++] = b;
            }
        }
        if (greenBids == 0)
        {
            return;
        }
        ReadOnlySpan<int> offersDescending = _offerSorter.Sort(offers, highestPriceFirst: true);
        Grow(ref _offerScratch, offers.Length);
        int greenOffers = 0;
        foreach (int o in offersDescending)
        {
            if (offers[o].Green && offerLeft[o] > 0)
            {
                _offerScratch[greenOffers++] = o;
            }
        }
        _walk.Run(book, _bidScratch.AsSpan(0, greenBids), _offerScratch.AsSpan(0, greenOffers), result);
    }

    private void Rest(OrderBook book, ClearingResult result)
    {
        ReadOnlySpan<Order> bids = book.Bids, offers = book.Offers;
        ReadOnlySpan<long> bidLeft = result.BidRemaining, offerLeft = result.OfferRemaining;
        Grow(ref _bidScratch, bids.Length);
        Grow(ref _offerScratch, offers.Length);
        _residual.Clear();
        for (int b = 0; b < bids.Length; b++)
        {
            if (bidLeft[b] > 0 && !bids[b].GreenOnly)
            {
                _bidScratch[_residual.AddBid(bids[b].Id, bids[b].Participant, bids[b].PriceMicrosPerKwh, bidLeft[b])] = b;
            }
        }
        for (int o = 0; o < offers.Length; o++)
        {
            if (offerLeft[o] > 0)
            {
                _offerScratch[_residual.AddOffer(offers[o].Id, offers[o].Participant, offers[o].PriceMicrosPerKwh, offerLeft[o], offers[o].Green)] = o;
            }
        }
        Open.Clear(_residual, _residualResult);
        foreach (ref readonly Trade t in _residualResult.Trades)
        {
            result.AddTrade(_bidScratch[t.Bid], _offerScratch[t.Offer], t.Buyer, t.Seller, t.EnergyMicroKwh, t.BuyerPriceMicrosPerKwh, t.SellerPriceMicrosPerKwh);
        }
        foreach (ref readonly SelfNetting n in _residualResult.SelfNettings)
        {
            result.AddNetting(_bidScratch[n.Bid], _offerScratch[n.Offer], n.Participant, n.EnergyMicroKwh);
        }
        result.ClearingPriceMicrosPerKwh = _residualResult.ClearingPriceMicrosPerKwh;
    }

    private static void Grow(ref int[] array, int needed)
    {
        if (array.Length < needed)
        {
            array = new int[Math.Max(needed, array.Length * 2)];
        }
    }
}
