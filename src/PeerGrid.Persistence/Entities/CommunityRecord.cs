namespace PeerGrid.Persistence.Entities;

/// <summary>
/// A community (microgrid) on the live platform. <see cref="SettingsJson"/> holds its market, tariff and location in
/// the scenario file's format (everything but households, time horizon and start), so the live clock builds the same
/// validated scenario the lab runs. <see cref="ConfigVersion"/> grows with every change to any of its households,
/// devices, preferences or contracts: the clock recompiles when it moves.
/// </summary>
public sealed class CommunityRecord
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string SettingsJson { get; set; } = "{}";

    /// <summary>The local date of slot 0.</summary>
    public DateOnly EpochDate { get; set; }

    public long ConfigVersion { get; set; }

    /// <summary>Whether the live clock advances on its own.</summary>
    public bool ClockRunning { get; set; }

    /// <summary>Wall-clock seconds between two slots while running (the simulation speed).</summary>
    public double SecondsPerSlot { get; set; } = 5;
}
