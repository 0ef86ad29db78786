namespace PeerGrid.Markets.Sharing;

/// <summary>
/// Hamilton's largest-remainder method: splits an integer total of micro-units into integer shares proportional
/// to non-negative weights, so the shares add up to the total exactly. Each participant's exact quota is the
/// rational total·wᵢ/W (computed exactly, in 128 bits where needed); everyone first gets its floor, then the
/// units still missing go one each to the largest remainders, ties to the lowest index. Every share is the
/// floor or the ceiling of its quota. Scratch arrays are sized once, so a call does not allocate.
/// </summary>
internal sealed class LargestRemainderApportioner
{
    private readonly long[] remainders;
    private readonly long[] candidates;

    public LargestRemainderApportioner(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        remainders = new long[capacity];
        candidates = new long[capacity];
    }

    /// <summary>
    /// Overwrites <paramref name="shares"/> with the apportionment of <paramref name="total"/> (any sign) by
    /// <paramref name="weights"/> (each ≥ 0, summing to <paramref name="weightSum"/>). A zero weight gets zero.
    /// </summary>
    public void Apportion(long total, ReadOnlySpan<long> weights, long weightSum, Span<long> shares)
    {
        int n = weights.Length;
        if (shares.Length != n || n > remainders.Length)
        {
            throw new ArgumentException($"Expected {n} ≤ {remainders.Length} shares, got {shares.Length}.", nameof(shares));
        }
        if (weightSum == 0)
        {
            if (total != 0)
            {
                throw new InvalidOperationException($"Cannot apportion {total} micro-units over zero weight.");
            }
            shares.Clear();
            return;
        }

        long floors = 0;
        int candidateCount = 0;
        var divider = new FloorDivider(total, weightSum);
        for (int i = 0; i < n; i++)
        {
            long w = weights[i];
            long q = 0, r = 0;
            if (w != 0)
            {
                (q, r) = divider.QuotaOf(w);
                floors = checked(floors + q);
                if (r != 0)
                {
                    candidates[candidateCount++] = r;
                }
            }
            shares[i] = q;
            remainders[i] = r;
        }

        // Σ quotas = total exactly, so the missing units equal Σ fractions: 0 ≤ missing < number of non-zero remainders.
        long missing = checked(total - floors);
        if (missing == 0)
        {
            return;
        }
        if (missing < 0 || missing >= candidateCount)
        {
            throw new InvalidOperationException("The weights do not add up to the weight sum.");
        }
        Span<long> pool = candidates.AsSpan(0, candidateCount);
        long threshold = Selection.KthLargest(pool, (int)missing);
        int above = 0;
        foreach (long r in pool)
        {
            if (r > threshold)
            {
                above++;
            }
        }
        long tiesToRound = missing - above; // equal remainders: lowest index first
        for (int i = 0; i < n; i++)
        {
            long r = remainders[i];
            if (r > threshold)
            {
                shares[i]++;
            }
            else if (r == threshold && tiesToRound > 0)
            {
                shares[i]++;
                tiesToRound--;
            }
        }
    }

    /// <summary>
    /// ⌊total·w ÷ W⌋ and its remainder for many w at fixed total and W. A 64-bit division costs more than the rest of a
    /// participant's work, so the quotient is estimated with the floating-point reciprocal of W and then corrected in
    /// exact integer arithmetic: the result is exact whatever the estimate. The estimate is within one of the floor
    /// while |total·w ÷ W| ≤ |total| &lt; 2⁵⁰ (three roundings of 2⁻⁵³ each), so one correction step suffices and, with
    /// |total·w| &lt; 2⁶² and W &lt; 2⁶¹, no intermediate overflows. Outside those bounds it divides.
    /// </summary>
    private readonly struct FloorDivider(long total, long weightSum)
    {
        private const long TotalLimit = 1L << 50;
        private const long ProductLimit = 1L << 62;
        private readonly double reciprocal = 1.0 / weightSum;
        private readonly bool estimate = total > -TotalLimit && total < TotalLimit && weightSum < (1L << 61);

        public (long Quotient, long Remainder) QuotaOf(long w)
        {
            if (!estimate)
            {
                return FloorDivRem(total, w, weightSum);
            }
            long high = Math.BigMul(total, w, out long product);
            if (!((high == 0 && product >= 0 && product < ProductLimit) || (high == -1 && product < 0 && product > -ProductLimit)))
            {
                return FloorDivRem(total, w, weightSum);
            }
            long q = (long)(product * reciprocal);
            long r = product - (q * weightSum);
            while (r < 0)
            {
                q--;
                r += weightSum;
            }
            while (r >= weightSum)
            {
                q++;
                r -= weightSum;
            }
            return (q, r);
        }
    }

    /// <summary>⌊a·b ÷ d⌋ and the remainder in [0, d), for d &gt; 0; in 64 bits when the product fits (the common case).</summary>
    internal static (long Quotient, long Remainder) FloorDivRem(long a, long b, long d)
    {
        long high = Math.BigMul(a, b, out long low);
        if ((high == 0 && low >= 0) || (high == -1 && low < 0))
        {
            long q = low / d;
            long r = low - (q * d);
            if (r < 0)
            {
                q--;
                r += d;
            }
            return (q, r);
        }
        (Int128 wq, Int128 wr) = Int128.DivRem((Int128)a * b, d);
        if (wr < Int128.Zero)
        {
            wq--;
            wr += d;
        }
        return (checked((long)wq), (long)wr);
    }
}
