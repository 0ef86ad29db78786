using System.Globalization;
using System.Text;
using PeerGrid.Simulation.Observers;
using PeerGrid.Simulation.Time;

namespace PeerGrid.Application.Runs;

/// <summary>
/// One local calendar day of a run, summed over the community: energies in kWh, money in micro-units (positive =
/// households pay), the mean grid import price in micro-units per kWh.
/// </summary>
public sealed record DayTotals(
    DateOnly Day,
    double LoadKwh,
    double GenerationKwh,
    double ImportKwh,
    double ExportKwh,
    double PeerTradedKwh,
    double SelfConsumedKwh,
    long CostMicros,
    long BaselineCostMicros,
    long MeanImportPriceMicrosPerKwh);

/// <summary>
/// Sums each local day of a run (the lab's plots and its per-run CSV): one row per day, so memory grows with the
/// horizon's days only. Adds a handful of numbers per slot; nothing allocated except once per day.
/// </summary>
public sealed class DailyTotals : ISimulationObserver
{
    public const string CsvHeader = "day,loadKwh,generationKwh,importKwh,exportKwh,peerTradedKwh,selfConsumedKwh,cost,baselineCost,meanImportPrice";

    private readonly List<DayTotals> _days = [];
    private SlotCalendar? _calendar;
    private int _day = -1, _slots;
    private double _load, _generation, _import, _export, _peer, _self;
    private long _cost, _baseline, _priceSum;

    public IReadOnlyList<DayTotals> Days => _days;

    public void OnStart(RunInfo info)
    {
        _calendar = info.Calendar;
        _days.Clear();
        _day = -1;
    }

    public void OnSlot(in CommunitySlot community, HouseholdSlotView households)
    {
        int day = _calendar!.LocalDayIndex[community.Slot];
        if (day != _day)
        {
            Close();
            _day = day;
        }
        _slots++;
        _load += community.LoadKwh;
        _generation += community.GenerationKwh;
        _import += community.ImportKwh;
        _export += community.ExportKwh;
        _peer += community.PeerTradedKwh;
        _self += community.SelfConsumedKwh;
        _cost = checked(_cost + community.CostMicros);
        _baseline = checked(_baseline + community.BaselineCostMicros);
        _priceSum = checked(_priceSum + community.BuyMicrosPerKwh);
    }

    public void OnEnd(RunTotals totals) => Close();

    /// <summary>The days as CSV (invariant culture, money in currency units), one row per day.</summary>
    public static string ToCsv(IReadOnlyList<DayTotals> days)
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder(CsvHeader).Append('\n');
        foreach (DayTotals d in days)
        {
            sb.Append(inv, $"{d.Day:yyyy-MM-dd},{d.LoadKwh:R},{d.GenerationKwh:R},{d.ImportKwh:R},{d.ExportKwh:R},{d.PeerTradedKwh:R},{d.SelfConsumedKwh:R},{d.CostMicros / 1_000_000m},{d.BaselineCostMicros / 1_000_000m},{d.MeanImportPriceMicrosPerKwh / 1_000_000m}\n");
        }
        return sb.ToString();
    }

    private void Close()
    {
        if (_day < 0 || _slots == 0)
        {
            return;
        }
        DateOnly date = DateOnly.FromDateTime(_calendar!.SlotStartLocal(_calendar.DayStarts[_day]).DateTime);
        _days.Add(new DayTotals(date, _load, _generation, _import, _export, _peer, _self, _cost, _baseline, _priceSum / _slots));
        _slots = 0;
        _load = _generation = _import = _export = _peer = _self = 0;
        _cost = _baseline = _priceSum = 0;
    }
}
