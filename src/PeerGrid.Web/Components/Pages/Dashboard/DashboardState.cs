using PeerGrid.Persistence.Entities;
using PeerGrid.Persistence.Platform;
using PeerGrid.Web.Components.Charts;
using PeerGrid.Web.Devices;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Components.Pages.Dashboard;

/// <summary>
/// One open dashboard's data. Loaded once from the database (<see cref="DashboardQuery"/>), then kept current by
/// applying each settled slot's committed rows from the event (<see cref="Apply"/>) without a query: with 200
/// dashboards open, a slot costs 200 small in-memory updates instead of 200 × 6 queries. Applying slot n+1 to the
/// state of slot n gives what loading at slot n+1 gives (tested); anything else (a missed event, a gap) asks the
/// caller to reload. Owned by one component and used on its renderer's thread only.
/// </summary>
internal sealed class DashboardState(string householdName, long householdId, long communityId, CommunityTime time, double batteryCapacityKwh)
{
    public const int RecentTrades = 8;
    public const int WeekDays = 7;

    private readonly List<MeterReadingRecord> _day = [];
    private readonly List<DayTotals> _week = [];
    private readonly List<TradeRecord> _trades = [];
    private Sums _sums = new(0, 0, 0, 0, 0, 0);

    public string HouseholdName { get; } = householdName;

    public long HouseholdId { get; } = householdId;

    public long CommunityId { get; } = communityId;

    public CommunityTime Time { get; } = time;

    /// <summary>The household's last settled reading, or null before its first slot.</summary>
    public MeterReadingRecord? Latest { get; private set; }

    /// <summary>The last slot this state includes: the household's latest reading's (-1 before the first).</summary>
    public long LastSettledSlot { get; private set; } = -1;

    public long? ClearingPriceMicros { get; private set; }

    public long GridBuyMicros { get; private set; }

    public long WalletMicros { get; set; }

    public Sums Sums => _sums;

    public IReadOnlyList<MeterReadingRecord> Day => _day;

    public IReadOnlyList<DayTotals> Week => _week;

    /// <summary>Newest first.</summary>
    public IReadOnlyList<TradeRecord> Trades => _trades;

    /// <summary>The state of charge in percent of the batteries that are on, or null without one.</summary>
    public double? StateOfChargePercent => Latest is { } r ? BatteryCharge.Percent(r.BatteryStoredKwh, batteryCapacityKwh) : null;

    /// <summary>The first slot of the local month that holds <paramref name="slot"/> (0 when the month began before the epoch).</summary>
    public long MonthStart(long slot)
    {
        DateTime local = Time.LocalStart(slot);
        return Math.Max(0, Time.SlotAt(new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified)));
    }

    public void Restore(MeterReadingRecord latest, long? clearingPrice, long gridBuy, Sums sums, List<MeterReadingRecord> day, List<DayTotals> week, List<TradeRecord> trades)
    {
        Latest = latest;
        LastSettledSlot = latest.Slot;
        ClearingPriceMicros = clearingPrice;
        GridBuyMicros = gridBuy;
        _sums = sums;
        _day.AddRange(day);
        _week.AddRange(week);
        _trades.AddRange(trades);
    }

    /// <summary>
    /// Applies a settled slot. True when the state is current (or the slot is another community's); false when it
    /// cannot be applied (not the next slot, or no rows for this household), and the caller must reload.
    /// </summary>
    public bool Apply(SettledSlot slot)
    {
        if (slot.CommunityId != CommunityId || slot.Slot <= LastSettledSlot)
        {
            // Another community's, or already in the state (the feed starts before the read).
            return true;
        }
        if ((Latest is not null && slot.Slot != LastSettledSlot + 1) || slot.Updates is null)
        {
            // A gap: an event was lost. Before the household's first reading there is nothing to lose.
            return false;
        }
        LastSettledSlot = slot.Slot;
        if (!slot.Updates.TryGetValue(HouseholdId, out HouseholdSlotUpdate? update))
        {
            // The household was not in the slot (it joined while the slot was settling).
            return true;
        }
        MeterReadingRecord r = update.Reading;
        long today = Time.DayStart(r.Slot), month = MonthStart(r.Slot);
        Sums s = _sums;
        if (s.MonthStart != month || Latest is null)
        {
            s = new Sums(today, month, 0, 0, 0, 0);
        }
        else if (s.TodayStart != today)
        {
            s = s with { TodayStart = today, TodayPaid = 0, TodayGridOnly = 0 };
        }
        _sums = s with
        {
            TodayPaid = checked(s.TodayPaid + r.PaidMicros),
            TodayGridOnly = checked(s.TodayGridOnly + r.GridOnlyCostMicros),
            MonthPaid = checked(s.MonthPaid + r.PaidMicros),
            MonthGridOnly = checked(s.MonthGridOnly + r.GridOnlyCostMicros),
        };

        _day.Add(r);
        _day.RemoveAll(x => x.Slot <= r.Slot - Time.SlotsPerDay);
        long dayIndex = r.Slot / Time.SlotsPerDay;
        if (_week.Count > 0 && _week[^1].Day == dayIndex)
        {
            _week[^1] = _week[^1].Plus(r);
        }
        else
        {
            _week.Add(new DayTotals(dayIndex, 0, 0, 0, 0).Plus(r));
        }
        _week.RemoveAll(d => d.Day <= dayIndex - WeekDays);

        _trades.InsertRange(0, update.Trades.OrderByDescending(t => t.Id));
        if (_trades.Count > RecentTrades)
        {
            _trades.RemoveRange(RecentTrades, _trades.Count - RecentTrades);
        }
        WalletMicros = update.WalletBalanceMicros ?? WalletMicros;
        Latest = r;
        ClearingPriceMicros = slot.ClearingPriceMicrosPerKwh;
        GridBuyMicros = slot.GridBuyMicrosPerKwh;
        return true;
    }

    /// <summary>Today's and this month's bill and savings against the grid-only bill, in currency units.</summary>
    public Bills Bills => new(MoneyField.ToUnits(_sums.TodayPaid), MoneyField.ToUnits(checked(_sums.TodayGridOnly - _sums.TodayPaid)),
        MoneyField.ToUnits(_sums.MonthPaid), MoneyField.ToUnits(checked(_sums.MonthGridOnly - _sums.MonthPaid)));

    public IReadOnlyList<ChartSeries> DayChart() =>
    [
        new("Generation", [.. _day.Select(r => new ChartPoint(Time.LocalStart(r.Slot), r.GenerationKwh))]),
        new("Consumption", [.. _day.Select(r => new ChartPoint(Time.LocalStart(r.Slot), r.LoadKwh))]),
        new("Grid import", [.. _day.Select(r => new ChartPoint(Time.LocalStart(r.Slot), r.GridImportKwh))]),
        new("P2P traded", [.. _day.Select(r => new ChartPoint(Time.LocalStart(r.Slot), r.P2PBoughtKwh + r.P2PSoldKwh))]),
    ];

    public IReadOnlyList<ChartSeries> WeekChart()
    {
        DateTime Date(DayTotals d) => Time.LocalStart(d.Day * Time.SlotsPerDay);
        return
        [
            new("Generation", [.. _week.Select(d => new ChartPoint(Date(d), d.GenerationKwh))], Bars: true),
            new("Consumption", [.. _week.Select(d => new ChartPoint(Date(d), d.LoadKwh))], Bars: true),
            new("Grid import", [.. _week.Select(d => new ChartPoint(Date(d), d.GridImportKwh))], Bars: true),
            new("P2P traded", [.. _week.Select(d => new ChartPoint(Date(d), d.P2PKwh))], Bars: true),
        ];
    }
}

/// <summary>Paid (negative: earned) and saved against buying the whole load from the grid at its retail price, in currency units.</summary>
internal sealed record Bills(decimal TodayPaid, decimal TodaySaved, decimal MonthPaid, decimal MonthSaved);
