namespace PeerGrid.Domain.Trading;

/// <summary>
/// Where a run's money goes, slot by slot: a ledger of wallets (PeerGrid.Markets.Settlement) or nothing (the scenario
/// lab's default, where bills are exact sums without wallets). The engine reads every household's spendable budget
/// before the market, sizes every purchase to it (a shortfall becomes unmet demand) and then settles the slot once.
/// </summary>
public interface ISlotSettlement
{
    /// <summary>Fills each household's spendable money in micro-units; long.MaxValue = no limit.</summary>
    void FillBudgets(long[] budgetMicros);

    /// <summary>Posts one slot's money atomically. Refusal is a bug (the engine respected the budgets): it throws.</summary>
    void Settle(SlotMoney money);
}

/// <summary>
/// One slot's money, per household in micro-units, all ≥ 0 except <see cref="MarketPaidMicros"/> (&gt; 0 the household
/// paid the market, &lt; 0 it was paid). <see cref="PoolGridCostMicros"/>: what the market itself owes the utility for
/// energy it bought or sold on households' behalf (sharing pools; &lt; 0 the utility owes it).
/// <see cref="GridFeesMicros"/>: network fees the market collected for the grid operator. What the market keeps
/// beyond these is the platform operator's revenue.
/// </summary>
public sealed class SlotMoney
{
    public SlotMoney(int households)
    {
        GridImportMicros = new long[households];
        GridExportMicros = new long[households];
        FuelMicros = new long[households];
        MarketPaidMicros = new long[households];
        SubscriptionMicros = new long[households];
    }

    public int Slot { get; set; }
    public long[] GridImportMicros { get; }
    public long[] GridExportMicros { get; }
    public long[] FuelMicros { get; }
    public long[] MarketPaidMicros { get; }

    /// <summary>The platform subscription each household pays the operator in this slot (the first of a billing month).</summary>
    public long[] SubscriptionMicros { get; }
    public long PoolGridCostMicros { get; set; }
    public long GridFeesMicros { get; set; }
}
