namespace PeerGrid.Simulation.Engine;

/// <summary>
/// One household's fixed parameters, grouped because the dispatch and settlement passes read all of them for the
/// same household together: one contiguous record per household keeps those passes to a single memory stream.
/// Energies are per slot (kWh); prices in micro-units per kWh.
/// </summary>
internal struct HouseholdParams
{
    /// <summary>Pooled battery capacity; 0 = no battery.</summary>
    public double BatteryCapacityKwh;
    public double BatteryMinKwh;
    public double BatteryMaxKwh;
    public double MaxChargeKwh;
    public double MaxDischargeKwh;
    public double ChargeEfficiency;
    public double DischargeEfficiency;
    /// <summary>Fraction of stored energy kept after one slot of self-discharge.</summary>
    public double RetentionPerSlot;
    public double ReserveKwh;

    /// <summary>Pooled dispatchable output per slot; 0 = none.</summary>
    public double DispatchMaxKwh;
    public double DispatchMinKwh;
    public double DispatchEmissionsKgPerKwh;
    public long DispatchFuelMicrosPerKwh;

    /// <summary>Charge from the grid when the retail price ≤ this; long.MinValue = never.</summary>
    public long GridChargeBelowMicros;

    /// <summary>Connection limits per slot; +∞ = unlimited.</summary>
    public double MaxImportKwh;
    public double MaxExportKwh;

    public bool SellFirst;
    public bool SellSurplus;
    /// <summary>Buy from peers before the grid; false = buy only from the grid.</summary>
    public bool BuysFromPeers;
}

/// <summary>One household's values carried between the passes of a slot (and its battery's content).</summary>
internal struct HouseholdScratch
{
    public double StoredLocal;
    public double StoredAtStart;
    public double Surplus;
    public double Deficit;
    public double Charge;
    public double Discharge;
    public double SelfDischarge;
    public double Dispatched;
    public double SelfConsumed;
    public double Renewable;
    public double Losses;
    public double PeerIn;
    public double PeerOut;
    /// <summary>Grid energy the household exchanged itself, billed at the tariff (pool energy excluded).</summary>
    public double DirectImport;
    public double DirectExport;
    /// <summary>Money the household may still spend in this slot (micro-units; long.MaxValue = no limit).</summary>
    public long Budget;
    /// <summary>Flexible orders (auctions only, set before the market): energy at the bus a sell-first battery offers,
    /// a dispatchable generator's spare output offered, and a battery's charging bid (kWh; 0 = none).</summary>
    public double BatteryOffer;
    public double DispatchOffer;
    public double ChargeBid;
    /// <summary>Platform subscription paid in this slot (micro-units), valid only in the first slot of a billing month.</summary>
    public long Subscription;
}

/// <summary>
/// One household's running totals that change in almost every slot; copied into <see cref="Observers.RunTotals"/>'
/// arrays at the end. Totals that stay zero for most households in most slots live apart in
/// <see cref="HouseholdOccasionalTotals"/>, so a 100,000-household slot streams less memory.
/// </summary>
internal struct HouseholdAccumulator
{
    public double Load, Generation, Import, Export, SelfConsumed, PeakImportKw, PeakExportKw;
    public long ImportMicroKwh, ExportMicroKwh, ImportCost, ExportRevenue, Baseline;
}

/// <summary>Totals of flows most households have in few slots: storage, peers, fuel, limits.</summary>
internal struct HouseholdOccasionalTotals
{
    public double Dispatchable, Curtailed, Unmet, UnmetUnaffordable, Losses, Charge, Discharge, PeerBought, PeerSold;
    public long PeerPaid, Fuel, Subscription, SubscriptionUnpaid;
}
