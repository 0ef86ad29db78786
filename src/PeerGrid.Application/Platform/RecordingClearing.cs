using PeerGrid.Markets.Auctions;

namespace PeerGrid.Application.Platform;

/// <summary>
/// A clearing rule that keeps a copy of every trade it makes until <see cref="Reset"/>: how the live slot reports an
/// auction's pairwise trades without changing <see cref="PeerGrid.Markets.Mechanisms.AuctionMarket"/>. Trades' buyer and
/// seller are the auction's participants, which are household indices.
/// </summary>
internal sealed class RecordingClearing(IClearingMechanism inner) : IClearingMechanism
{
    private readonly List<Trade> _trades = [];

    public string Name => inner.Name;

    /// <summary>Every trade since <see cref="Reset"/>, over all clearing rounds, in order.</summary>
    public IReadOnlyList<Trade> Trades => _trades;

    /// <summary>The last uniform price since <see cref="Reset"/>; null if none.</summary>
    public long? ClearingPriceMicrosPerKwh { get; private set; }

    public void Reset()
    {
        _trades.Clear();
        ClearingPriceMicrosPerKwh = null;
    }

    public void Clear(OrderBook book, ClearingResult result)
    {
        inner.Clear(book, result);
        foreach (ref readonly Trade t in result.Trades)
        {
            _trades.Add(t);
        }
        if (result.ClearingPriceMicrosPerKwh is { } price)
        {
            ClearingPriceMicrosPerKwh = price;
        }
    }
}
