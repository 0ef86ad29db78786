namespace PeerGrid.Simulation.Observers;

/// <summary>
/// Per-household totals over the whole run, struct-of-arrays indexed like <see cref="HouseholdIds"/>.
/// kWh, kW for peaks, micro-units for money, kg CO₂ for emissions. <see cref="ImportKwh"/> and <see cref="ExportKwh"/>
/// are all grid energy, including what a sharing pool exchanged on the household's behalf; <see cref="ImportMicroKwh"/>
/// and <see cref="ExportMicroKwh"/> are the part the household itself bought and sold at the tariff, metered exactly
/// per slot; their cost is the exact sum of per-slot costs.
/// </summary>
public sealed class RunTotals
{
    internal RunTotals(int n, string[] ids, bool[] hasGeneration, double slotHours, int slotCount)
    {
        HouseholdIds = ids;
        HasGeneration = hasGeneration;
        SlotHours = slotHours;
        SlotCount = slotCount;
        LoadKwh = new double[n];
        GenerationKwh = new double[n];
        DispatchableKwh = new double[n];
        ImportKwh = new double[n];
        ExportKwh = new double[n];
        ImportMicroKwh = new long[n];
        ExportMicroKwh = new long[n];
        SelfConsumedKwh = new double[n];
        CurtailedKwh = new double[n];
        UnmetKwh = new double[n];
        UnmetUnaffordableKwh = new double[n];
        LossesKwh = new double[n];
        ChargeKwh = new double[n];
        DischargeKwh = new double[n];
        PeerBoughtKwh = new double[n];
        PeerSoldKwh = new double[n];
        PeakImportKw = new double[n];
        PeakExportKw = new double[n];
        ImportCostMicros = new long[n];
        ExportRevenueMicros = new long[n];
        PeerNetPaidMicros = new long[n];
        FuelCostMicros = new long[n];
        SubscriptionMicros = new long[n];
        SubscriptionUnpaidMicros = new long[n];
        BaselineCostMicros = new long[n];
        EmissionsKg = new double[n];
        StoredStartKwh = new double[n];
        StoredEndKwh = new double[n];
    }

    public string[] HouseholdIds { get; }
    public bool[] HasGeneration { get; }
    public double SlotHours { get; }
    public int SlotCount { get; }
    public double[] LoadKwh { get; }
    public double[] GenerationKwh { get; }
    public double[] DispatchableKwh { get; }
    public double[] ImportKwh { get; }
    public double[] ExportKwh { get; }
    public long[] ImportMicroKwh { get; }
    public long[] ExportMicroKwh { get; }
    public double[] SelfConsumedKwh { get; }
    public double[] CurtailedKwh { get; }
    public double[] UnmetKwh { get; }
    /// <summary>The part of <see cref="UnmetKwh"/> the grid connection could have carried but the wallet could not pay for.</summary>
    public double[] UnmetUnaffordableKwh { get; }
    public double[] LossesKwh { get; }
    public double[] ChargeKwh { get; }
    public double[] DischargeKwh { get; }
    public double[] PeerBoughtKwh { get; }
    public double[] PeerSoldKwh { get; }
    public double[] PeakImportKw { get; }
    public double[] PeakExportKw { get; }
    public long[] ImportCostMicros { get; }
    public long[] ExportRevenueMicros { get; }
    /// <summary>Net paid to peers (&gt; 0) or received from them (&lt; 0).</summary>
    public long[] PeerNetPaidMicros { get; }
    public long[] FuelCostMicros { get; }
    /// <summary>Platform subscription paid to the operator (market.platformSubscriptionPerMonth); 0 under grid-only.</summary>
    public long[] SubscriptionMicros { get; }
    /// <summary>Subscription the wallet could not pay (it stays unpaid; no debt beyond the credit limit).</summary>
    public long[] SubscriptionUnpaidMicros { get; }
    /// <summary>What the household would pay with no battery, no P2P: all net demand bought at retail, all surplus sold at the feed-in tariff, per slot.</summary>
    public long[] BaselineCostMicros { get; }
    public double[] EmissionsKg { get; }
    public double[] StoredStartKwh { get; }
    public double[] StoredEndKwh { get; }

    /// <summary>The largest per-household, per-slot energy-balance residual of the run (kWh).</summary>
    public double MaxResidualKwh { get; internal set; }

    /// <summary>Community peak import and export (kW), over slots.</summary>
    public double CommunityPeakImportKw { get; internal set; }
    public double CommunityPeakExportKw { get; internal set; }

    /// <summary>Copies the engine's per-household accumulators into the public arrays, once, at the end of a run.</summary>
    internal void FillFrom(Engine.HouseholdAccumulator[] accumulators, Engine.HouseholdOccasionalTotals[] occasional, Engine.CommunityModel model)
    {
        for (int h = 0; h < accumulators.Length; h++)
        {
            ref readonly Engine.HouseholdAccumulator a = ref accumulators[h];
            ref readonly Engine.HouseholdOccasionalTotals o = ref occasional[h];
            LoadKwh[h] = a.Load;
            GenerationKwh[h] = a.Generation;
            DispatchableKwh[h] = o.Dispatchable;
            ImportKwh[h] = a.Import;
            ExportKwh[h] = a.Export;
            ImportMicroKwh[h] = a.ImportMicroKwh;
            ExportMicroKwh[h] = a.ExportMicroKwh;
            SelfConsumedKwh[h] = a.SelfConsumed;
            CurtailedKwh[h] = o.Curtailed;
            UnmetKwh[h] = o.Unmet;
            UnmetUnaffordableKwh[h] = o.UnmetUnaffordable;
            LossesKwh[h] = o.Losses;
            ChargeKwh[h] = o.Charge;
            DischargeKwh[h] = o.Discharge;
            PeerBoughtKwh[h] = o.PeerBought;
            PeerSoldKwh[h] = o.PeerSold;
            PeakImportKw[h] = a.PeakImportKw;
            PeakExportKw[h] = a.PeakExportKw;
            ImportCostMicros[h] = a.ImportCost;
            ExportRevenueMicros[h] = a.ExportRevenue;
            PeerNetPaidMicros[h] = o.PeerPaid;
            FuelCostMicros[h] = o.Fuel;
            SubscriptionMicros[h] = o.Subscription;
            SubscriptionUnpaidMicros[h] = o.SubscriptionUnpaid;
            BaselineCostMicros[h] = a.Baseline;
            // Both factors are constant over a run, so the total is the factor times the total energy.
            EmissionsKg[h] = (a.Import * model.GridEmissionsKgPerKwh) + (o.Dispatchable * model.Params[h].DispatchEmissionsKgPerKwh);
        }
    }

    /// <summary>Net cost of household <paramref name="h"/>: grid import − export revenue + peer payments + fuel + platform subscription (micro-units).</summary>
    public long NetCostMicros(int h) => checked(ImportCostMicros[h] - ExportRevenueMicros[h] + PeerNetPaidMicros[h] + FuelCostMicros[h] + SubscriptionMicros[h]);
}
