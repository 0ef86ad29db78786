namespace PeerGrid.Simulation.Profiles;

/// <summary>
/// The day types of the BDEW 2025 standard load profiles. Public holidays are not modelled: a holiday counts
/// as the weekday it falls on (see docs/profiles.md).
/// </summary>
public enum BdewDayType
{
    /// <summary>WT: Monday … Friday.</summary>
    Workday,

    /// <summary>SA: Saturday.</summary>
    Saturday,

    /// <summary>FT: Sunday (and, in the BDEW method, public holidays, which are not modelled here).</summary>
    Sunday,
}
