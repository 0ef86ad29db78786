namespace PeerGrid.Markets.Auctions;

/// <summary>How <see cref="PayAsClear"/> picks the uniform price from the crossing (shared/REFERENCE.md §1).</summary>
public enum PricingConvention
{
    /// <summary>p = k·(last matched bid) + (1 − k)·(last matched offer); k = 0 is ASSUME's textbook clearing.</summary>
    MarginalPair,

    /// <summary>
    /// p = lo + k·(hi − lo) over the interval of prices that clear the matched volume; k = 0.5 is pymarket's
    /// competitive equilibrium.
    /// </summary>
    EquilibriumInterval,
}
