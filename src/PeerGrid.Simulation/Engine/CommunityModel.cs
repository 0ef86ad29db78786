using PeerGrid.Simulation.Physics;
using PeerGrid.Simulation.Time;

namespace PeerGrid.Simulation.Engine;

/// <summary>
/// A scenario compiled for the hot loop: every per-household and per-device parameter in flat arrays sized
/// once, shared time series computed once. Built by <see cref="CommunityCompiler"/>; read-only while running.
/// A household's several batteries are pooled into one (capacities and powers add; efficiencies and SoC limits
/// are capacity-weighted), as are its several dispatchable generators. Fields one pass reads together for a
/// household sit together in <see cref="HouseholdParams"/>; what the market and observers read per slot stays
/// in separate arrays.
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

    /// <summary>Which device each term, table, job, PV array, turbine and dispatchable pool share belongs to.</summary>
    public DeviceMap Devices { get; set; } = new() { ApplianceStart = [0], GeneratorStart = [0] };
    public required DeferrableJobs Jobs { get; init; }

    public int[] PvHousehold { get; set; } = [];
    public PvCoefficients[] Pv { get; set; } = [];
    public int[] WindHousehold { get; set; } = [];
    public WindCoefficients[] Wind { get; set; } = [];

    /// <summary>Per-household batteries, dispatchable generation, preferences and limits.</summary>
    public required HouseholdParams[] Params { get; init; }

    // Limit prices for the market book (copied per slot, so kept as arrays).
    public required long[] MinSellMicros { get; init; }
    public required long[] MaxBuyMicros { get; init; }
    public required double[] BatteryInitialKwh { get; init; }
    public required bool[] HasRenewableGeneration { get; init; }

    /// <summary>Per household: buys only green energy from peers; its preferred sellers' indexes (preference-first).</summary>
    public required bool[] GreenOnly { get; init; }
    public required int[][] PreferredSellers { get; init; }

    /// <summary>The platform subscription: the first slot of each billing month of the run (ascending) and what each
    /// household owes for that month, micro-units (pro rata for a month the run covers in part). Empty when there is none.</summary>
    public int[] SubscriptionSlots { get; set; } = [];
    public long[] SubscriptionMicros { get; set; } = [];
}
