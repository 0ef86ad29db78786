using System.Globalization;
using PeerGrid.Simulation.Observers;

namespace PeerGrid.Application.Runs;

/// <summary>
/// Writes one CSV row per slot with the community aggregates (kWh within the slot; prices and money in currency
/// units). Numbers use the invariant culture and round-trip formatting, so identical runs give identical files.
/// </summary>
public sealed class SlotCsvWriter(TextWriter writer) : ISimulationObserver
{
    public const string Header = "slot,startUtc,startLocal,importPrice,exportPrice,loadKwh,generationKwh,importKwh,exportKwh,chargeKwh,dischargeKwh,storedKwh,curtailedKwh,unmetKwh,lossesKwh,selfConsumedKwh,peerTradedKwh,cost,baselineCost,emissionsKg,residualKwh";

    private RunInfo? _info;

    public void OnStart(RunInfo info)
    {
        _info = info;
        writer.WriteLine(Header);
    }

    public void OnSlot(in CommunitySlot community, HouseholdSlotView households)
    {
        var c = community;
        var calendar = _info!.Calendar;
        CultureInfo inv = CultureInfo.InvariantCulture;
        writer.Write(c.Slot.ToString(inv));
        writer.Write(',');
        writer.Write(calendar.SlotStartUtc(c.Slot).ToString("yyyy-MM-ddTHH:mmZ", inv));
        writer.Write(',');
        writer.Write(calendar.SlotStartLocal(c.Slot).ToString("yyyy-MM-ddTHH:mmzzz", inv));
        Money(c.BuyMicrosPerKwh);
        Money(c.SellMicrosPerKwh);
        Num(c.LoadKwh);
        Num(c.GenerationKwh);
        Num(c.ImportKwh);
        Num(c.ExportKwh);
        Num(c.ChargeKwh);
        Num(c.DischargeKwh);
        Num(c.StoredKwh);
        Num(c.CurtailedKwh);
        Num(c.UnmetKwh);
        Num(c.LossesKwh);
        Num(c.SelfConsumedKwh);
        Num(c.PeerTradedKwh);
        Money(c.CostMicros);
        Money(c.BaselineCostMicros);
        Num(c.EmissionsKg);
        Num(c.Residual);
        writer.WriteLine();
    }

    public void OnEnd(RunTotals totals) => writer.Flush();

    private void Num(double v)
    {
        writer.Write(',');
        writer.Write(Math.Round(v, 9).ToString("R", CultureInfo.InvariantCulture));
    }

    private void Money(long micros)
    {
        writer.Write(',');
        writer.Write(((decimal)micros / 1_000_000m).ToString(CultureInfo.InvariantCulture));
    }
}
