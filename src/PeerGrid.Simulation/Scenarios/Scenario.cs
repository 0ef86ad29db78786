using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Domain.Tariffs;
using PeerGrid.Simulation.Profiles;

namespace PeerGrid.Simulation.Scenarios;

/// <summary>
/// A validated, fully expanded community to simulate: every household concrete (templates already expanded
/// with their seeded variation), every referenced profile loaded. A run is a function of this and <see cref="Seed"/>.
/// <see cref="ProfileDeclarations"/> keeps where each profile in <see cref="Profiles"/> came from, so the scenario
/// can be written back out (<see cref="ScenarioWriter"/>); null when the scenario was built in code.
/// <see cref="Hierarchy"/> nests the auction markets (cells, communities, regions; docs/markets-hierarchy.md); null = one
/// flat market. <see cref="PlatformFeePerKwh"/> is the platform operator's fee per kWh traded between households,
/// currency units, paid by the buyer (auctions only). <see cref="Strategy"/> is how households price their auction
/// orders (<see cref="MarketSettings.Strategies"/>, docs/markets.md): <see cref="Rounds"/> applies to the ramp,
/// <see cref="AdaptiveAlpha"/> and <see cref="AdaptiveMargin"/> to the adaptive strategy; the sharing models and
/// grid-only ignore all four. <see cref="PlatformSubscriptionPerMonth"/> is the platform operator's monthly fee per
/// household, currency units, charged at the start of each billing month of a run under every mechanism but grid-only
/// (pro rata for a month the run covers in part; docs/markets.md).
/// </summary>
public sealed record Scenario(
    string Name,
    ulong Seed,
    DateTime StartLocal,
    string TimeZoneId,
    int SlotMinutes,
    double? HorizonDays,
    double? HorizonHours,
    Location Location,
    Tariff Tariff,
    double GridEmissionsKgPerKwh,
    IReadOnlyList<Household> Households,
    IReadOnlyDictionary<string, Profile> Profiles,
    string Currency = "EUR",
    string Mechanism = "grid-only",
    IReadOnlyDictionary<string, ProfileDeclaration>? ProfileDeclarations = null,
    string Pricing = MarketSettings.EquilibriumInterval,
    double PricingK = 0.5,
    MarketHierarchy? Hierarchy = null,
    decimal PlatformFeePerKwh = 0,
    string Strategy = MarketSettings.FixedStrategy,
    int Rounds = MarketSettings.DefaultRounds,
    double AdaptiveAlpha = MarketSettings.DefaultAdaptiveAlpha,
    double AdaptiveMargin = MarketSettings.DefaultAdaptiveMargin,
    decimal PlatformSubscriptionPerMonth = 0);

/// <summary>
/// "market.hierarchy": cells (feeders) in communities (microgrids) in regions. Households name their cell
/// (<see cref="Household.Cell"/>). A cell without a community belongs to one implicit community, a community without a
/// region to one implicit region.
/// </summary>
/// <param name="CellFee">Grid fee of each cell market a trade passes through; null = none.</param>
/// <param name="CommunityFee">Grid fee of each community market a trade passes through; null = none.</param>
/// <param name="RegionFee">Grid fee of a region market; null = none.</param>
/// <param name="LossPerLevel">Fraction of energy lost per level crossing (up or down), 0 … 0.5.</param>
public sealed record MarketHierarchy(
    IReadOnlyList<HierarchyCell> Cells,
    IReadOnlyList<HierarchyCommunity> Communities,
    LevelFee? CellFee = null,
    LevelFee? CommunityFee = null,
    LevelFee? RegionFee = null,
    double LossPerLevel = 0);

/// <summary>One cell (feeder, street). Capacities limit what its households trade with other cells, in kW; null = unlimited.</summary>
/// <param name="Community">Its community's id; null = the implicit community.</param>
public sealed record HierarchyCell(string Id, string? Community = null, double? ImportCapacityKw = null, double? ExportCapacityKw = null);

/// <summary>One community (microgrid, substation).</summary>
/// <param name="Region">Its region's id; null = the implicit region. Regions are named here only.</param>
public sealed record HierarchyCommunity(string Id, string? Region = null);

/// <summary>A grid fee: either a constant in currency units per kWh or a percentage (0 … 100) of the trade price.</summary>
public sealed record LevelFee(decimal? PerKwh = null, decimal? Percent = null);

/// <summary>The market section's names and defaults.</summary>
public static class MarketSettings
{
    /// <summary>Pay-as-clear price conventions (../shared/REFERENCE.md §1).</summary>
    public const string EquilibriumInterval = "equilibrium-interval";
    public const string MarginalPair = "marginal-pair";

    public static IReadOnlyList<string> PricingConventions { get; } = [EquilibriumInterval, MarginalPair];

    /// <summary>Order strategies (docs/markets.md, "Orders from households").</summary>
    public const string FixedStrategy = "fixed";
    public const string RampStrategy = "ramp";
    public const string AdaptiveStrategy = "adaptive";

    public static IReadOnlyList<string> Strategies { get; } = [FixedStrategy, RampStrategy, AdaptiveStrategy];

    /// <summary>The ramp's intra-slot rounds: default and most.</summary>
    public const int DefaultRounds = 10;
    public const int MaxRounds = 100;

    /// <summary>The adaptive strategy's moving-average factor (0 &lt; α ≤ 1) and margin (0 … 1).</summary>
    public const double DefaultAdaptiveAlpha = 0.3;
    public const double DefaultAdaptiveMargin = 0.05;
}
