namespace PeerGrid.Domain.Trading;

/// <summary>
/// A per-slot market between households: the engine's plug-in point. Called once per slot, after every household
/// has served its own load from its own generation and battery, with each household's residual net position.
/// The mechanism fills <see cref="MarketSlot.TradedKwh"/> and <see cref="MarketSlot.PaidMicros"/>; whatever it
/// leaves unmatched falls to the utility grid. Implementations must be deterministic and must not allocate per
/// household per slot.
/// </summary>
public interface IMarketMechanism
{
    /// <summary>The mechanism's name in scenario files and on the command line, e.g. "grid-only".</summary>
    string Name { get; }

    void Clear(MarketSlot slot);

    /// <summary>
    /// Whether the mechanism trades each order only within its limit price (the auctions). Only then does the engine
    /// also offer a household's flexible energy (a sell-first battery's stored energy, a dispatchable generator's spare
    /// capacity at its fuel cost) and bid for its battery's headroom below its grid-charge threshold: a sharing pool takes
    /// every net position whatever its price, so it would empty batteries and run generators at a loss. Default false.
    /// </summary>
    bool TradesFlexibleEnergy => false;

    /// <summary>
    /// Called after the last slot of each billing period (each local calendar month, and the run's end). A mechanism
    /// that bills per period (Bill Sharing) adds each household's bill for the period to <paramref name="paidMicros"/>
    /// (micro-units, &gt; 0 pays); per-slot mechanisms leave it as it is.
    /// </summary>
    void CloseBillingPeriod(long[] paidMicros)
    {
    }
}

/// <summary>
/// One slot's book, as struct-of-arrays indexed by household (sized once per run, reused every slot).
/// Inputs: <see cref="NetKwh"/> (&gt; 0 the household needs energy, &lt; 0 it has surplus; already within its
/// connection limits), its limit prices and the grid's prices. Outputs (zeroed by the engine before each call):
/// <see cref="TradedKwh"/> energy the household received from (&gt; 0) or delivered to (&lt; 0) peers;
/// <see cref="PoolGridKwh"/> grid energy a community pool (a sharing model) bought (&gt; 0) or sold (&lt; 0) on the
/// household's behalf, which the engine counts as the household's import or export but does not bill at the
/// tariff; together never beyond the net position; and <see cref="PaidMicros"/> money the household paid (&gt; 0) or
/// received (&lt; 0) for both, in micro-units. Whatever remains of the net position the engine settles with the
/// utility at the tariff.
/// </summary>
public sealed class MarketSlot
{
    public MarketSlot(int households)
    {
        NetKwh = new double[households];
        BidLimitMicrosPerKwh = new long[households];
        OfferLimitMicrosPerKwh = new long[households];
        IsRenewable = new bool[households];
        BudgetMicros = new long[households];
        TradedKwh = new double[households];
        PoolGridKwh = new double[households];
        PaidMicros = new long[households];
        GreenOnly = new bool[households];
        PreferredSellers = new int[households][];
        Array.Fill(PreferredSellers, []);
    }

    public int Slot { get; set; }
    public long GridBuyMicrosPerKwh { get; set; }
    public long GridSellMicrosPerKwh { get; set; }
    public double[] NetKwh { get; }
    public long[] BidLimitMicrosPerKwh { get; }
    public long[] OfferLimitMicrosPerKwh { get; }
    public bool[] IsRenewable { get; }

    /// <summary>Per household, fixed for a run: its bids accept green offers only (honoured by preference-first).</summary>
    public bool[] GreenOnly { get; }

    /// <summary>Per household, fixed for a run: the households (indexes) it buys from first, in order; empty = none
    /// (honoured by preference-first). The arrays are set once; the engine never replaces them per slot.</summary>
    public int[][] PreferredSellers { get; }

    /// <summary>Money each household can spend in this slot (micro-units; long.MaxValue = no limit): a bid must not
    /// commit more. The engine already capped each need at what the budget buys at the retail price.</summary>
    public long[] BudgetMicros { get; }

    /// <summary>Output: what the market owes the utility for pool energy this slot (&lt; 0 owed to it); sharing models only.</summary>
    public long PoolGridCostMicros { get; set; }

    /// <summary>Output: network fees collected this slot for the grid operator (hierarchical markets).</summary>
    public long GridFeesMicros { get; set; }
    public double[] TradedKwh { get; }
    public double[] PoolGridKwh { get; }
    public long[] PaidMicros { get; }
}

/// <summary>The plain grid: no peer trades; every household imports and exports with the utility.</summary>
public sealed class GridOnlyMarket : IMarketMechanism
{
    public string Name => "grid-only";

    public void Clear(MarketSlot slot)
    {
        // Nothing to match: the engine settles every residual with the utility.
    }
}
