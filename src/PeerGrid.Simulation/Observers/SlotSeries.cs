using PeerGrid.Domain.Quantities;
using PeerGrid.Simulation.Time;

namespace PeerGrid.Simulation.Observers;

/// <summary>
/// Keeps a run's community series slot by slot, as one array per quantity sized once at the start (a year of 15-minute
/// slots is 35,040 entries, about 2.2 MB in all): energies in kWh within the slot, prices in micro-units per kWh, money in
/// micro-units. Nothing is allocated per slot.
/// </summary>
/// <param name="pricedEachSlot">False for a mechanism that bills per period (bill-sharing): its slots have no P2P price.</param>
public sealed class SlotSeries(bool pricedEachSlot = true) : ISimulationObserver
{
    public SlotCalendar Calendar { get; private set; } = default!;
    public double[] LoadKwh { get; private set; } = [];
    public double[] GenerationKwh { get; private set; } = [];
    public double[] ImportKwh { get; private set; } = [];
    public double[] ExportKwh { get; private set; } = [];
    /// <summary>Energy households received from peers (<see cref="CommunitySlot.PeerTradedKwh"/>).</summary>
    public double[] PeerTradedKwh { get; private set; } = [];
    public long[] BuyMicrosPerKwh { get; private set; } = [];
    public long[] SellMicrosPerKwh { get; private set; } = [];
    /// <summary>The money paid for <see cref="PeerTradedKwh"/> (<see cref="CommunitySlot.PeerPaidMicros"/>).</summary>
    public long[] PeerPaidMicros { get; private set; } = [];

    /// <summary>Whether the slots have a P2P price at all (false under bill-sharing).</summary>
    public bool PricedEachSlot => pricedEachSlot;

    public int SlotCount => LoadKwh.Length;

    public void OnStart(RunInfo info)
    {
        Calendar = info.Calendar;
        int n = info.Calendar.SlotCount;
        LoadKwh = new double[n];
        GenerationKwh = new double[n];
        ImportKwh = new double[n];
        ExportKwh = new double[n];
        PeerTradedKwh = new double[n];
        BuyMicrosPerKwh = new long[n];
        SellMicrosPerKwh = new long[n];
        PeerPaidMicros = new long[n];
    }

    public void OnSlot(in CommunitySlot community, HouseholdSlotView households)
    {
        int s = community.Slot;
        LoadKwh[s] = community.LoadKwh;
        GenerationKwh[s] = community.GenerationKwh;
        ImportKwh[s] = community.ImportKwh;
        ExportKwh[s] = community.ExportKwh;
        PeerTradedKwh[s] = community.PeerTradedKwh;
        BuyMicrosPerKwh[s] = community.BuyMicrosPerKwh;
        SellMicrosPerKwh[s] = community.SellMicrosPerKwh;
        PeerPaidMicros[s] = community.PeerPaidMicros;
    }

    public void OnEnd(RunTotals totals)
    {
    }

    /// <summary>
    /// The P2P price of slot <paramref name="s"/>, µ/kWh: the volume-weighted mean price of its peer trades, P2P money ÷ P2P
    /// energy metered to the µkWh, rounded half-to-even; null when nothing traded or the mechanism bills per period.
    /// </summary>
    public long? PeerPriceMicrosPerKwh(int s)
    {
        long microKwh = MeteredEnergy.MicroKwhOf(PeerTradedKwh[s]);
        return pricedEachSlot && microKwh > 0 ? Price.MulDivRound(PeerPaidMicros[s], MeteredEnergy.MicroKwhPerKwh, microKwh) : null;
    }

    /// <summary>The slots of local day <paramref name="day"/> (an index into <see cref="SlotCalendar.DayStarts"/>): first slot and count.</summary>
    public (int First, int Count) SlotsOfDay(int day)
    {
        int first = Calendar.DayStarts[day];
        return (first, Calendar.DayEnd(day) - first);
    }
}
