using PeerGrid.Domain;
using PeerGrid.Simulation.Profiles;

namespace PeerGrid.Simulation.Scenarios;

/// <summary>
/// What the loader needs from its caller, so the scenario code itself does no I/O and knows no preset table:
/// the caller opens profile files and resolves named locations.
/// </summary>
public sealed class ScenarioLoadContext
{
    /// <summary>Mechanisms every build knows by name; those not in <see cref="SupportedMechanisms"/> are "not available in this build".</summary>
    public static IReadOnlyList<string> KnownMechanisms { get; } =
        ["grid-only", "pay-as-clear", "pay-as-bid", "pay-as-offer", "preference-first", "sdr", "mmr", "bill-sharing", "huang"];

    /// <summary>
    /// Loads a declared profile (paths relative to the scenario file). A <see cref="FormatException"/>,
    /// <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> becomes a validation error at
    /// <c>profiles.&lt;id&gt;</c> carrying the exception's message; any other exception is a bug and propagates.
    /// </summary>
    public required Func<ProfileDeclaration, Profile> LoadProfile { get; init; }

    /// <summary>A named location preset ("berlin"), or null if there is none by that name.</summary>
    public required Func<string, Location?> ResolveLocation { get; init; }

    /// <summary>Preset names offered in "did you mean" hints when a name does not resolve; optional.</summary>
    public IReadOnlyCollection<string> LocationNames { get; init; } = [];

    /// <summary>Market mechanisms this build can run (kebab-case names).</summary>
    public IReadOnlySet<string> SupportedMechanisms { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "grid-only" };
}
