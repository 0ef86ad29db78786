namespace PeerGrid.Markets.Auctions;

/// <summary>
/// Rations the long side of <see cref="HuangTradeReduction"/>: every order gives up the same amount r of µkWh, orders
/// holding less than r give up all they hold (water-filling, as pymarket's <c>update_quantity</c> intends). r is an
/// integer number of µkWh; the few µkWh left over go, one each, to the lowest-priority orders that still hold energy,
/// so a better-priced or earlier order never ends up with less than a worse one with the same quantity.
/// </summary>
internal sealed class EqualReduction
{
    private long[] _sorted = [];

    /// <param name="quantities">µkWh per order in priority order; reduced in place.</param>
    /// <param name="reduction">µkWh to remove in total, 0 … Σ quantities.</param>
    public void Apply(Span<long> quantities, long reduction)
    {
        int n = quantities.Length;
        if (_sorted.Length < n)
        {
            _sorted = new long[Math.Max(n, _sorted.Length * 2)];
        }
        Span<long> sorted = _sorted.AsSpan(0, n);
        quantities.CopyTo(sorted);
        sorted.Sort();
        long level = 0, leftover = 0, givenUpByEmptied = 0;
        for (int k = 0; k < n; k++)
        {
            // Orders k … n − 1 all hold ≥ sorted[k], so sorted[k] × their count ≤ Σ quantities: no overflow.
            long holders = n - k;
            if (givenUpByEmptied + (sorted[k] * holders) >= reduction)
            {
                long rest = reduction - givenUpByEmptied;
                level = rest / holders;
                leftover = rest - (level * holders);
                break;
            }
            givenUpByEmptied += sorted[k];
        }
        for (int i = 0; i < n; i++)
        {
            quantities[i] -= Math.Min(quantities[i], level);
        }
        // Orders still holding energy held more than the level, and there are more of them than leftover µkWh.
        for (int i = n - 1; i >= 0 && leftover > 0; i--)
        {
            if (quantities[i] > 0)
            {
                quantities[i]--;
                leftover--;
            }
        }
    }
}
