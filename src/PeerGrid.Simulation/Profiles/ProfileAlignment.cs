namespace PeerGrid.Simulation.Profiles;

/// <summary>How <see cref="ProfileResampler"/> lays a profile onto a run. See docs/profiles.md for the rules.</summary>
public enum ProfileAlignmentKind
{
    /// <summary>A daily (hh:mm) profile, read by local time of day; daylight-saving days get 23 or 25 h of it.</summary>
    TimeOfDay,

    /// <summary>A dated profile that covers the run's dates (possibly in another year), read at those dates.</summary>
    TimeOfYear,

    /// <summary>A dated profile that does not cover the run, repeated from its first step at the run's time of day.</summary>
    Cyclic,
}

/// <param name="Kind">Which rule applied.</param>
/// <param name="StartMinutes">Where the run's first slot starts on the profile, in minutes from its first step.</param>
/// <param name="YearShift">For <see cref="ProfileAlignmentKind.TimeOfYear"/>: whole years added to the run's dates to land on the profile's (0 = same year).</param>
/// <param name="ByElapsedTime">
/// True when the run's slots advance along the profile by elapsed time (dated profiles whose timestamps carried
/// a UTC offset, placed by instant); false when they advance by local wall-clock time.
/// </param>
public sealed record ProfileAlignment(ProfileAlignmentKind Kind, double StartMinutes, int YearShift, bool ByElapsedTime);
