using PeerGrid.Domain.Quantities;

namespace PeerGrid.Markets.Sharing;

/// <summary>
/// The community's exchange with the utility in one slot. The utility sees only the community's net position:
/// it sells the net demand at λ_buy (retail) and buys the net surplus at λ_sell (feed-in), whatever the members
/// trade among themselves. That bill is what every sharing model must recover exactly from its members.
/// </summary>
public static class CommunityGrid
{
    /// <summary>
    /// The largest grid price magnitude the sharing models accept: 10⁹ micro-units per kWh (1,000 currency units).
    /// It keeps every exact intermediate of the SDR formulas within 256 bits and far above any real tariff.
    /// </summary>
    public const long MaxAbsPriceMicrosPerKwh = 1_000_000_000;

    /// <summary>
    /// The utility's bill for a net position (&gt; 0 the community needs energy): net × λ_buy when importing,
    /// net × λ_sell (negative: income) when exporting, rounded half-to-even to the micro-unit once per slot.
    /// </summary>
    public static Money Cost(MeteredEnergy net, Price gridBuy, Price gridSell) =>
        new(CostMicros(net.MicroKwh, gridBuy.MicrosPerKwh, gridSell.MicrosPerKwh));

    internal static long CostMicros(long netMicroKwh, long buyMicrosPerKwh, long sellMicrosPerKwh) =>
        Price.CostMicros(netMicroKwh, netMicroKwh > 0 ? buyMicrosPerKwh : sellMicrosPerKwh);

    /// <summary>Checks λ_sell &lt; λ_buy, both within ±<see cref="MaxAbsPriceMicrosPerKwh"/>, and λ_sell ≥ 0 where a model needs it.</summary>
    internal static void ValidatePrices(Price gridBuy, Price gridSell, bool sellMustBeNonNegative)
    {
        if (Math.Abs(gridBuy.MicrosPerKwh) > MaxAbsPriceMicrosPerKwh)
        {
            throw new ArgumentOutOfRangeException(nameof(gridBuy), gridBuy, "The grid buy price must be within ±1000 currency units per kWh.");
        }
        if (Math.Abs(gridSell.MicrosPerKwh) > MaxAbsPriceMicrosPerKwh)
        {
            throw new ArgumentOutOfRangeException(nameof(gridSell), gridSell, "The grid sell price must be within ±1000 currency units per kWh.");
        }
        if (gridSell >= gridBuy)
        {
            throw new ArgumentOutOfRangeException(nameof(gridSell), gridSell, $"The grid sell (feed-in) price must be below the grid buy price {gridBuy}.");
        }
        if (sellMustBeNonNegative && gridSell < Price.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(gridSell), gridSell, "This model needs a grid sell price ≥ 0 (its formula divides by it).");
        }
    }
}
