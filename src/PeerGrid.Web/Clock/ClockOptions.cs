namespace PeerGrid.Web.Clock;

/// <summary>The "Clock" configuration section.</summary>
public sealed class ClockOptions
{
    public const string Section = "Clock";

    /// <summary>How often the clock checks whether a community's next slot is due (milliseconds).</summary>
    public int TickMilliseconds { get; set; } = 50;

    /// <summary>The clock stops by itself after settling this slot (for demos and the crash test); null = never.</summary>
    public long? StopAfterSlot { get; set; }

    /// <summary>
    /// Test hook for the crash test: on reaching this slot the settlement blocks forever inside its transaction, after
    /// all writes and before the commit, and says so on standard output, so a test can kill the process there.
    /// </summary>
    public long? HangBeforeCommitAtSlot { get; set; }

    /// <summary>Prints "settled {community} {slot}" to standard output after each commit (for process-level tests).</summary>
    public bool AnnounceSettledSlots { get; set; }
}
