using System.Numerics;
using PeerGrid.Markets.Auctions;

namespace PeerGrid.Markets.Tests.Auctions;

/// <summary>
/// Deliberately naive reference clearings: every step rescans the whole book for the best order (O(n²)), LINQ for
/// sorting, no shared code with the mechanisms. Written from docs/markets-auctions.md, not from the optimised code.
/// </summary>
internal static class NaiveClearing
{
    /// <summary>One step of the naive crossing: the best remaining bid and offer meet while bid ≥ offer.</summary>
    private sealed record Step(int Bid, int Offer, long Energy, bool Self);

    private static int BestBid(NaiveBook n) => Enumerable.Range(0, n.Bids.Length)
        .Where(i => n.BidLeft[i] > 0)
        .OrderByDescending(i => n.Bids[i].PriceMicrosPerKwh).ThenBy(i => i)
        .DefaultIfEmpty(-1).First();

    private static int BestOffer(NaiveBook n) => Enumerable.Range(0, n.Offers.Length)
        .Where(i => n.OfferLeft[i] > 0)
        .OrderBy(i => n.Offers[i].PriceMicrosPerKwh).ThenBy(i => i)
        .DefaultIfEmpty(-1).First();

    /// <summary>The crossing with self pairs netted; leaves <paramref name="n"/> with what is left after it.</summary>
    private static List<Step> Cross(NaiveBook n)
    {
        var steps = new List<Step>();
        while (true)
        {
            int b = BestBid(n), o = BestOffer(n);
            if (b < 0 || o < 0 || n.Bids[b].PriceMicrosPerKwh < n.Offers[o].PriceMicrosPerKwh)
            {
                return steps;
            }
            long energy = Math.Min(n.BidLeft[b], n.OfferLeft[o]);
            steps.Add(new Step(b, o, energy, n.Bids[b].Participant == n.Offers[o].Participant));
            n.BidLeft[b] -= energy;
            n.OfferLeft[o] -= energy;
        }
    }

    public static NaiveOutcome PayAsClear(OrderBook book, PricingConvention convention, double k)
    {
        var n = new NaiveBook(book);
        List<Step> steps = Cross(n);
        var outcome = NaiveOutcome.Empty();
        Step? last = steps.LastOrDefault(s => !s.Self);
        if (last is null)
        {
            outcome.Nettings.AddRange(steps.Select(s => new SelfNetting(s.Bid, s.Offer, n.Bids[s.Bid].Participant, s.Energy)));
            return outcome;
        }
        long hi = n.Bids[last.Bid].PriceMicrosPerKwh, lo = n.Offers[last.Offer].PriceMicrosPerKwh;
        if (convention == PricingConvention.EquilibriumInterval)
        {
            int b = BestBid(n), o = BestOffer(n);
            lo = b >= 0 ? Math.Max(lo, n.Bids[b].PriceMicrosPerKwh) : lo;
            hi = o >= 0 ? Math.Min(hi, n.Offers[o].PriceMicrosPerKwh) : hi;
        }
        long price = RoundHalfEven(lo, hi, k);
        foreach (Step s in steps)
        {
            if (s.Self)
            {
                outcome.Nettings.Add(new SelfNetting(s.Bid, s.Offer, n.Bids[s.Bid].Participant, s.Energy));
            }
            else
            {
                outcome.Trades.Add(new Trade(s.Bid, s.Offer, n.Bids[s.Bid].Participant, n.Offers[s.Offer].Participant, s.Energy, price, price));
            }
        }
        return outcome with { Price = price };
    }

    /// <summary>
    /// lo + k·(hi − lo) rounded half-to-even with big integers: for k = 0 or k ≥ 2⁻⁷, k × 2⁶⁰ is an exact integer.
    /// </summary>
    public static long RoundHalfEven(long lo, long hi, double k)
    {
        var scale = BigInteger.One << 60;
        var k60 = new BigInteger(k * Math.Pow(2, 60));
        Assert.Equal(k * Math.Pow(2, 60), (double)k60);
        BigInteger numerator = (lo * scale) + (k60 * (hi - lo));
        BigInteger quotient = BigInteger.DivRem(numerator, scale, out BigInteger remainder);
        if (remainder < 0)
        {
            quotient -= 1;
            remainder += scale;
        }
        BigInteger twice = remainder * 2;
        if (twice > scale || (twice == scale && !quotient.IsEven))
        {
            quotient += 1;
        }
        return (long)quotient;
    }

    /// <summary>gsy-framework's loop, literally: for each offer (highest first) for each bid (highest first).</summary>
    public static NaiveOutcome PayAsBid(OrderBook book)
    {
        var n = new NaiveBook(book);
        var outcome = NaiveOutcome.Empty();
        PayAsBidLoop(n, outcome, n.BidsByPriority(), n.OffersByPriority(highestFirst: true));
        return outcome;
    }

    private static void PayAsBidLoop(NaiveBook n, NaiveOutcome outcome, List<int> bids, List<int> offers)
    {
        foreach (int o in offers)
        {
            foreach (int b in bids)
            {
                if (n.Bids[b].Participant == n.Offers[o].Participant || n.Offers[o].PriceMicrosPerKwh > n.Bids[b].PriceMicrosPerKwh)
                {
                    continue;
                }
                long energy = Math.Min(n.BidLeft[b], n.OfferLeft[o]);
                if (energy > 0)
                {
                    n.Trade(outcome, b, o, energy, n.Bids[b].PriceMicrosPerKwh, n.Bids[b].PriceMicrosPerKwh);
                }
            }
        }
    }

    public static NaiveOutcome PayAsOffer(OrderBook book)
    {
        var n = new NaiveBook(book);
        var outcome = NaiveOutcome.Empty();
        foreach (int b in n.BidsByPriority())
        {
            foreach (int o in n.OffersByPriority())
            {
                if (n.Bids[b].Participant == n.Offers[o].Participant || n.Offers[o].PriceMicrosPerKwh > n.Bids[b].PriceMicrosPerKwh)
                {
                    continue;
                }
                long energy = Math.Min(n.BidLeft[b], n.OfferLeft[o]);
                if (energy > 0)
                {
                    n.Trade(outcome, b, o, energy, n.Offers[o].PriceMicrosPerKwh, n.Offers[o].PriceMicrosPerKwh);
                }
            }
        }
        return outcome;
    }

    public static NaiveOutcome PreferenceFirst(OrderBook book, Func<OrderBook, NaiveOutcome> open)
    {
        var n = new NaiveBook(book);
        var outcome = NaiveOutcome.Empty();
        foreach (int b in n.BidsByPriority())
        {
            Order bid = n.Bids[b];
            var preferred = book.PreferredSellers(bid).ToArray();
            foreach (int o in n.OffersByPriority())
            {
                Order offer = n.Offers[o];
                bool allowed = preferred.Contains(offer.Participant) && offer.Participant != bid.Participant
                    && offer.PriceMicrosPerKwh <= bid.PriceMicrosPerKwh && (!bid.GreenOnly || offer.Green);
                long energy = Math.Min(n.BidLeft[b], n.OfferLeft[o]);
                if (allowed && energy > 0)
                {
                    n.Trade(outcome, b, o, energy, bid.PriceMicrosPerKwh, bid.PriceMicrosPerKwh);
                }
            }
        }
        PayAsBidLoop(
            n,
            outcome,
            n.BidsByPriority().Where(b => n.Bids[b].GreenOnly).ToList(),
            n.OffersByPriority(highestFirst: true).Where(o => n.Offers[o].Green).ToList());

        var residual = new OrderBook();
        var bidMap = new List<int>();
        var offerMap = new List<int>();
        for (int b = 0; b < n.Bids.Length; b++)
        {
            if (n.BidLeft[b] > 0 && !n.Bids[b].GreenOnly)
            {
                residual.AddBid(n.Bids[b].Id, n.Bids[b].Participant, n.Bids[b].PriceMicrosPerKwh, n.BidLeft[b]);
                bidMap.Add(b);
            }
        }
        for (int o = 0; o < n.Offers.Length; o++)
        {
            if (n.OfferLeft[o] > 0)
            {
                residual.AddOffer(n.Offers[o].Id, n.Offers[o].Participant, n.Offers[o].PriceMicrosPerKwh, n.OfferLeft[o], n.Offers[o].Green);
                offerMap.Add(o);
            }
        }
        NaiveOutcome rest = open(residual);
        outcome.Trades.AddRange(rest.Trades.Select(t => t with { Bid = bidMap[t.Bid], Offer = offerMap[t.Offer] }));
        outcome.Nettings.AddRange(rest.Nettings.Select(s => s with { Bid = bidMap[s.Bid], Offer = offerMap[s.Offer] }));
        return outcome with { Price = rest.Price };
    }

    /// <summary>Huang et al. 2002 with the documented rationing and pairing; also returns the excluded pair.</summary>
    public static (NaiveOutcome Outcome, int ExcludedBid, int ExcludedOffer) Huang(OrderBook book)
    {
        var n = new NaiveBook(book);
        List<Step> steps = Cross(n);
        var outcome = NaiveOutcome.Empty();
        outcome.Nettings.AddRange(steps.Where(s => s.Self).Select(s => new SelfNetting(s.Bid, s.Offer, n.Bids[s.Bid].Participant, s.Energy)));
        Step? last = steps.LastOrDefault(s => !s.Self);
        if (last is null)
        {
            return (outcome, -1, -1);
        }
        List<int> bidRank = n.BidsByPriority(), offerRank = n.OffersByPriority();
        List<int> buyers = bidRank.Take(bidRank.IndexOf(last.Bid)).ToList();
        List<int> sellers = offerRank.Take(offerRank.IndexOf(last.Offer)).ToList();
        long[] buy = buyers.Select(b => steps.Where(s => !s.Self && s.Bid == b).Sum(s => s.Energy)).ToArray();
        long[] sell = sellers.Select(o => steps.Where(s => !s.Self && s.Offer == o).Sum(s => s.Energy)).ToArray();
        long demand = buy.Sum(), supply = sell.Sum();
        Ration(demand > supply ? buy : sell, Math.Abs(demand - supply));

        long buyerPrice = n.Bids[last.Bid].PriceMicrosPerKwh, sellerPrice = n.Offers[last.Offer].PriceMicrosPerKwh;
        var paired = new NaiveBook(book); // fresh remaining energy: Huang trades replace the crossing's
        foreach (SelfNetting s in outcome.Nettings)
        {
            paired.BidLeft[s.Bid] -= s.EnergyMicroKwh;
            paired.OfferLeft[s.Offer] -= s.EnergyMicroKwh;
        }
        for (int i = 0; i < buyers.Count; i++)
        {
            for (int j = 0; j < sellers.Count; j++)
            {
                long energy = Math.Min(buy[i], sell[j]);
                if (energy > 0 && n.Bids[buyers[i]].Participant != n.Offers[sellers[j]].Participant)
                {
                    paired.Trade(outcome, buyers[i], sellers[j], energy, buyerPrice, sellerPrice);
                    buy[i] -= energy;
                    sell[j] -= energy;
                }
            }
        }
        return (outcome, last.Bid, last.Offer);
    }

    /// <summary>Equal reduction by bisection on the level r: the largest r with Σ min(q, r) ≤ reduction.</summary>
    public static void Ration(long[] quantities, long reduction)
    {
        if (reduction == 0)
        {
            return;
        }
        long low = 0, high = quantities.Max();
        while (low < high)
        {
            long mid = low + ((high - low + 1) / 2);
            if (quantities.Sum(q => Math.Min(q, mid)) <= reduction)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }
        long leftover = reduction - quantities.Sum(q => Math.Min(q, low));
        for (int i = 0; i < quantities.Length; i++)
        {
            quantities[i] -= Math.Min(quantities[i], low);
        }
        for (int i = quantities.Length - 1; i >= 0 && leftover > 0; i--)
        {
            if (quantities[i] > 0)
            {
                quantities[i]--;
                leftover--;
            }
        }
    }

    /// <summary>max over prices p of min(demand priced ≥ p, supply priced ≤ p): the uniform-price crossing volume.</summary>
    public static long UniformCrossingVolume(OrderBook book)
    {
        Order[] bids = book.Bids.ToArray(), offers = book.Offers.ToArray();
        return bids.Concat(offers).Select(x => x.PriceMicrosPerKwh).Distinct()
            .Select(p => Math.Min(
                bids.Where(b => b.PriceMicrosPerKwh >= p).Sum(b => b.EnergyMicroKwh),
                offers.Where(o => o.PriceMicrosPerKwh <= p).Sum(o => o.EnergyMicroKwh)))
            .DefaultIfEmpty(0).Max();
    }

    /// <summary>
    /// pymarket's maximum_traded_volume: the maximum flow from bids to offers priced ≤ them (participants ignored),
    /// by Edmonds–Karp on a dense capacity matrix: source → bids → offers → sink.
    /// </summary>
    public static long PairedMaximumVolume(OrderBook book)
    {
        Order[] bids = book.Bids.ToArray(), offers = book.Offers.ToArray();
        int n = bids.Length + offers.Length + 2, source = n - 2, sink = n - 1;
        long[,] capacity = new long[n, n];
        for (int b = 0; b < bids.Length; b++)
        {
            capacity[source, b] = bids[b].EnergyMicroKwh;
            for (int o = 0; o < offers.Length; o++)
            {
                capacity[b, bids.Length + o] = bids[b].PriceMicrosPerKwh >= offers[o].PriceMicrosPerKwh ? long.MaxValue / 4 : 0;
            }
        }
        for (int o = 0; o < offers.Length; o++)
        {
            capacity[bids.Length + o, sink] = offers[o].EnergyMicroKwh;
        }
        long flow = 0;
        while (true)
        {
            int[] parent = Enumerable.Repeat(-1, n).ToArray();
            parent[source] = source;
            var queue = new Queue<int>([source]);
            while (queue.Count > 0 && parent[sink] < 0)
            {
                int u = queue.Dequeue();
                for (int v = 0; v < n; v++)
                {
                    if (parent[v] < 0 && capacity[u, v] > 0)
                    {
                        parent[v] = u;
                        queue.Enqueue(v);
                    }
                }
            }
            if (parent[sink] < 0)
            {
                return flow;
            }
            long push = long.MaxValue;
            for (int v = sink; v != source; v = parent[v])
            {
                push = Math.Min(push, capacity[parent[v], v]);
            }
            for (int v = sink; v != source; v = parent[v])
            {
                capacity[parent[v], v] -= push;
                capacity[v, parent[v]] += push;
            }
            flow += push;
        }
    }
}
