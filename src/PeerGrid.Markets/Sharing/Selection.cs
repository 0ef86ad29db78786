using System.Numerics;

namespace PeerGrid.Markets.Sharing;

/// <summary>
/// Order statistics without sorting: the largest-remainder method needs only the k-th largest remainder,
/// and a full sort of 100,000 remainders per slot would cost more than the rest of the slot.
/// </summary>
internal static class Selection
{
    /// <summary>
    /// The <paramref name="k"/>-th largest value (1 = the maximum), reordering <paramref name="values"/> in place.
    /// Quickselect with a median-of-three pivot and three-way partitioning (remainders repeat often); after
    /// 2·log₂(n) rounds it falls back to sorting what is left, so the worst case stays O(n log n).
    /// </summary>
    public static long KthLargest(Span<long> values, int k)
    {
        if (k < 1 || k > values.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 1 and {values.Length}.");
        }
        int target = k - 1; // position in descending order
        int lo = 0, hi = values.Length - 1;
        int rounds = 2 * (BitOperations.Log2((uint)values.Length) + 1);
        while (lo < hi)
        {
            if (rounds-- == 0)
            {
                Span<long> rest = values[lo..(hi + 1)];
                rest.Sort(); // ascending: descending position target sits at hi − (target − lo)
                return values[hi - (target - lo)];
            }
            long pivot = MedianOfThree(values[lo], values[lo + ((hi - lo) >> 1)], values[hi]);

            // Descending three-way partition: [lo, gt) > pivot, [gt, i) = pivot, (lt, hi] < pivot.
            int gt = lo, i = lo, lt = hi;
            while (i <= lt)
            {
                long v = values[i];
                if (v > pivot)
                {
                    (values[gt], values[i]) = (values[i], values[gt]);
                    gt++;
                    i++;
                }
                else if (v < pivot)
                {
                    (values[i], values[lt]) = (values[lt], values[i]);
                    lt--;
                }
                else
                {
                    i++;
                }
            }
            if (target < gt)
            {
                hi = gt - 1;
            }
            else if (target > lt)
            {
                lo = lt + 1;
            }
            else
            {
                return pivot;
            }
        }
        return values[target];
    }

    private static long MedianOfThree(long a, long b, long c) =>
        a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
}
