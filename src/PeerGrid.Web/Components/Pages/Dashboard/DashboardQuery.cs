using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Components.Pages.Dashboard;

/// <summary>
/// What the dashboard shows, read in-process for the logged-in user's household only: the latest meter reading (the
/// "now" values), today's bill, the wallet and recent trades. Energy in kWh per slot, money in currency units.
/// </summary>
internal static class DashboardQuery
{
    public const int RecentTrades = 8;

    /// <summary>The view, or null when the user owns no household.</summary>
    public static async Task<DashboardView?> LoadAsync(PlatformDbContext db, ClaimsPrincipal user, CancellationToken cancel)
    {
        long? householdId = await CurrentUser.HouseholdIdAsync(db, user, cancel);
        if (householdId is not { } id)
        {
            return null;
        }
        HouseholdRecord household = await db.Households.AsNoTracking().SingleAsync(h => h.Id == id, cancel);
        CommunityRecord community = await db.Communities.AsNoTracking().SingleAsync(c => c.Id == household.CommunityId, cancel);
        CommunitySettings settings = CommunitySettings.Read(community.SettingsJson);

        MeterReadingRecord? latest = await db.Readings.AsNoTracking().Where(r => r.HouseholdId == id)
            .OrderByDescending(r => r.Slot).FirstOrDefaultAsync(cancel);
        SettledSlotRecord? slot = latest is null ? null
            : await db.SettledSlots.AsNoTracking().SingleOrDefaultAsync(s => s.CommunityId == community.Id && s.Slot == latest.Slot, cancel);

        // Slot 0 starts at the community's local midnight, so a day is every slotsPerDay slots.
        long todayPaidMicros = 0;
        if (latest is not null)
        {
            long dayStart = latest.Slot - (latest.Slot % settings.SlotsPerDay);
            todayPaidMicros = await db.Readings.Where(r => r.HouseholdId == id && r.Slot >= dayStart && r.Slot <= latest.Slot)
                .Select(r => r.PaidMicros).SumAsync(cancel);
        }
        LedgerAccountRecord? wallet = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.HouseholdId == id, cancel);
        List<TradeRecord> trades = await db.Trades.AsNoTracking()
            .Where(t => t.BuyerHouseholdId == id || t.SellerHouseholdId == id)
            .OrderByDescending(t => t.Slot).ThenByDescending(t => t.Id).Take(RecentTrades).ToListAsync(cancel);

        return new DashboardView(
            household.Name,
            community.Id,
            settings.SlotMinutes,
            latest is null ? null : NowView.Of(latest, slot),
            MoneyField.ToUnits(todayPaidMicros),
            wallet is null ? 0 : MoneyField.ToUnits(wallet.BalanceMicros),
            [.. trades.Select(t => TradeView.Of(t, id))]);
    }
}

internal sealed record DashboardView(string HouseholdName, long CommunityId, int SlotMinutes, NowView? Now, decimal TodayPaid, decimal WalletBalance, IReadOnlyList<TradeView> Trades);

/// <summary>The last settled slot as the household metered it (kWh in the slot; the price is the market's clearing price).</summary>
internal sealed record NowView(long Slot, DateTimeOffset? StartUtc, double GenerationKwh, double ConsumptionKwh, double BatteryStoredKwh,
    double P2PBoughtKwh, double P2PSoldKwh, double GridImportKwh, double GridExportKwh, decimal Paid, decimal? ClearingPrice)
{
    public static NowView Of(MeterReadingRecord r, SettledSlotRecord? s) => new(r.Slot, s?.StartUtc, r.GenerationKwh, r.LoadKwh, r.BatteryStoredKwh,
        r.P2PBoughtKwh, r.P2PSoldKwh, r.GridImportKwh, r.GridExportKwh, MoneyField.ToUnits(r.PaidMicros),
        s?.ClearingPriceMicrosPerKwh is { } p ? MoneyField.ToUnits(p) : null);
}

/// <summary>One of the household's trades, from its side: bought or sold, kWh, price per kWh and amount.</summary>
internal sealed record TradeView(long Slot, string Side, string Kind, double EnergyKwh, decimal PricePerKwh, decimal Amount)
{
    public static TradeView Of(TradeRecord t, long householdId) => new(t.Slot, t.BuyerHouseholdId == householdId ? "bought" : "sold", t.Kind,
        t.EnergyMicroKwh / 1_000_000.0, MoneyField.ToUnits(t.PriceMicrosPerKwh), MoneyField.ToUnits(t.AmountMicros));
}
