using PeerGrid.Simulation.Time;

namespace PeerGrid.Simulation.Observers;

/// <summary>
/// Receives a run's results as they are produced, so memory never grows with households × slots: community
/// aggregates and a read-only view of every household's values in each slot. An observer that keeps
/// per-household series chooses to; the engine keeps only per-household totals.
/// </summary>
public interface ISimulationObserver
{
    void OnStart(RunInfo info);

    /// <param name="community">This slot's community aggregates.</param>
    /// <param name="households">This slot's per-household values; valid only during the call.</param>
    void OnSlot(in CommunitySlot community, HouseholdSlotView households);

    void OnEnd(RunTotals totals);
}

/// <summary>What an observer needs to know before the first slot.</summary>
public sealed record RunInfo(string ScenarioName, ulong Seed, SlotCalendar Calendar, IReadOnlyList<string> HouseholdIds, string Mechanism);
