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
    double PricingK = 0.5);

/// <summary>The market section's names and defaults.</summary>
public static class MarketSettings
{
    /// <summary>Pay-as-clear price conventions (../shared/REFERENCE.md §1).</summary>
    public const string EquilibriumInterval = "equilibrium-interval";
    public const string MarginalPair = "marginal-pair";

    public static IReadOnlyList<string> PricingConventions { get; } = [EquilibriumInterval, MarginalPair];
}
