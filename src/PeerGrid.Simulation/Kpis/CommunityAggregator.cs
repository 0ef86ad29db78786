using PeerGrid.Simulation.Observers;

namespace PeerGrid.Simulation.Kpis;

/// <summary>Accumulates community totals from the per-slot aggregates (an observer every run has).</summary>
public sealed class CommunityAggregator : ISimulationObserver
{
    public double LoadKwh { get; private set; }
    public double GenerationKwh { get; private set; }
    public double ImportKwh { get; private set; }
    public double ExportKwh { get; private set; }
    public double SelfConsumedKwh { get; private set; }
    public double PeerTradedKwh { get; private set; }
    public double CurtailedKwh { get; private set; }
    public double UnmetKwh { get; private set; }
    public double LossesKwh { get; private set; }
    public double EmissionsKg { get; private set; }
    /// <summary>Largest net import from the grid in a slot, community-wide (kW); export counts negative.</summary>
    public double PeakNetImportKw { get; private set; }
    public double PeakNetExportKw { get; private set; }
    public double MaxResidualKwh { get; private set; }
    public int Slots { get; private set; }
    private double _hours = 1;

    public void OnStart(RunInfo info) => _hours = info.Calendar.SlotHours;

    public void OnSlot(in CommunitySlot community, HouseholdSlotView households)
    {
        CommunitySlot c = community;
        LoadKwh += c.LoadKwh;
        GenerationKwh += c.GenerationKwh;
        ImportKwh += c.ImportKwh;
        ExportKwh += c.ExportKwh;
        SelfConsumedKwh += c.SelfConsumedKwh;
        PeerTradedKwh += c.PeerTradedKwh;
        CurtailedKwh += c.CurtailedKwh;
        UnmetKwh += c.UnmetKwh;
        LossesKwh += c.LossesKwh;
        EmissionsKg += c.EmissionsKg;
        double net = (c.ImportKwh - c.ExportKwh) / _hours;
        PeakNetImportKw = Math.Max(PeakNetImportKw, net);
        PeakNetExportKw = Math.Max(PeakNetExportKw, -net);
        MaxResidualKwh = Math.Max(MaxResidualKwh, c.Residual);
        Slots++;
    }

    public void OnEnd(RunTotals totals)
    {
    }
}
