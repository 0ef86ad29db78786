using System.Globalization;

namespace PeerGrid.Domain.Quantities;

/// <summary>
/// An exact energy price in micro-units of currency per kWh (0.25 €/kWh = 250,000).
/// May be negative (negative-price slots exist in real markets).
/// </summary>
public readonly record struct Price(long MicrosPerKwh) : IComparable<Price>
{
    public static readonly Price Zero;

    public static Price FromDecimal(decimal unitsPerKwh)
    {
        decimal micros = unitsPerKwh * Money.MicrosPerUnit;
        if (micros != decimal.Truncate(micros))
        {
            throw new ArgumentOutOfRangeException(nameof(unitsPerKwh), unitsPerKwh, "Prices have a resolution of 0.000001 currency units per kWh.");
        }
        return new Price(checked((long)micros));
    }

    /// <summary>Rounds a floating-point price (e.g. from a pricing formula) half-to-even to the micro-unit.</summary>
    public static Price FromDouble(double unitsPerKwh)
    {
        if (!double.IsFinite(unitsPerKwh))
        {
            throw new ArgumentOutOfRangeException(nameof(unitsPerKwh), unitsPerKwh, "A price must be a finite number.");
        }
        return new Price(checked((long)Math.Round(unitsPerKwh * Money.MicrosPerUnit, MidpointRounding.ToEven)));
    }

    public decimal ToDecimal() => (decimal)MicrosPerKwh / Money.MicrosPerUnit;

    public double ToDouble() => MicrosPerKwh / (double)Money.MicrosPerUnit;

    /// <summary>The exact cost of <paramref name="energy"/> at this price, rounded half-to-even to the micro-unit.</summary>
    public Money CostOf(MeteredEnergy energy) => new(CostMicros(energy.MicroKwh, MicrosPerKwh));

    /// <summary>
    /// µkWh × µ/kWh ÷ 10⁶, rounded half-to-even: the cost in micro-units. The divisor is a constant so the JIT
    /// turns the division into a multiplication: this runs per household per slot in the engine.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static long CostMicros(long microKwh, long microsPerKwh)
    {
        const long Scale = 1_000_000;
        long high = Math.BigMul(microKwh, microsPerKwh, out long low);
        if ((high == 0 && low >= 0) || (high == -1 && low < 0))
        {
            long q = low / Scale;
            long twiceR = Math.Abs(low - (q * Scale)) * 2;
            if (twiceR > Scale || (twiceR == Scale && (q & 1) != 0))
            {
                q += low < 0 ? -1 : 1;
            }
            return q;
        }
        return MulDivRoundWide(microKwh, microsPerKwh, Scale);
    }

    public static bool operator <(Price a, Price b) => a.MicrosPerKwh < b.MicrosPerKwh;
    public static bool operator >(Price a, Price b) => a.MicrosPerKwh > b.MicrosPerKwh;
    public static bool operator <=(Price a, Price b) => a.MicrosPerKwh <= b.MicrosPerKwh;
    public static bool operator >=(Price a, Price b) => a.MicrosPerKwh >= b.MicrosPerKwh;

    public int CompareTo(Price other) => MicrosPerKwh.CompareTo(other.MicrosPerKwh);

    public override string ToString() => ToDecimal().ToString("0.000000", CultureInfo.InvariantCulture);

    /// <summary>a·b/d rounded half-to-even, exact for any long inputs whose result fits a long.</summary>
    public static long MulDivRound(long a, long b, long d)
    {
        long high = Math.BigMul(a, b, out long low);
        if ((high == 0 && low >= 0) || (high == -1 && low < 0))
        {
            // The product fits a long: the common case in the engine's hot loop, without Int128 division.
            long q = low / d;
            long r = low - (q * d);
            long twiceR = Math.Abs(r) * 2;
            if (twiceR > d || (twiceR == d && (q & 1) != 0))
            {
                q += low < 0 ? -1 : 1;
            }
            return q;
        }
        return MulDivRoundWide(a, b, d);
    }

    private static long MulDivRoundWide(long a, long b, long d)
    {
        Int128 product = (Int128)a * b;
        (Int128 quotient, Int128 remainder) = Int128.DivRem(product, d);
        Int128 twice = Int128.Abs(remainder) * 2;
        if (twice > d || (twice == d && !Int128.IsEvenInteger(quotient)))
        {
            quotient += product < 0 ? -1 : 1;
        }
        return checked((long)quotient);
    }
}
