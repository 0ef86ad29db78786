using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Transactions;

/// <summary>
/// Which of my transactions to read. <see cref="Kinds"/>: transfer or trade kinds, any of them (empty = all).
/// <see cref="Side"/>: "buy" (trades I bought in, transfers out of my wallet) or "sell" (trades I sold in, transfers
/// into my wallet), null = both. Slots inclusive. <see cref="Only"/>: "transfers" or "trades" leaves the other list
/// empty. Page from 1; <see cref="PageSize"/> rows of each list, or every row up to <see cref="TransactionsApi.MaxCsvRows"/> when 0.
/// </summary>
internal sealed record TransactionFilter(
    IReadOnlyList<string> Kinds,
    string? Side = null,
    long? FromSlot = null,
    long? ToSlot = null,
    string? Only = null,
    long Page = 1,
    long PageSize = TransactionsApi.DefaultPageSize);

/// <summary>
/// My ledger transfers and trades, newest first on the platform's simulated clock, read for the API's
/// /api/me/transactions and the dashboard's Transactions and My Wallet pages. Every transfer carries a slot: the one
/// it settles for the clock's transfers, the one that was next to settle for a top-up or withdrawal (the community's
/// current simulated time when it was made). A slot range selects both lists by that slot; each entry's local time is
/// its slot's start in the community's time zone.
/// </summary>
internal static class TransactionsQuery
{
    public static readonly string[] Sides = ["buy", "sell"];
    public static readonly string[] Lists = ["transfers", "trades"];

    /// <summary>One page of both lists (with totals), or null when the user has no household or wallet.</summary>
    public static async Task<TransactionsPage?> LoadAsync(PlatformDbContext db, System.Security.Claims.ClaimsPrincipal user, TransactionFilter filter, CancellationToken cancel)
    {
        long? me = await CurrentUser.HouseholdIdAsync(db, user, cancel);
        LedgerAccountRecord? wallet = me is null ? null : await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.HouseholdId == me, cancel);
        if (me is null || wallet is null)
        {
            return null;
        }
        long walletId = wallet.Id;
        long communityId = wallet.CommunityId;

        IQueryable<LedgerTransferRecord> transfers = db.Transfers.AsNoTracking().Where(x => x.FromAccountId == walletId || x.ToAccountId == walletId);
        IQueryable<TradeRecord> trades = db.Trades.AsNoTracking().Where(x => x.BuyerHouseholdId == me || x.SellerHouseholdId == me);
        if (filter.Kinds.Count > 0)
        {
            List<string> kinds = [.. filter.Kinds];
            transfers = transfers.Where(x => kinds.Contains(x.Kind));
            trades = trades.Where(x => kinds.Contains(x.Kind));
        }
        if (filter.Side == "buy")
        {
            transfers = transfers.Where(x => x.FromAccountId == walletId);
            trades = trades.Where(x => x.BuyerHouseholdId == me);
        }
        else if (filter.Side == "sell")
        {
            transfers = transfers.Where(x => x.ToAccountId == walletId);
            trades = trades.Where(x => x.SellerHouseholdId == me);
        }
        if (filter.FromSlot is { } lo)
        {
            transfers = transfers.Where(x => x.Slot >= lo);
            trades = trades.Where(x => x.Slot >= lo);
        }
        if (filter.ToSlot is { } hi)
        {
            transfers = transfers.Where(x => x.Slot <= hi);
            trades = trades.Where(x => x.Slot <= hi);
        }
        if (filter.Only == "trades")
        {
            transfers = transfers.Where(x => false);
        }
        else if (filter.Only == "transfers")
        {
            trades = trades.Where(x => false);
        }
        transfers = transfers.OrderByDescending(x => x.Slot).ThenByDescending(x => x.Id);
        trades = trades.OrderByDescending(x => x.Slot).ThenByDescending(x => x.Id);

        bool all = filter.PageSize == 0;
        int skip = all ? 0 : checked((int)((filter.Page - 1) * filter.PageSize));
        int take = all ? TransactionsApi.MaxCsvRows : (int)filter.PageSize;
        List<LedgerTransferRecord> transferRows = await transfers.Skip(skip).Take(take).ToListAsync(cancel);
        List<TradeRecord> tradeRows = await trades.Skip(skip).Take(take).ToListAsync(cancel);

        var others = transferRows.Select(x => x.FromAccountId == walletId ? x.ToAccountId : x.FromAccountId).Distinct().ToList();
        Dictionary<long, (string Kind, long? HouseholdId)> accounts = await db.Accounts.AsNoTracking().Where(a => others.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => (a.Kind, a.HouseholdId), cancel);
        List<long> households = [.. accounts.Values.Select(a => a.HouseholdId)
            .Concat(tradeRows.Select(x => x.BuyerHouseholdId == me ? x.SellerHouseholdId : x.BuyerHouseholdId))
            .OfType<long>().Distinct()];
        Dictionary<long, string> names = await PublicNames.HouseholdsAsync(db, households, cancel);
        CommunityTime time = CommunityTime.Of(await db.Communities.AsNoTracking().SingleAsync(c => c.Id == communityId, cancel));

        List<TransferView> transferViews = [.. transferRows.Select(x =>
        {
            bool incoming = x.ToAccountId == walletId;
            (string otherKind, long? otherHousehold) = accounts[incoming ? x.FromAccountId : x.ToAccountId];
            string otherName = otherHousehold is { } h ? names.GetValueOrDefault(h, "another household") : PublicNames.Account(otherKind);
            return new TransferView(x.Id, x.Kind, MoneyField.ToUnits(incoming ? x.AmountMicros : -x.AmountMicros), otherKind, otherHousehold, x.Slot, x.Reference, x.CreatedUtc,
                otherName, x.Slot is { } slot ? time.LocalStart(slot) : null);
        })];
        List<TradeView> tradeViews = [.. tradeRows.Select(x =>
        {
            bool bought = x.BuyerHouseholdId == me;
            long? other = bought ? x.SellerHouseholdId : x.BuyerHouseholdId;
            string otherName = other is { } h ? names.GetValueOrDefault(h, "another household") : PublicNames.MarketPool;
            return new TradeView(x.Id, x.Slot, x.Kind, bought ? "buy" : "sell", other is null ? "market" : "household", other,
                x.EnergyMicroKwh / 1_000_000.0, MoneyField.ToUnits(x.PriceMicrosPerKwh), MoneyField.ToUnits(bought ? -x.AmountMicros : x.AmountMicros), x.ContractId,
                otherName, time.LocalStart(x.Slot));
        })];

        int transferTotal = all ? transferViews.Count : await transfers.CountAsync(cancel);
        int tradeTotal = all ? tradeViews.Count : await trades.CountAsync(cancel);
        return new TransactionsPage(filter.Page, filter.PageSize,
            new ItemsPage<TransferView>(transferTotal, transferViews),
            new ItemsPage<TradeView>(tradeTotal, tradeViews),
            time.ZoneName);
    }
}
