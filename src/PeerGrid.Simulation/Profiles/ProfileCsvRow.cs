namespace PeerGrid.Simulation.Profiles;

/// <summary>One data row as read: its 1-based line, the time as written and parsed, and the value in the declared unit.</summary>
internal readonly record struct ProfileCsvRow(int Line, string TimeText, ProfileTimestamp Time, double Value);
