namespace PeerGrid.Markets.Auctions;

/// <summary>
/// Huang, Scheller-Wolf &amp; Sycara (2002) multi-unit double auction with trade reduction, truthful for buyers and
/// sellers. The crossing of <see cref="PayAsClear"/> finds the K bids and L offers of the efficient trade; the last of
/// each (the price-setting pair, bid K and offer L) are excluded. Bids 1 … K−1 buy at bid K's price, offers 1 … L−1
/// sell at offer L's price; the side offering more is rationed by <see cref="EqualReduction"/> to the other's total.
/// The operator keeps (p_bid K − p_offer L) × q. Bilateral trades pair the buyers and sellers in price-time priority,
/// skipping a participant's own orders; energy that cannot be paired for that reason stays unmatched.
/// No single clearing price: trades carry a buyer price and a seller price.
/// </summary>
public sealed class HuangTradeReduction : IClearingMechanism
{
    private readonly PriceTimePriority _bidSorter = new();
    private readonly PriceTimePriority _offerSorter = new();
    private readonly CrossingWalk _walk = new();
    private readonly EqualReduction _rationing = new();
    private readonly NextAlive _offersLeft = new();
    private long[] _bidEnergy = [];
    private long[] _offerEnergy = [];

    public string Name => "huang";

    public void Clear(OrderBook book, ClearingResult result)
    {
        result.Reset(book);
        ReadOnlySpan<Order> bids = book.Bids, offers = book.Offers;
        ReadOnlySpan<int> bidOrder = _bidSorter.Sort(bids, highestPriceFirst: true);
        ReadOnlySpan<int> offerOrder = _offerSorter.Sort(offers, highestPriceFirst: false);
        _walk.Run(bids, offers, bidOrder, offerOrder, netSelf: true);
        foreach (ref readonly CrossingStep step in _walk.Steps)
        {
            if (step.Self)
            {
                int b = bidOrder[step.BidPosition];
                result.AddNetting(b, offerOrder[step.OfferPosition], bids[b].Participant, step.EnergyMicroKwh);
            }
        }
        if (_walk.LastTradeStep >= 0)
        {
            CrossingStep marginal = _walk.Steps[_walk.LastTradeStep];
            Span<long> buy = Quantities(ref _bidEnergy, marginal.BidPosition);
            Span<long> sell = Quantities(ref _offerEnergy, marginal.OfferPosition);
            // What the efficient crossing traded, per order ahead of the excluded pair: all its energy but any netted.
            foreach (ref readonly CrossingStep step in _walk.Steps)
            {
                if (!step.Self && step.BidPosition < buy.Length)
                {
                    buy[step.BidPosition] += step.EnergyMicroKwh;
                }
                if (!step.Self && step.OfferPosition < sell.Length)
                {
                    sell[step.OfferPosition] += step.EnergyMicroKwh;
                }
            }
            long demand = Sum(buy), supply = Sum(sell);
            if (demand > supply)
            {
                _rationing.Apply(buy, demand - supply);
            }
            else if (supply > demand)
            {
                _rationing.Apply(sell, supply - demand);
            }
            long buyerPrice = bids[bidOrder[marginal.BidPosition]].PriceMicrosPerKwh;
            long sellerPrice = offers[offerOrder[marginal.OfferPosition]].PriceMicrosPerKwh;
            Pair(book, bidOrder, offerOrder, buy, sell, buyerPrice, sellerPrice, result);
        }
        result.Complete();
    }

    /// <summary>Buyers in priority order take sellers' rationed energy in priority order, never their own.</summary>
    private void Pair(
        OrderBook book,
        ReadOnlySpan<int> bidOrder,
        ReadOnlySpan<int> offerOrder,
        Span<long> buy,
        Span<long> sell,
        long buyerPrice,
        long sellerPrice,
        ClearingResult result)
    {
        ReadOnlySpan<Order> bids = book.Bids, offers = book.Offers;
        _offersLeft.Reset(sell.Length);
        for (int p = 0; p < sell.Length; p++)
        {
            if (sell[p] == 0)
            {
                _offersLeft.Remove(p);
            }
        }
        for (int bp = 0; bp < buy.Length; bp++)
        {
            int b = bidOrder[bp];
            int buyer = bids[b].Participant;
            int p = _offersLeft.Find(0);
            while (buy[bp] > 0 && p < sell.Length)
            {
                int o = offerOrder[p];
                if (offers[o].Participant == buyer)
                {
                    p = _offersLeft.Find(p + 1);
                    continue;
                }
                long energy = Math.Min(buy[bp], sell[p]);
                result.AddTrade(b, o, buyer, offers[o].Participant, energy, buyerPrice, sellerPrice);
                buy[bp] -= energy;
                sell[p] -= energy;
                if (sell[p] == 0)
                {
                    _offersLeft.Remove(p);
                }
                p = _offersLeft.Find(p);
            }
        }
    }

    private static Span<long> Quantities(ref long[] buffer, int count)
    {
        if (buffer.Length < count)
        {
            buffer = new long[Math.Max(count, buffer.Length * 2)];
        }
        Span<long> span = buffer.AsSpan(0, count);
        span.Clear();
        return span;
    }

    private static long Sum(ReadOnlySpan<long> values)
    {
        long sum = 0;
        foreach (long v in values)
        {
            sum += v;
        }
        return sum;
    }
}
