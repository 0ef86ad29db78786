using System.Globalization;

namespace PeerGrid.Domain.Quantities;

/// <summary>
/// An exact, settled amount of energy in micro-kWh (1 µkWh = 1 mWh), as a meter would record it.
/// Physics runs in <see cref="double"/> kWh; energy becomes <see cref="MeteredEnergy"/> where
/// it is billed or traded, so bills are exact sums of exact parts.
/// </summary>
public readonly record struct MeteredEnergy(long MicroKwh) : IComparable<MeteredEnergy>
{
    public const long MicroKwhPerKwh = 1_000_000;

    public static readonly MeteredEnergy Zero;

    /// <summary>Rounds half-to-even to the micro-kWh.</summary>
    public static MeteredEnergy FromKwh(double kwh) => new(MicroKwhOf(kwh));

    /// <summary>
    /// <paramref name="kwh"/> in µkWh, rounded half-to-even; throws for NaN, infinity or more than ±9 × 10¹² kWh.
    /// One comparison guards range and NaN, so the conversion after it needs no checked helper call (hot path).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static long MicroKwhOf(double kwh)
    {
        double micro = Math.Round(kwh * MicroKwhPerKwh);
        if (!(Math.Abs(micro) < 9e18))
        {
            ThrowOutOfRange(kwh);
        }
        return unchecked((long)micro);
    }

    // Kept out of line so the hot caller stays small enough to inline.
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowOutOfRange(double kwh) =>
        throw new ArgumentOutOfRangeException(nameof(kwh), kwh, "Energy must be a finite number of kWh within ±9e12.");

    public double Kwh => MicroKwh / (double)MicroKwhPerKwh;

    public static MeteredEnergy operator +(MeteredEnergy a, MeteredEnergy b) => new(checked(a.MicroKwh + b.MicroKwh));
    public static MeteredEnergy operator -(MeteredEnergy a, MeteredEnergy b) => new(checked(a.MicroKwh - b.MicroKwh));
    public static bool operator <(MeteredEnergy a, MeteredEnergy b) => a.MicroKwh < b.MicroKwh;
    public static bool operator >(MeteredEnergy a, MeteredEnergy b) => a.MicroKwh > b.MicroKwh;
    public static bool operator <=(MeteredEnergy a, MeteredEnergy b) => a.MicroKwh <= b.MicroKwh;
    public static bool operator >=(MeteredEnergy a, MeteredEnergy b) => a.MicroKwh >= b.MicroKwh;

    public int CompareTo(MeteredEnergy other) => MicroKwh.CompareTo(other.MicroKwh);

    public override string ToString() => ((decimal)MicroKwh / MicroKwhPerKwh).ToString("0.000000", CultureInfo.InvariantCulture);
}
