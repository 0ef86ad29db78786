using PeerGrid.Simulation.Observers;

namespace PeerGrid.Simulation.Tests.Engine;

/// <summary>Keeps every household's per-slot values (tests only: memory grows with households × slots).</summary>
internal sealed class SeriesRecorder : ISimulationObserver
{
    public List<double[]> Load { get; } = [];
    public List<double[]> Generation { get; } = [];
    public List<double[]> Import { get; } = [];
    public List<double[]> Export { get; } = [];
    public List<double[]> Stored { get; } = [];
    public List<double[]> Unmet { get; } = [];
    public List<long[]> Cost { get; } = [];
    public List<CommunitySlot> Community { get; } = [];
    public RunInfo? Info { get; private set; }

    public void OnStart(RunInfo info) => Info = info;

    public void OnSlot(in CommunitySlot community, HouseholdSlotView households)
    {
        Community.Add(community);
        Load.Add(households.LoadKwh.ToArray());
        Generation.Add(households.GenerationKwh.ToArray());
        Import.Add(households.ImportKwh.ToArray());
        Export.Add(households.ExportKwh.ToArray());
        Stored.Add(households.StoredKwh.ToArray());
        Unmet.Add(households.UnmetKwh.ToArray());
        Cost.Add(households.CostMicros.ToArray());
    }

    public void OnEnd(RunTotals totals)
    {
    }
}

/// <summary>Compares doubles within an absolute tolerance.</summary>
internal sealed class Tolerance(double epsilon) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;
    public int GetHashCode(double obj) => 0;
}
