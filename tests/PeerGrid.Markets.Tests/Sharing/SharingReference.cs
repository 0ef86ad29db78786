using PeerGrid.Domain.Quantities;

namespace PeerGrid.Markets.Tests.Sharing;

/// <summary>
/// Deliberately naive references: the published formulas as written, in exact rationals of micro-units per kWh.
/// </summary>
internal static class SharingReference
{
    /// <summary>Liu 2017 Eqs. (7), (9), (10) with SDR = TSP/TBP as a fraction.</summary>
    public static (Fraction Buy, Fraction Sell) Sdr(long tbp, long tsp, Price gridBuy, Price gridSell)
    {
        Fraction lb = gridBuy.MicrosPerKwh, ls = gridSell.MicrosPerKwh;
        if (tbp == 0)
        {
            return (ls, ls);
        }
        var sdr = new Fraction(tsp, tbp);
        if (sdr.Numerator > sdr.Denominator)
        {
            return (ls, ls);
        }
        if (tsp == 0)
        {
            return (lb, lb); // the formula's value at SDR = 0 (λ_sell > 0); with λ_sell = 0 no seller is paid anyway
        }
        Fraction sell = ls * lb / (((lb - ls) * sdr) + ls);
        Fraction buy = (sell * sdr) + (lb * (1 - sdr));
        return (buy, sell);
    }

    /// <summary>Long 2017 Eqs. (15)–(18) with GEN = TSP and DEM = TBP.</summary>
    public static (Fraction Buy, Fraction Sell) Mmr(long dem, long gen, Price gridBuy, Price gridSell)
    {
        Fraction lb = gridBuy.MicrosPerKwh, ls = gridSell.MicrosPerKwh;
        Fraction mid = (lb + ls) / 2;
        if (gen == dem)
        {
            return (mid, mid);
        }
        if (gen > dem)
        {
            return (mid, ((dem * mid) + ((gen - dem) * ls)) / gen);
        }
        return (((gen * mid) + ((dem - gen) * lb)) / dem, mid);
    }

    /// <summary>The exact bill in micro-units of a net position at the given exact prices.</summary>
    public static Fraction Bill(long netMicroKwh, (Fraction Buy, Fraction Sell) prices) =>
        netMicroKwh * (netMicroKwh > 0 ? prices.Buy : prices.Sell) / 1_000_000;
}
