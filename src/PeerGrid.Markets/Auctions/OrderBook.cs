namespace PeerGrid.Markets.Auctions;

/// <summary>
/// One slot's bids and offers, in insertion order (insertion order is time priority: among equal prices the
/// earlier order goes first). The arrays grow to the largest book seen and are reused after <see cref="Clear"/>,
/// so refilling a book every slot does not allocate.
/// </summary>
public sealed class OrderBook
{
    /// <summary>At most 2²⁴ orders per side: the sort key packs the insertion index into 24 bits.</summary>
    public const int MaxOrdersPerSide = 1 << 24;

    /// <summary>|price| ≤ 2³⁹ − 1 micro-units per kWh (≈ 549,755 currency units per kWh): the sort key's other 40 bits.</summary>
    public const long MaxAbsPriceMicrosPerKwh = (1L << 39) - 1;

    private Order[] _bids = [];
    private Order[] _offers = [];
    private int[] _preferred = [];
    private int _bidCount;
    private int _offerCount;
    private int _preferredCount;

    public ReadOnlySpan<Order> Bids => _bids.AsSpan(0, _bidCount);

    public ReadOnlySpan<Order> Offers => _offers.AsSpan(0, _offerCount);

    public int BidCount => _bidCount;

    public int OfferCount => _offerCount;

    /// <summary>The participant ids <paramref name="bid"/> prefers to buy from, in the order the bidder gave them.</summary>
    public ReadOnlySpan<int> PreferredSellers(in Order bid) => _preferred.AsSpan(bid.PreferredStart, bid.PreferredCount);

    /// <summary>Empties the book, keeping its buffers.</summary>
    public void Clear()
    {
        _bidCount = 0;
        _offerCount = 0;
        _preferredCount = 0;
    }

    /// <summary>Adds a bid (buy order) and returns its index in <see cref="Bids"/>.</summary>
    /// <param name="preferredSellers">Participants to buy from first (<see cref="PreferenceFirst"/>); copied.</param>
    public int AddBid(
        int id,
        int participant,
        long priceMicrosPerKwh,
        long energyMicroKwh,
        bool greenOnly = false,
        ReadOnlySpan<int> preferredSellers = default)
    {
        Check(_bidCount, priceMicrosPerKwh, energyMicroKwh);
        int start = _preferredCount;
        if (!preferredSellers.IsEmpty)
        {
            EnsureCapacity(ref _preferred, checked(start + preferredSellers.Length));
            preferredSellers.CopyTo(_preferred.AsSpan(start));
            _preferredCount = start + preferredSellers.Length;
        }
        EnsureCapacity(ref _bids, _bidCount + 1);
        _bids[_bidCount] = new Order(id, participant, priceMicrosPerKwh, energyMicroKwh, false, greenOnly, start, preferredSellers.Length);
        return _bidCount++;
    }

    /// <summary>Adds an offer (sell order) and returns its index in <see cref="Offers"/>.</summary>
    /// <param name="green">The energy is renewable (matches green-only bids).</param>
    public int AddOffer(int id, int participant, long priceMicrosPerKwh, long energyMicroKwh, bool green = false)
    {
        Check(_offerCount, priceMicrosPerKwh, energyMicroKwh);
        EnsureCapacity(ref _offers, _offerCount + 1);
        _offers[_offerCount] = new Order(id, participant, priceMicrosPerKwh, energyMicroKwh, green, false, 0, 0);
        return _offerCount++;
    }

    private static void Check(int count, long priceMicrosPerKwh, long energyMicroKwh)
    {
        if (count >= MaxOrdersPerSide)
        {
            throw new InvalidOperationException($"An order book holds at most {MaxOrdersPerSide} orders per side.");
        }
        if (priceMicrosPerKwh is > MaxAbsPriceMicrosPerKwh or < -MaxAbsPriceMicrosPerKwh)
        {
            throw new ArgumentOutOfRangeException(nameof(priceMicrosPerKwh), priceMicrosPerKwh, $"priceMicrosPerKwh must be within ±{MaxAbsPriceMicrosPerKwh}.");
        }
        if (energyMicroKwh <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(energyMicroKwh), energyMicroKwh, "energyMicroKwh must be > 0.");
        }
    }

    private static void EnsureCapacity<T>(ref T[] array, int needed)
    {
        if (array.Length < needed)
        {
            Array.Resize(ref array, Math.Max(needed, Math.Max(16, array.Length * 2)));
        }
    }
}
