using System.Globalization;
using PeerGrid.Simulation.Observers;

namespace PeerGrid.Application.Runs;

/// <summary>
/// Per-household, per-slot values in long format (one row per household per slot). Only written when asked:
/// its size grows with households × slots (1,000 households × 1 year ≈ 35 million rows).
/// </summary>
public sealed class HouseholdSeriesCsvWriter(TextWriter writer) : ISimulationObserver
{
    public const string Header = "slot,household,loadKwh,generationKwh,importKwh,exportKwh,storedKwh,peerTradedKwh,curtailedKwh,unmetKwh,cost";

    private IReadOnlyList<string> _ids = [];

    public void OnStart(RunInfo info)
    {
        _ids = info.HouseholdIds;
        writer.WriteLine(Header);
    }

    public void OnSlot(in CommunitySlot community, HouseholdSlotView households)
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        string slot = community.Slot.ToString(inv);
        for (int h = 0; h < _ids.Count; h++)
        {
            writer.Write(slot);
            writer.Write(',');
            writer.Write(_ids[h]);
            Num(households.LoadKwh[h]);
            Num(households.GenerationKwh[h]);
            Num(households.ImportKwh[h]);
            Num(households.ExportKwh[h]);
            Num(households.StoredKwh[h]);
            Num(households.PeerTradedKwh[h]);
            Num(households.CurtailedKwh[h]);
            Num(households.UnmetKwh[h]);
            writer.Write(',');
            writer.Write(((decimal)households.CostMicros[h] / 1_000_000m).ToString(inv));
            writer.WriteLine();
        }
    }

    public void OnEnd(RunTotals totals) => writer.Flush();

    private void Num(double v)
    {
        writer.Write(',');
        writer.Write(Math.Round(v, 9).ToString("R", CultureInfo.InvariantCulture));
    }
}
