using PeerGrid.Markets.Auctions;

namespace PeerGrid.Markets.Tests.Auctions;

/// <summary>What a naive reference clearing produced, for comparison with the optimised mechanism's result.</summary>
internal sealed record NaiveOutcome(List<Trade> Trades, List<SelfNetting> Nettings, long? Price)
{
    public static NaiveOutcome Empty() => new([], [], null);
}

/// <summary>Mutable remaining energy per order, so naive passes can hand a partly cleared book on.</summary>
internal sealed class NaiveBook
{
    public NaiveBook(OrderBook book)
    {
        Book = book;
        Bids = book.Bids.ToArray();
        Offers = book.Offers.ToArray();
        BidLeft = Bids.Select(b => b.EnergyMicroKwh).ToArray();
        OfferLeft = Offers.Select(o => o.EnergyMicroKwh).ToArray();
    }

    public OrderBook Book { get; }
    public Order[] Bids { get; }
    public Order[] Offers { get; }
    public long[] BidLeft { get; }
    public long[] OfferLeft { get; }

    /// <summary>Bid indices, highest price first, ties by insertion.</summary>
    public List<int> BidsByPriority() =>
        Enumerable.Range(0, Bids.Length).OrderByDescending(i => Bids[i].PriceMicrosPerKwh).ThenBy(i => i).ToList();

    /// <summary>Offer indices, lowest price first (or highest first), ties by insertion.</summary>
    public List<int> OffersByPriority(bool highestFirst = false) => highestFirst
        ? Enumerable.Range(0, Offers.Length).OrderByDescending(i => Offers[i].PriceMicrosPerKwh).ThenBy(i => i).ToList()
        : Enumerable.Range(0, Offers.Length).OrderBy(i => Offers[i].PriceMicrosPerKwh).ThenBy(i => i).ToList();

    public void Trade(NaiveOutcome outcome, int b, int o, long energy, long buyerPrice, long sellerPrice)
    {
        BidLeft[b] -= energy;
        OfferLeft[o] -= energy;
        outcome.Trades.Add(new Trade(b, o, Bids[b].Participant, Offers[o].Participant, energy, buyerPrice, sellerPrice));
    }
}
