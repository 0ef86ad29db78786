namespace PeerGrid.Markets.Sharing;

/// <summary>
/// Exact integer arithmetic beyond <see cref="Int128"/>, for the few per-slot quantities whose exact
/// numerators do not fit 128 bits (the SDR prices multiply two prices by two community totals: up to
/// 2⁶⁰ × 2¹²⁶). Runs a constant number of times per slot, never per participant, so a plain
/// shift-and-subtract division is fast enough.
/// </summary>
internal static class WideArithmetic
{
    /// <summary>
    /// x·y ÷ (d1·d2) as its floor and the position of the fraction, without forming d1·d2. Requires
    /// d1, d2 &gt; 0 and x·y ÷ d1 &lt; 2¹²⁸ (true whenever the caller's quotient is bounded by a price times an
    /// energy total).
    /// </summary>
    public static WideQuotient MulDiv(UInt128 x, UInt128 y, UInt128 d1, UInt128 d2)
    {
        if (d1 == UInt128.Zero || d2 == UInt128.Zero)
        {
            throw new DivideByZeroException();
        }
        UInt128 high = Multiply(x, y, out UInt128 low);
        UInt128 q1 = DivRem(high, low, d1, out UInt128 r1);
        (UInt128 q2, UInt128 r2) = UInt128.DivRem(q1, d2);

        // The exact value is q2 + (r2·d1 + r1)/(d1·d2) with 0 ≤ r1 < d1 and 0 ≤ r2 < d2. Compare the fraction
        // with ½ through k = d2 − 2·r2: 2(r2·d1 + r1) vs d1·d2 ⇔ 2·r1 vs k·d1, and 0 ≤ 2·r1 < 2·d1.
        if (r1 == UInt128.Zero && r2 == UInt128.Zero)
        {
            return new WideQuotient(q2, 0, IsExact: true);
        }
        UInt128 m = d2 - r2; // > 0; k = m − r2, kept unsigned to avoid forming 2·r2
        int vsHalf;
        if (r2 > m)
        {
            vsHalf = 1; // k < 0
        }
        else if (r2 == m)
        {
            vsHalf = r1 == UInt128.Zero ? 0 : 1; // k = 0
        }
        else if (m - r2 == UInt128.One)
        {
            UInt128 rest = d1 - r1; // k = 1: compare r1 with d1 − r1
            vsHalf = r1 < rest ? -1 : r1 == rest ? 0 : 1;
        }
        else
        {
            vsHalf = -1; // k ≥ 2
        }
        return new WideQuotient(q2, vsHalf, IsExact: false);
    }

    /// <summary>n ÷ d rounded half-to-even, for d &gt; 0; n may be negative.</summary>
    public static Int128 DivRoundHalfEven(Int128 n, Int128 d)
    {
        if (d <= Int128.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(d), d, "The divisor must be > 0.");
        }
        (Int128 q, Int128 r) = Int128.DivRem(n, d); // truncates towards zero; r has the sign of n
        Int128 absR = Int128.Abs(r);
        Int128 rest = d - absR; // compare |r| with d − |r| instead of 2·|r| with d: no overflow
        if (absR > rest || (absR == rest && !Int128.IsEvenInteger(q)))
        {
            q += n < Int128.Zero ? -1 : 1;
        }
        return q;
    }

    /// <summary>The 256-bit product x·y as (high, low) 128-bit halves, by 64-bit limbs.</summary>
    internal static UInt128 Multiply(UInt128 x, UInt128 y, out UInt128 low)
    {
        unchecked
        {
            ulong xl = (ulong)x, xh = (ulong)(x >> 64), yl = (ulong)y, yh = (ulong)(y >> 64);
            UInt128 ll = (UInt128)xl * yl;
            UInt128 lh = (UInt128)xl * yh;
            UInt128 hl = (UInt128)xh * yl;
            UInt128 hh = (UInt128)xh * yh;

            // Middle column: high half of ll plus the low halves of the cross products (fits in 66 bits).
            UInt128 middle = (ll >> 64) + (ulong)lh + (ulong)hl;
            low = (middle << 64) | (ulong)ll;
            return hh + (lh >> 64) + (hl >> 64) + (middle >> 64);
        }
    }

    /// <summary>(high·2¹²⁸ + low) ÷ d by binary long division; requires high &lt; d so the quotient fits 128 bits.</summary>
    internal static UInt128 DivRem(UInt128 high, UInt128 low, UInt128 d, out UInt128 remainder)
    {
        if (high >= d)
        {
            throw new OverflowException("The quotient does not fit 128 bits.");
        }
        if (high == UInt128.Zero)
        {
            (UInt128 q0, remainder) = UInt128.DivRem(low, d);
            return q0;
        }
        unchecked
        {
            UInt128 r = high, q = UInt128.Zero;
            for (int bit = 127; bit >= 0; bit--)
            {
                // r < d before the shift, so after it r < 2d: one conditional subtraction keeps r < d. The bit
                // shifted out of r (carry) is the 129th bit of the true value, and wrapping subtraction is exact.
                bool carry = (r >> 127) != UInt128.Zero;
                r = (r << 1) | ((low >> bit) & UInt128.One);
                q <<= 1;
                if (carry || r >= d)
                {
                    r -= d;
                    q |= UInt128.One;
                }
            }
            remainder = r;
            return q;
        }
    }
}

/// <summary>
/// A non-negative exact quotient: <see cref="Floor"/> plus a fraction in [0, 1) that is zero when
/// <see cref="IsExact"/>, else below (−1), at (0) or above (+1) one half (<see cref="VsHalf"/>).
/// </summary>
internal readonly record struct WideQuotient(UInt128 Floor, int VsHalf, bool IsExact)
{
    /// <summary>The quotient rounded half-to-even.</summary>
    public UInt128 RoundHalfEven() =>
        VsHalf > 0 || (VsHalf == 0 && !IsExact && !UInt128.IsEvenInteger(Floor)) ? Floor + UInt128.One : Floor;

    /// <summary>(<paramref name="minuend"/> − this quotient) rounded half-to-even, exactly (not minuend − rounded).</summary>
    public Int128 SubtractFromRoundHalfEven(Int128 minuend)
    {
        Int128 whole = minuend - (Int128)Floor;
        if (IsExact)
        {
            return whole;
        }
        // minuend − (Floor + f) = (whole − 1) + (1 − f), and 1 − f sits on the other side of ½ from f.
        Int128 below = whole - 1;
        return VsHalf < 0 || (VsHalf == 0 && !Int128.IsEvenInteger(below)) ? whole : below;
    }
}
