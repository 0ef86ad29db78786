namespace PeerGrid.Markets.Auctions;

/// <summary>
/// Discriminatory auction as in Grid Singularity's gsy-framework <c>PayAsBidMatchingAlgorithm</c>: offers are taken
/// highest price first; each walks the bids from the highest down, skipping bids of its own participant, and trades
/// min(remaining) with every bid priced ≥ the offer until it is sold out; partial fills carry over to the next offer.
/// <b>Every trade is priced at the bid</b> (buyer and seller price equal), so buyers pay their limit and sellers keep
/// the spread. Ties (equal prices) go by insertion order on both sides, where gsy-e leaves them to its sort.
/// Not volume-maximising: expensive offers are served first. No clearing price.
/// </summary>
public sealed class PayAsBid : IClearingMechanism
{
    private readonly PriceTimePriority _bidSorter = new();
    private readonly PriceTimePriority _offerSorter = new();
    private readonly PayAsBidWalk _walk = new();

    public string Name => "pay-as-bid";

    public void Clear(OrderBook book, ClearingResult result)
    {
        result.Reset(book);
        ReadOnlySpan<int> bids = _bidSorter.Sort(book.Bids, highestPriceFirst: true);
        ReadOnlySpan<int> offers = _offerSorter.Sort(book.Offers, highestPriceFirst: true);
        _walk.Run(book, bids, offers, result);
        result.Complete();
    }
}
