namespace PeerGrid.Simulation.Observers;

/// <summary>
/// Every household's values in one slot, indexed like <see cref="RunInfo.HouseholdIds"/>. kWh within the slot;
/// <see cref="CostMicros"/> is what the household paid in the slot (negative = earned).
/// The spans alias the engine's buffers: copy what you keep.
/// </summary>
public readonly ref struct HouseholdSlotView
{
    internal HouseholdSlotView(Engine.SlotBuffers b)
    {
        LoadKwh = b.Load;
        GenerationKwh = b.Generation;
        ImportKwh = b.Import;
        ExportKwh = b.Export;
        ChargeKwh = b.Charge;
        DischargeKwh = b.Discharge;
        StoredKwh = b.Stored;
        CurtailedKwh = b.Curtailed;
        UnmetKwh = b.Unmet;
        PeerTradedKwh = b.Book.TradedKwh;
        MarketNetKwh = b.Book.NetKwh;
        BidLimitMicrosPerKwh = b.Book.BidLimitMicrosPerKwh;
        OfferLimitMicrosPerKwh = b.Book.OfferLimitMicrosPerKwh;
        CostMicros = b.Cost;
    }

    public ReadOnlySpan<double> LoadKwh { get; }
    /// <summary>All generation, dispatchable included.</summary>
    public ReadOnlySpan<double> GenerationKwh { get; }
    public ReadOnlySpan<double> ImportKwh { get; }
    public ReadOnlySpan<double> ExportKwh { get; }
    public ReadOnlySpan<double> ChargeKwh { get; }
    public ReadOnlySpan<double> DischargeKwh { get; }
    /// <summary>Energy stored at the slot's end (kWh), 0 without a battery.</summary>
    public ReadOnlySpan<double> StoredKwh { get; }
    public ReadOnlySpan<double> CurtailedKwh { get; }
    public ReadOnlySpan<double> UnmetKwh { get; }
    /// <summary>Received from (&gt; 0) or delivered to (&lt; 0) peers.</summary>
    public ReadOnlySpan<double> PeerTradedKwh { get; }
    /// <summary>What the household brought to the market: &gt; 0 needed, &lt; 0 offered (after its own generation and battery).
    /// All zero in grid-only runs without wallets, where no market book is formed.</summary>
    public ReadOnlySpan<double> MarketNetKwh { get; }
    /// <summary>The limit prices the household brought with <see cref="MarketNetKwh"/> (µ/kWh; long.MaxValue / long.MinValue =
    /// no limit), before the grid's prices cap them. Meaningful only where <see cref="MarketNetKwh"/> is not 0.</summary>
    public ReadOnlySpan<long> BidLimitMicrosPerKwh { get; }
    public ReadOnlySpan<long> OfferLimitMicrosPerKwh { get; }
    public ReadOnlySpan<long> CostMicros { get; }
}
