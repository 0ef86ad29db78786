using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Devices;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Components.Pages.Dashboard;

/// <summary>
/// Reads a <see cref="DashboardState"/> for the logged-in user's household only: the latest meter reading, the last
/// day's readings, the last week per day, today's and this month's bill with its grid-only counterpart, the wallet and
/// recent trades. Every read is an index range on (household, slot), so a year of readings costs what a month does.
/// Every read stops at the household's latest reading, so a slot committed while this reads is not half in the state:
/// its event applies it whole (<see cref="DashboardState.Apply"/>).
/// </summary>
internal static class DashboardQuery
{
    /// <summary>The state, or null when the user owns no household.</summary>
    public static async Task<DashboardState?> LoadAsync(PlatformDbContext db, ClaimsPrincipal user, CancellationToken cancel)
    {
        long? householdId = await CurrentUser.HouseholdIdAsync(db, user, cancel);
        if (householdId is not { } id)
        {
            return null;
        }
        HouseholdRecord household = await db.Households.AsNoTracking().SingleAsync(h => h.Id == id, cancel);
        CommunityRecord community = await db.Communities.AsNoTracking().SingleAsync(c => c.Id == household.CommunityId, cancel);
        var state = new DashboardState(household.Name, id, community.Id, CommunityTime.Of(community), await BatteryCharge.CapacityOnKwhAsync(db, id, cancel));

        MeterReadingRecord? latest = await db.Readings.AsNoTracking().Where(r => r.HouseholdId == id)
            .OrderByDescending(r => r.Slot).FirstOrDefaultAsync(cancel);
        LedgerAccountRecord? wallet = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.HouseholdId == id, cancel);
        state.WalletMicros = wallet?.BalanceMicros ?? 0;
        if (latest is null)
        {
            return state;
        }

        CommunityTime time = state.Time;
        long last = latest.Slot;
        SettledSlotRecord? slot = await db.SettledSlots.AsNoTracking().SingleOrDefaultAsync(s => s.CommunityId == community.Id && s.Slot == last, cancel);
        long today = time.DayStart(last), month = state.MonthStart(last);
        var sums = await db.Readings.Where(r => r.HouseholdId == id && r.Slot >= month && r.Slot <= last)
            .GroupBy(r => r.HouseholdId)
            .Select(g => new
            {
                MonthPaid = g.Sum(r => r.PaidMicros),
                MonthGridOnly = g.Sum(r => r.GridOnlyCostMicros),
                TodayPaid = g.Sum(r => r.Slot >= today ? r.PaidMicros : 0),
                TodayGridOnly = g.Sum(r => r.Slot >= today ? r.GridOnlyCostMicros : 0),
            })
            .SingleAsync(cancel);
        List<MeterReadingRecord> day = await db.Readings.AsNoTracking()
            .Where(r => r.HouseholdId == id && r.Slot > last - time.SlotsPerDay && r.Slot <= last).OrderBy(r => r.Slot).ToListAsync(cancel);
        long perDay = time.SlotsPerDay, weekFrom = today - ((DashboardState.WeekDays - 1) * perDay);
        var week = await db.Readings.Where(r => r.HouseholdId == id && r.Slot >= weekFrom && r.Slot <= last)
            .GroupBy(r => r.Slot / perDay)
            .Select(g => new
            {
                Day = g.Key,
                Generation = g.Sum(r => r.GenerationKwh),
                Load = g.Sum(r => r.LoadKwh),
                Import = g.Sum(r => r.GridImportKwh),
                P2P = g.Sum(r => r.P2PBoughtKwh + r.P2PSoldKwh),
            })
            .ToListAsync(cancel);
        List<TradeRecord> trades = await db.Trades.AsNoTracking()
            .Where(t => (t.BuyerHouseholdId == id || t.SellerHouseholdId == id) && t.Slot <= last)
            .OrderByDescending(t => t.Slot).ThenByDescending(t => t.Id).Take(DashboardState.RecentTrades).ToListAsync(cancel);

        state.Restore(latest, slot?.ClearingPriceMicrosPerKwh, slot?.GridBuyMicrosPerKwh ?? 0,
            new Sums(today, month, sums.TodayPaid, sums.TodayGridOnly, sums.MonthPaid, sums.MonthGridOnly), day,
            [.. week.OrderBy(w => w.Day).Select(w => new DayTotals(w.Day, w.Generation, w.Load, w.Import, w.P2P))], trades);
        return state;
    }
}

/// <summary>Bill sums from a day's and a month's first slot (micro-units).</summary>
internal sealed record Sums(long TodayStart, long MonthStart, long TodayPaid, long TodayGridOnly, long MonthPaid, long MonthGridOnly);

/// <summary>One local day's totals (kWh); <see cref="Day"/> is the slot number ÷ slots per day.</summary>
internal sealed record DayTotals(long Day, double GenerationKwh, double LoadKwh, double GridImportKwh, double P2PKwh)
{
    public DayTotals Plus(MeterReadingRecord r) => this with
    {
        GenerationKwh = GenerationKwh + r.GenerationKwh,
        LoadKwh = LoadKwh + r.LoadKwh,
        GridImportKwh = GridImportKwh + r.GridImportKwh,
        P2PKwh = P2PKwh + r.P2PBoughtKwh + r.P2PSoldKwh,
    };
}
