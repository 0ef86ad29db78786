namespace PeerGrid.Simulation.Profiles;

/// <summary>How to read one profile file with <see cref="ProfileCsvReader"/>. The defaults read the two-column
/// <c>time,power</c> files of existing P2P simulators (values in W).</summary>
public sealed record ProfileCsvOptions
{
    /// <summary>Id of the resulting profile; default: the source name the caller gave.</summary>
    public string? ProfileId { get; init; }

    /// <summary>Unit of the value column; default <see cref="ProfileValueUnit.Watt"/>. Cumulative columns need an energy unit.</summary>
    public ProfileValueUnit Unit { get; init; } = ProfileValueUnit.Watt;

    /// <summary>Header name of the time column (case-insensitive); default: the first column.</summary>
    public string? TimeColumn { get; init; }

    /// <summary>Header name of the value column (case-insensitive); default: the second column of a two-column file.</summary>
    public string? ValueColumn { get; init; }

    /// <summary>
    /// The column holds cumulative meter readings (Wh or kWh): the profile is their first differences, the step
    /// starting at each reading's time getting the energy up to the next reading. Leading empty cells (meter
    /// not yet installed) are skipped, trailing ones end the series. Default false.
    /// </summary>
    public bool Cumulative { get; init; }

    /// <summary>
    /// For cumulative columns: spread the energy across empty readings between two readings evenly (linear
    /// interpolation of the meter), instead of rejecting the gap. Default false.
    /// </summary>
    public bool BridgeMeterGaps { get; init; }

    /// <summary>Allow negative values (a net meter, negative = export). Default false: loads and generation are ≥ 0.</summary>
    public bool AllowNegative { get; init; }

    /// <summary>
    /// Reject values implausible for <see cref="Unit"/> (watts declared as kW or kWh, kilowatts declared as W).
    /// Default true; turn off only for a profile that really is that large or that small.
    /// </summary>
    public bool CheckUnitPlausibility { get; init; } = true;
}
