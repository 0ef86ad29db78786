namespace PeerGrid.Markets.Auctions;

/// <summary>
/// Sorts one side of a book into price-time priority with reusable buffers. Each order becomes one long key,
/// price in the high 40 bits and insertion index in the low 24 (<see cref="OrderBook"/> enforces both ranges), so a
/// plain ascending sort of primitive longs gives price priority with ties in insertion order, without a comparer.
/// </summary>
internal sealed class PriceTimePriority
{
    private const int IndexBits = 24;
    private const long IndexMask = (1L << IndexBits) - 1;

    private long[] _keys = [];
    private int[] _order = [];

    /// <summary>Indices into <paramref name="orders"/>, highest price first (descending) or lowest first; ties by insertion.</summary>
    public ReadOnlySpan<int> Sort(ReadOnlySpan<Order> orders, bool highestPriceFirst)
    {
        int n = orders.Length;
        if (_keys.Length < n)
        {
            _keys = new long[Math.Max(n, _keys.Length * 2)];
            _order = new int[_keys.Length];
        }
        Span<long> keys = _keys.AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            long price = orders[i].PriceMicrosPerKwh;
            keys[i] = ((highestPriceFirst ? -price : price) << IndexBits) | (long)i;
        }
        keys.Sort();
        Span<int> order = _order.AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            order[i] = (int)(keys[i] & IndexMask);
        }
        return order;
    }
}
