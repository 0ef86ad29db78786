using PeerGrid.Domain.Quantities;

namespace PeerGrid.Markets.Hierarchy;

/// <summary>
/// The grid fee one market of a <see cref="HierarchicalMarket"/> charges per kWh it carries: a constant
/// (<see cref="MicrosPerKwh"/>, micro-units per kWh) plus a share of the trade price (<see cref="PartsPerMillion"/> of the
/// seller's price per kWh; 20,000 = 2 %). A scenario gives one or the other; both together simply add. The percentage
/// of a negative trade price is 0: a grid operator is never paid to carry energy. Default: no fee.
/// </summary>
/// <param name="MicrosPerKwh">Constant part, micro-units per kWh, ≥ 0.</param>
/// <param name="PartsPerMillion">Percentage part in millionths of the seller's price, 0 … 1,000,000 (0 … 100 %).</param>
public readonly record struct GridFee(long MicrosPerKwh, long PartsPerMillion)
{
    /// <summary>One million parts = 100 %.</summary>
    public const long Million = 1_000_000;

    public static GridFee None => default;

    /// <summary>A constant fee in micro-units per kWh.</summary>
    public static GridFee PerKwh(long microsPerKwh) => new(microsPerKwh, 0);

    /// <summary>A constant fee in currency units per kWh (at most six decimals).</summary>
    public static GridFee PerKwh(decimal unitsPerKwh) => new(Price.FromDecimal(unitsPerKwh).MicrosPerKwh, 0);

    /// <summary>A percentage of the seller's price, 0 … 100, at most four decimals (the resolution is one part per million).</summary>
    public static GridFee Percent(decimal percent)
    {
        decimal parts = percent * 10_000;
        if (parts != decimal.Truncate(parts) || percent < 0 || percent > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "A percentage fee is 0 … 100 with at most four decimals.");
        }
        return new GridFee(0, (long)parts);
    }

    public bool IsNone => MicrosPerKwh == 0 && PartsPerMillion == 0;

    /// <summary>
    /// The fee per kWh on a trade whose seller receives <paramref name="sellerMicrosPerKwh"/>: the constant plus the
    /// percentage of max(price, 0), rounded down (the operator never takes more than its share).
    /// </summary>
    public long RateMicrosPerKwh(long sellerMicrosPerKwh) =>
        checked(MicrosPerKwh + (Math.Max(sellerMicrosPerKwh, 0) * PartsPerMillion / Million));

    internal void Validate(string name)
    {
        if (MicrosPerKwh < 0)
        {
            throw new ArgumentOutOfRangeException(name, MicrosPerKwh, $"{name}: a constant grid fee must be ≥ 0 micro-units per kWh.");
        }
        if (PartsPerMillion is < 0 or > Million)
        {
            throw new ArgumentOutOfRangeException(name, PartsPerMillion, $"{name}: a percentage grid fee must be 0 … {Million} parts per million (0 … 100 %).");
        }
    }
}
