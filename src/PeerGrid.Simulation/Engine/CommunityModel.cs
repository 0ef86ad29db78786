using PeerGrid.Simulation.Physics;
using PeerGrid.Simulation.Time;

namespace PeerGrid.Simulation.Engine;

/// <summary>
/// A scenario compiled for the hot loop: every per-household and per-device parameter in flat arrays sized
/// once, shared time series computed once. Built by <see cref="CommunityCompiler"/>; read-only while running.
/// A household's several batteries are pooled into one (capacities and powers add; efficiencies and SoC limits
/// are capacity-weighted), as are its several dispatchable generators.
/// </summary>
internal sealed class CommunityModel
{
    public required SlotCalendar Calendar { get; init; }
    public required WeatherSeries Weather { get; init; }
    public required int HouseholdCount { get; init; }
    public required string[] HouseholdIds { get; init; }
    public required bool[] HasGeneration { get; init; }

    // Tariff per slot, micro-units per kWh.
    public required long[] BuyMicros { get; init; }
    public required long[] SellMicros { get; init; }
    public required double GridEmissionsKgPerKwh { get; init; }

    // Load and generation that follow shared per-slot series: term i adds Series[TermSeries[i]][slot] × TermScale[i] to household TermHousehold[i].
    public double[][] Series { get; set; } = [];
    public int[] LoadTermHousehold { get; set; } = [];
    public int[] LoadTermSeries { get; set; } = [];
    public double[] LoadTermScale { get; set; } = [];
    public int[] GenTermHousehold { get; set; } = [];
    public int[] GenTermSeries { get; set; } = [];
    public double[] GenTermScale { get; set; } = [];

    public required ApplianceTables Appliances { get; init; }
    public required DeferrableJobs Jobs { get; init; }

    public int[] PvHousehold { get; set; } = [];
    public PvCoefficients[] Pv { get; set; } = [];
    public int[] WindHousehold { get; set; } = [];
    public WindCoefficients[] Wind { get; set; } = [];

    // Pooled battery per household; capacity 0 = none. Energies in kWh of stored energy.
    public required double[] BatteryCapacityKwh { get; init; }
    public required double[] BatteryMinKwh { get; init; }
    public required double[] BatteryMaxKwh { get; init; }
    public required double[] BatteryInitialKwh { get; init; }
    public required double[] BatteryMaxChargeKwhPerSlot { get; init; }
    public required double[] BatteryMaxDischargeKwhPerSlot { get; init; }
    public required double[] BatteryChargeEfficiency { get; init; }
    public required double[] BatteryDischargeEfficiency { get; init; }
    /// <summary>Fraction of stored energy kept after one slot of self-discharge.</summary>
    public required double[] BatteryRetentionPerSlot { get; init; }

    // Pooled dispatchable generation per household; rated 0 = none.
    public required double[] DispatchMaxKwhPerSlot { get; init; }
    public required double[] DispatchMinKwhPerSlot { get; init; }
    public required long[] DispatchFuelMicrosPerKwh { get; init; }
    public required double[] DispatchEmissionsKgPerKwh { get; init; }

    // Preferences.
    public required bool[] SellFirst { get; init; }
    public required double[] ReserveKwh { get; init; }
    /// <summary>Grid-charge when the slot's retail price ≤ this; long.MinValue = never.</summary>
    public required long[] GridChargeBelowMicros { get; init; }
    public required bool[] SellSurplus { get; init; }
    public required long[] MinSellMicros { get; init; }
    public required long[] MaxBuyMicros { get; init; }
    public required bool[] HasRenewableGeneration { get; init; }

    // Connection limits per slot; +∞ = unlimited.
    public required double[] MaxImportKwhPerSlot { get; init; }
    public required double[] MaxExportKwhPerSlot { get; init; }
}
