namespace PeerGrid.Markets.Auctions;

/// <summary>
/// What a clearing produced: trades, self-nettings, the uniform price if there is one, and each order's remaining
/// energy. Reused between slots: a mechanism overwrites it completely, and its buffers only grow.
/// Per order: energy = Σ its trades + Σ its self-nettings + remaining.
/// </summary>
public sealed class ClearingResult
{
    private Trade[] _trades = [];
    private SelfNetting[] _nettings = [];
    private long[] _remainingBids = [];
    private long[] _remainingOffers = [];
    private int _tradeCount;
    private int _nettingCount;
    private int _bidCount;
    private int _offerCount;

    /// <summary>Trades in the order the mechanism made them.</summary>
    public ReadOnlySpan<Trade> Trades => _trades.AsSpan(0, _tradeCount);

    /// <summary>Self-crossing energy cancelled without a trade (uniform-price mechanisms only; usually empty).</summary>
    public ReadOnlySpan<SelfNetting> SelfNettings => _nettings.AsSpan(0, _nettingCount);

    /// <summary>
    /// The uniform price in micro-units per kWh (<see cref="PayAsClear"/>; for <see cref="PreferenceFirst"/> the price
    /// of its open pass); null for discriminatory mechanisms and when nothing traded.
    /// </summary>
    public long? ClearingPriceMicrosPerKwh { get; internal set; }

    /// <summary>Unmatched energy per bid, µkWh, indexed like <see cref="OrderBook.Bids"/>.</summary>
    public ReadOnlySpan<long> RemainingBidMicroKwh => _remainingBids.AsSpan(0, _bidCount);

    /// <summary>Unmatched energy per offer, µkWh, indexed like <see cref="OrderBook.Offers"/>.</summary>
    public ReadOnlySpan<long> RemainingOfferMicroKwh => _remainingOffers.AsSpan(0, _offerCount);

    /// <summary>Σ trade energy in µkWh (bought = sold).</summary>
    public long TradedMicroKwh { get; private set; }

    /// <summary>Σ <see cref="Trade.BuyerPaysMicros"/>.</summary>
    public long BuyerPaymentsMicros { get; private set; }

    /// <summary>Σ <see cref="Trade.SellerReceivesMicros"/>.</summary>
    public long SellerReceiptsMicros { get; private set; }

    /// <summary>BuyerPayments − SellerReceipts: what the operator keeps (Huang), 0 for the other mechanisms.</summary>
    public long OperatorSurplusMicros => BuyerPaymentsMicros - SellerReceiptsMicros;

    internal Span<long> BidRemaining => _remainingBids.AsSpan(0, _bidCount);

    internal Span<long> OfferRemaining => _remainingOffers.AsSpan(0, _offerCount);

    /// <summary>Starts a clearing of <paramref name="book"/>: no trades, every order fully remaining.</summary>
    internal void Reset(OrderBook book)
    {
        _tradeCount = 0;
        _nettingCount = 0;
        ClearingPriceMicrosPerKwh = null;
        TradedMicroKwh = 0;
        BuyerPaymentsMicros = 0;
        SellerReceiptsMicros = 0;
        _bidCount = book.BidCount;
        _offerCount = book.OfferCount;
        Grow(ref _remainingBids, _bidCount);
        Grow(ref _remainingOffers, _offerCount);
        ReadOnlySpan<Order> bids = book.Bids;
        for (int i = 0; i < bids.Length; i++)
        {
            _remainingBids[i] = bids[i].EnergyMicroKwh;
        }
        ReadOnlySpan<Order> offers = book.Offers;
        for (int i = 0; i < offers.Length; i++)
        {
            _remainingOffers[i] = offers[i].EnergyMicroKwh;
        }
    }

    /// <summary>Records a trade and takes its energy off both orders' remaining energy.</summary>
    internal void AddTrade(int bid, int offer, int buyer, int seller, long energyMicroKwh, long buyerPrice, long sellerPrice)
    {
        _remainingBids[bid] -= energyMicroKwh;
        _remainingOffers[offer] -= energyMicroKwh;
        if (_tradeCount == _trades.Length)
        {
            Grow(ref _trades, _tradeCount + 1);
        }
        _trades[_tradeCount++] = new Trade(bid, offer, buyer, seller, energyMicroKwh, buyerPrice, sellerPrice);
    }

    internal void AddNetting(int bid, int offer, int participant, long energyMicroKwh)
    {
        _remainingBids[bid] -= energyMicroKwh;
        _remainingOffers[offer] -= energyMicroKwh;
        if (_nettingCount == _nettings.Length)
        {
            Grow(ref _nettings, _nettingCount + 1);
        }
        _nettings[_nettingCount++] = new SelfNetting(bid, offer, participant, energyMicroKwh);
    }

    /// <summary>Sums volume and money once all trades carry their final prices.</summary>
    internal void Complete()
    {
        long traded = 0, paid = 0, received = 0;
        foreach (ref readonly Trade t in Trades)
        {
            traded += t.EnergyMicroKwh;
            paid += t.BuyerPaysMicros;
            received += t.SellerReceivesMicros;
        }
        TradedMicroKwh = traded;
        BuyerPaymentsMicros = paid;
        SellerReceiptsMicros = received;
    }

    private static void Grow<T>(ref T[] array, int needed)
    {
        if (array.Length < needed)
        {
            Array.Resize(ref array, Math.Max(needed, Math.Max(16, array.Length * 2)));
        }
    }
}
