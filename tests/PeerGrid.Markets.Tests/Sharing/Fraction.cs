using System.Numerics;

namespace PeerGrid.Markets.Tests.Sharing;

/// <summary>
/// An exact rational for the test references: the sharing formulas evaluated literally, with no shortcut the
/// production code takes, so the two implementations check each other.
/// </summary>
internal readonly record struct Fraction
{
    public Fraction(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }
        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }
        BigInteger g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        Numerator = numerator / g;
        Denominator = denominator / g;
    }

    public BigInteger Numerator { get; }
    public BigInteger Denominator { get; }

    public static implicit operator Fraction(long value) => new(value, 1);

    public static Fraction operator +(Fraction a, Fraction b) => new((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);
    public static Fraction operator -(Fraction a, Fraction b) => new((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);
    public static Fraction operator *(Fraction a, Fraction b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);
    public static Fraction operator /(Fraction a, Fraction b) => new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    /// <summary>Rounded half-to-even to an integer.</summary>
    public BigInteger RoundHalfEven()
    {
        BigInteger floor = BigInteger.Divide(Numerator, Denominator);
        if (Numerator.Sign < 0 && floor * Denominator != Numerator)
        {
            floor -= 1;
        }
        BigInteger twice = 2 * (Numerator - (floor * Denominator));
        int c = twice.CompareTo(Denominator);
        return c > 0 || (c == 0 && !floor.IsEven) ? floor + 1 : floor;
    }

    public double ToDouble() => (double)Numerator / (double)Denominator;
}
