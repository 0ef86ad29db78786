namespace PeerGrid.Domain.Households;

/// <summary>What a household does with surplus: store it first, or sell it first and store what is not sold.</summary>
public enum StorageMode
{
    StoreFirst,
    SellFirst,
}

/// <summary>When a deferrable job starts inside its window.</summary>
public enum DeferrablePolicy
{
    /// <summary>At the earliest allowed start.</summary>
    Earliest,
    /// <summary>Where the grid's retail price summed over the run is lowest (earliest on ties).</summary>
    Cheapest,
    /// <summary>Where the community's irradiance summed over the run is highest (earliest on ties).</summary>
    Sunniest,
}

/// <summary>
/// The founding paper's "My Preferences". Prices in currency units per kWh; null = no limit.
/// <see cref="ReserveSoc"/>: the battery is not discharged below this SoC for self-use (backup reserve).
/// <see cref="GridChargeBelowPrice"/>: charge the battery from the grid in slots whose retail price is at or below it.
/// <see cref="PreferredSellers"/>: household ids this household buys from first (the Vandebron model: a consumer
/// chooses its producer), in order; empty = none. <see cref="GreenOnly"/>: buy only renewable energy from peers.
/// Both are honoured by the preference-first mechanism and ignored by the others (docs/markets.md).
/// </summary>
public sealed record Preferences(
    StorageMode StorageMode = StorageMode.StoreFirst,
    double ReserveSoc = 0,
    decimal? GridChargeBelowPrice = null,
    bool SellSurplus = true,
    decimal? MinSellPrice = null,
    decimal? MaxBuyPrice = null,
    bool PreferP2P = true,
    DeferrablePolicy DeferrablePolicy = DeferrablePolicy.Earliest,
    IReadOnlyList<string>? PreferredSellers = null,
    bool GreenOnly = false)
{
    /// <summary>The preferred sellers' household ids, never null.</summary>
    public IReadOnlyList<string> PreferredSellerIds => PreferredSellers ?? [];

    /// <summary>Value equality, the preferred sellers compared element by element (absent = empty).</summary>
    public bool Equals(Preferences? other) =>
        other is not null
        && StorageMode == other.StorageMode
        && ReserveSoc.Equals(other.ReserveSoc)
        && GridChargeBelowPrice == other.GridChargeBelowPrice
        && SellSurplus == other.SellSurplus
        && MinSellPrice == other.MinSellPrice
        && MaxBuyPrice == other.MaxBuyPrice
        && PreferP2P == other.PreferP2P
        && DeferrablePolicy == other.DeferrablePolicy
        && GreenOnly == other.GreenOnly
        && PreferredSellerIds.SequenceEqual(other.PreferredSellerIds, StringComparer.Ordinal);

    public override int GetHashCode() =>
        HashCode.Combine(StorageMode, ReserveSoc, GridChargeBelowPrice, SellSurplus, MinSellPrice, MaxBuyPrice, PreferP2P, HashCode.Combine(DeferrablePolicy, GreenOnly, PreferredSellerIds.Count));

    public static Preferences Default { get; } = new();

    public void Validate(string path, ValidationErrors errors)
    {
        errors.Fraction($"{path}.reserveSoc", ReserveSoc);
        CheckPrice($"{path}.gridChargeBelowPrice", GridChargeBelowPrice, errors);
        CheckPrice($"{path}.minSellPrice", MinSellPrice, errors);
        CheckPrice($"{path}.maxBuyPrice", MaxBuyPrice, errors);
    }

    private static void CheckPrice(string path, decimal? price, ValidationErrors errors)
    {
        if (price is { } p && (p < -10 || p > 10))
        {
            errors.Add(path, $"{p} per kWh is outside the plausible range −10 … 10", "give the price in currency units per kWh (0.25, not 25)");
        }
    }
}
