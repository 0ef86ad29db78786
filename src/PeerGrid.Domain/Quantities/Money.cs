using System.Globalization;

namespace PeerGrid.Domain.Quantities;

/// <summary>
/// An exact amount of money in micro-units: 1 unit of the scenario's currency = 1,000,000 micros.
/// All arithmetic is checked: an overflow throws instead of wrapping. Sign is the caller's
/// convention (docs/domain.md): in a bill, positive = the household pays.
/// </summary>
public readonly record struct Money(long Micros) : IComparable<Money>
{
    public const long MicrosPerUnit = 1_000_000;

    public static readonly Money Zero;

    /// <summary>Converts a decimal amount of currency units; rejects amounts finer than a micro-unit.</summary>
    public static Money FromDecimal(decimal units)
    {
        decimal micros = units * MicrosPerUnit;
        if (micros != decimal.Truncate(micros))
        {
            throw new ArgumentOutOfRangeException(nameof(units), units, "Money has a resolution of 0.000001 currency units.");
        }
        return new Money(checked((long)micros));
    }

    public decimal ToDecimal() => (decimal)Micros / MicrosPerUnit;

    public static Money operator +(Money a, Money b) => new(checked(a.Micros + b.Micros));
    public static Money operator -(Money a, Money b) => new(checked(a.Micros - b.Micros));
    public static Money operator -(Money a) => new(checked(-a.Micros));
    public static bool operator <(Money a, Money b) => a.Micros < b.Micros;
    public static bool operator >(Money a, Money b) => a.Micros > b.Micros;
    public static bool operator <=(Money a, Money b) => a.Micros <= b.Micros;
    public static bool operator >=(Money a, Money b) => a.Micros >= b.Micros;

    public int CompareTo(Money other) => Micros.CompareTo(other.Micros);

    /// <summary>Invariant-culture text with all six decimals, e.g. "12.345600".</summary>
    public override string ToString() => ToDecimal().ToString("0.000000", CultureInfo.InvariantCulture);
}
