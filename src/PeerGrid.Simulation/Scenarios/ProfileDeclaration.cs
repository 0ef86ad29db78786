namespace PeerGrid.Simulation.Scenarios;

/// <summary>
/// A profile a scenario declares under "profiles": the CSV <see cref="File"/> as written in the scenario
/// (relative to the scenario file; the Application layer resolves and opens it), the <see cref="Unit"/> of
/// its values ("W" or "kW" = mean power over each step; "Wh" or "kWh" = energy per step), the
/// <see cref="Column"/> header to read (null = the only or first value column), whether values are a
/// <see cref="Cumulative"/> meter reading to difference, and whether negative values are allowed
/// (<see cref="AllowNegative"/>; otherwise a negative value is a format error).
/// </summary>
public sealed record ProfileDeclaration(string Id, string File, string Unit, string? Column = null, bool Cumulative = false, bool AllowNegative = false)
{
    /// <summary>The accepted spellings of <see cref="Unit"/>, exactly as written here.</summary>
    public static IReadOnlyList<string> Units { get; } = ["W", "kW", "Wh", "kWh"];
}

/// <summary>Profiles the engine provides without a declaration.</summary>
public static class BuiltInProfiles
{
    /// <summary>The BDEW H25 standard household load profile (German standard shape), scaled to a household's annualKwh.</summary>
    public const string BdewH25 = "bdew-h25";

    public static IReadOnlySet<string> Ids { get; } = new HashSet<string>(StringComparer.Ordinal) { BdewH25 };
}
