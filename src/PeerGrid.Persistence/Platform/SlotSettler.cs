using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Application.Platform;
using PeerGrid.Domain.Households;
using PeerGrid.Persistence.Entities;

namespace PeerGrid.Persistence.Platform;

/// <summary>
/// What a settled slot changed, for the live event stream. <see cref="Updates"/> holds each household's committed rows
/// (reading, new wallet balance, trades), so an open dashboard can apply the slot without reading the database: with
/// hundreds of dashboards open, one query per dashboard per slot is what would not scale.
/// </summary>
public sealed record SettledSlot(long CommunityId, long Slot, DateTimeOffset StartUtc, DateTimeOffset EndUtc, long? ClearingPriceMicrosPerKwh, double P2PKwh, int Trades,
    IReadOnlyList<long> Households, long GridBuyMicrosPerKwh = 0, IReadOnlyDictionary<long, HouseholdSlotUpdate>? Updates = null);

/// <summary>One household's part of a settled slot, as committed. Shared by every listener: read it, never change it.</summary>
/// <param name="Devices">The household's device readings of the slot (devices that used or produced nothing have none).</param>
public sealed record HouseholdSlotUpdate(MeterReadingRecord Reading, long? WalletBalanceMicros, IReadOnlyList<TradeRecord> Trades, IReadOnlyList<DeviceReadingRecord> Devices);

/// <summary>A test's way in: called inside the slot's transaction after every write, before the commit.</summary>
public interface ISettlementProbe
{
    Task BeforeCommitAsync(long communityId, long slot, CancellationToken cancel);
}

/// <summary>
/// Settles a community's next slot in one database transaction: reads every household's devices, preferences,
/// battery state, wallet and contracts; runs the engine and the market for the slot (LiveSlotRunner); writes the
/// settled-slot marker, meter readings, trades, ledger transfers, wallet balances and battery states; commits. The
/// marker's key (community, slot) makes a second settlement of the same slot fail, and a crash before the commit
/// leaves nothing behind, so a restart resumes from the last settled slot with nothing lost or doubled.
/// </summary>
public sealed class SlotSettler(LiveSlotRunner runner, CommunityModelCache models, ISettlementProbe? probe = null)
{
    /// <summary>Settles slot (last settled + 1), or returns null when <paramref name="upToSlot"/> is already reached.</summary>
    public async Task<SettledSlot?> SettleNextAsync(PlatformDbContext db, long communityId, long? upToSlot = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var tx = await db.Database.BeginTransactionAsync(cancel);
        await LockAsync(db, communityId, cancel);

        Prepared? p = await PrepareAsync(db, communityId, upToSlot, tracked: true, cancel);
        if (p is null)
        {
            return null;
        }
        (long slot, List<StoredHousehold> stored, CommunityModel model, Dictionary<long, LedgerAccountRecord> wallets, Dictionary<string, LedgerAccountRecord> system, List<LiveHousehold> households, List<LiveContract> contracts, List<OrderRecord> orders, long version) = p;
        LiveSlotOutcome outcome = runner.Run(model.Settings, households, contracts, slot, version);

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.SettledSlots.Add(new SettledSlotRecord
        {
            CommunityId = communityId,
            Slot = slot,
            StartUtc = outcome.StartUtc,
            ClearingPriceMicrosPerKwh = outcome.ClearingPriceMicrosPerKwh,
            P2PKwh = outcome.P2PKwh,
            GridImportKwh = outcome.Readings.Sum(r => r.GridImportKwh),
            GridExportKwh = outcome.Readings.Sum(r => r.GridExportKwh),
            LoadKwh = outcome.Readings.Sum(r => r.LoadKwh),
            GenerationKwh = outcome.Readings.Sum(r => r.GenerationKwh),
            GridBuyMicrosPerKwh = outcome.GridBuyMicrosPerKwh,
            GridSellMicrosPerKwh = outcome.GridSellMicrosPerKwh,
        });
        var storedById = stored.ToDictionary(s => s.Household.Id);
        var readingRecords = new List<MeterReadingRecord>(outcome.Readings.Count);
        var deviceRecords = new Dictionary<long, List<DeviceReadingRecord>>(outcome.Readings.Count);
        foreach (HouseholdReading r in outcome.Readings)
        {
            long id = CommunityScenario.StoredId(r.HouseholdId);
            MeterReadingRecord record = ToRecord(id, slot, r);
            readingRecords.Add(record);
            db.Readings.Add(record);
            List<DeviceReadingRecord> devices = DeviceRecords(storedById[id], slot, r);
            deviceRecords[id] = devices;
            db.DeviceReadings.AddRange(devices);
            HouseholdRecord h = storedById[id].Household;
            db.Households.Attach(h);
            h.BatteryStoredKwh = r.BatteryStoredKwh;
            h.BatteryLocalKwh = r.BatteryLocalKwh;
            db.Entry(h).Property(x => x.BatteryStoredKwh).IsModified = true;
            db.Entry(h).Property(x => x.BatteryLocalKwh).IsModified = true;
        }
        var tradeRecords = new List<TradeRecord>(outcome.Trades.Count);
        foreach (LiveTrade t in outcome.Trades)
        {
            var trade = new TradeRecord
            {
                CommunityId = communityId,
                Slot = slot,
                Kind = t.Kind,
                ContractId = t.ContractId is null ? null : long.Parse(t.ContractId, NumberStyles.None, CultureInfo.InvariantCulture),
                BuyerHouseholdId = HouseholdOrPool(t.BuyerId),
                SellerHouseholdId = HouseholdOrPool(t.SellerId),
                EnergyMicroKwh = t.EnergyMicroKwh,
                PriceMicrosPerKwh = t.PriceMicrosPerKwh,
                AmountMicros = t.AmountMicros,
            };
            tradeRecords.Add(trade);
            db.Trades.Add(trade);
        }
        var readingOf = outcome.Readings.ToDictionary(r => CommunityScenario.StoredId(r.HouseholdId));
        foreach (OrderRecord o in orders)
        {
            HouseholdReading r = readingOf[o.HouseholdId];
            bool traded = o.Side == OrderSides.Bid ? r.P2PBoughtKwh > 0 : r.P2PSoldKwh > 0;
            o.Status = traded ? OrderStatus.Filled : OrderStatus.Expired;
            db.Entry(o).Property(x => x.Status).IsModified = true;
        }
        var deltas = new Dictionary<LedgerAccountRecord, long>();
        foreach (LiveTransfer t in outcome.Transfers)
        {
            LedgerAccountRecord from = Account(t.FromAccount, wallets, system), to = Account(t.ToAccount, wallets, system);
            db.Transfers.Add(new LedgerTransferRecord
            {
                CommunityId = communityId,
                FromAccountId = from.Id,
                ToAccountId = to.Id,
                AmountMicros = t.AmountMicros,
                Kind = TransferKindName(t.Kind),
                Slot = slot,
                Reference = $"slot {slot.ToString(CultureInfo.InvariantCulture)}",
                CreatedUtc = outcome.EndUtc,
            });
            deltas[from] = checked(deltas.GetValueOrDefault(from) - t.AmountMicros);
            deltas[to] = checked(deltas.GetValueOrDefault(to) + t.AmountMicros);
        }
        foreach ((LedgerAccountRecord account, long delta) in deltas)
        {
            account.BalanceMicros = checked(account.BalanceMicros + delta);
            if (account.BalanceMicros < -account.CreditLimitMicros)
            {
                throw new InvalidOperationException($"slot {slot} would take account {account.Id} below its credit limit; nothing was settled");
            }
            db.Entry(account).Property(x => x.BalanceMicros).IsModified = true;
        }
        await db.SaveChangesAsync(cancel);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        if (probe is not null)
        {
            await probe.BeforeCommitAsync(communityId, slot, cancel);
        }
        await tx.CommitAsync(cancel);
        db.ChangeTracker.Clear();
        return new SettledSlot(communityId, slot, outcome.StartUtc, outcome.EndUtc, outcome.ClearingPriceMicrosPerKwh, outcome.P2PKwh, outcome.Trades.Count,
            [.. outcome.Readings.Select(r => CommunityScenario.StoredId(r.HouseholdId))], outcome.GridBuyMicrosPerKwh,
            Updates(readingRecords, wallets, tradeRecords, deviceRecords));
    }

    /// <summary>
    /// The slot's device readings of a household, matched to its stored devices by position: the scenario lists a
    /// household's devices in id order, as <see cref="CommunityScenario.LoadHouseholdsAsync"/> reads them.
    /// </summary>
    private static List<DeviceReadingRecord> DeviceRecords(StoredHousehold household, long slot, HouseholdReading r)
    {
        if (r.ApplianceKwh.Count != household.Appliances.Count || r.GeneratorKwh.Count != household.Generators.Count)
        {
            throw new InvalidOperationException($"slot {slot}: household {household.Household.Id}'s devices changed while the slot was computed; nothing was settled");
        }
        var rows = new List<DeviceReadingRecord>();
        for (int i = 0; i < r.ApplianceKwh.Count; i++)
        {
            if (r.ApplianceKwh[i] != 0)
            {
                rows.Add(new DeviceReadingRecord { HouseholdId = household.Household.Id, Slot = slot, Kind = DeviceKinds.Appliance, DeviceId = household.Appliances[i].Id, EnergyKwh = r.ApplianceKwh[i] });
            }
        }
        for (int i = 0; i < r.GeneratorKwh.Count; i++)
        {
            if (r.GeneratorKwh[i] != 0)
            {
                rows.Add(new DeviceReadingRecord { HouseholdId = household.Household.Id, Slot = slot, Kind = DeviceKinds.Generator, DeviceId = household.Generators[i].Id, EnergyKwh = r.GeneratorKwh[i] });
            }
        }
        return rows;
    }

    /// <summary>
    /// Runs the community's next slot without writing anything (the market's forecast of the next slot's book), or
    /// null when there is nothing to run. Pure: the same database state gives the same preview.
    /// </summary>
    public async Task<(LiveSlotOutcome Outcome, CommunityModel Model, IReadOnlyList<LiveContract> Contracts)?> PreviewNextAsync(PlatformDbContext db, long communityId, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        Prepared? p = await PrepareAsync(db, communityId, null, tracked: false, cancel);
        if (p is null)
        {
            return null;
        }
        return (runner.Run(p.Model.Settings, p.Households, p.Contracts, p.Slot, p.Version), p.Model, p.Contracts);
    }

    private sealed record Prepared(long Slot, List<StoredHousehold> Stored, CommunityModel Model, Dictionary<long, LedgerAccountRecord> Wallets,
        Dictionary<string, LedgerAccountRecord> System, List<LiveHousehold> Households, List<LiveContract> Contracts, List<OrderRecord> Orders, long Version);

    private async Task<Prepared?> PrepareAsync(PlatformDbContext db, long communityId, long? upToSlot, bool tracked, CancellationToken cancel)
    {
        CommunityRecord community = await db.Communities.AsNoTracking().SingleAsync(c => c.Id == communityId, cancel);
        long slot = (await db.SettledSlots.Where(s => s.CommunityId == communityId).MaxAsync(s => (long?)s.Slot, cancel) ?? -1) + 1;
        if (upToSlot is { } last && slot > last)
        {
            return null;
        }
        List<StoredHousehold> stored = await CommunityScenario.LoadHouseholdsAsync(db, communityId, cancel);
        if (stored.Count == 0)
        {
            return null;
        }
        CommunityModel model = models.Get(community, stored);
        IQueryable<LedgerAccountRecord> accounts = tracked ? db.Accounts : db.Accounts.AsNoTracking();
        Dictionary<long, LedgerAccountRecord> wallets = await accounts
            .Where(a => a.CommunityId == communityId && a.HouseholdId != null)
            .ToDictionaryAsync(a => a.HouseholdId!.Value, cancel);
        Dictionary<string, LedgerAccountRecord> system = await accounts
            .Where(a => a.CommunityId == communityId && a.HouseholdId == null)
            .ToDictionaryAsync(a => a.Kind, cancel);

        IQueryable<OrderRecord> orderRows = tracked ? db.Orders : db.Orders.AsNoTracking();
        List<OrderRecord> orders = await orderRows
            .Where(o => o.CommunityId == communityId && o.Slot == slot && o.Status == OrderStatus.Open)
            .OrderBy(o => o.Id).ToListAsync(cancel);
        ILookup<long, OrderRecord> ordersOf = orders.ToLookup(o => o.HouseholdId);
        var householdIds = stored.Select(h => h.Household.Id).ToList();
        ILookup<long, long> preferredOf = (await db.PreferredTraders.AsNoTracking()
                .Where(p => householdIds.Contains(p.BuyerHouseholdId))
                .OrderBy(p => p.BuyerHouseholdId).ThenBy(p => p.SellerHouseholdId)
                .ToListAsync(cancel))
            .ToLookup(p => p.BuyerHouseholdId, p => p.SellerHouseholdId);
        var households = new List<LiveHousehold>(stored.Count);
        foreach (StoredHousehold s in stored)
        {
            LedgerAccountRecord w = wallets[s.Household.Id];
            long budget = checked(w.BalanceMicros + w.CreditLimitMicros);
            Household spec = WithOrders(WithPreferredTraders(model.Specs[s.Household.Id], preferredOf[s.Household.Id]), ordersOf[s.Household.Id]);
            (double? buyCap, double? sellCap) = Caps(ordersOf[s.Household.Id]);
            households.Add(new LiveHousehold(CommunityScenario.ScenarioId(s.Household.Id), spec, s.Household.BatteryStoredKwh, s.Household.BatteryLocalKwh, Math.Max(0, budget), buyCap, sellCap));
        }
        List<LiveContract> contracts = await ActiveContractsAsync(db, communityId, slot, cancel);
        // The runner caches a compiled day per version; households' specs differ in a slot with orders, so that slot
        // gets a version of its own (negative, unique per configuration and slot).
        long version = orders.Count == 0 ? model.ConfigVersion : -checked((model.ConfigVersion * 1_000_000_000L) + slot + 1);
        return new Prepared(slot, stored, model, wallets, system, households, contracts, orders, version);
    }

    /// <summary>
    /// The household's preferred traders (/api/me/preferred-traders) become its preferences' preferred sellers, which
    /// the preference-first mechanism matches first. Changing them bumps the configuration version.
    /// </summary>
    private static Household WithPreferredTraders(Household spec, IEnumerable<long> sellers)
    {
        List<string> ids = [.. sellers.Select(CommunityScenario.ScenarioId)];
        return ids.Count == 0 ? spec : spec with { Preferences = spec.Preferences with { PreferredSellers = ids } };
    }

    /// <summary>What a household's orders allow it to buy and sell in the open market: the sum of its bids' and offers' energy.</summary>
    private static (double? Buy, double? Sell) Caps(IEnumerable<OrderRecord> orders)
    {
        double? buy = null, sell = null;
        foreach (OrderRecord o in orders)
        {
            if (o.Side == OrderSides.Bid)
            {
                buy = (buy ?? 0) + o.EnergyKwh;
            }
            else
            {
                sell = (sell ?? 0) + o.EnergyKwh;
            }
        }
        return (buy, sell);
    }

    /// <summary>
    /// A household's open orders for the slot set its limit prices in it: the highest bid becomes its maximum buy
    /// price, the lowest offer its minimum sell price (and it sells); their energies cap what it trades in the open
    /// market in that slot (<see cref="Caps"/>; contracts are not capped, the grid takes the rest).
    /// </summary>
    private static Household WithOrders(Household spec, IEnumerable<OrderRecord> orders)
    {
        long? bid = null, offer = null;
        foreach (OrderRecord o in orders)
        {
            if (o.Side == OrderSides.Bid)
            {
                bid = Math.Max(bid ?? long.MinValue, o.LimitPriceMicrosPerKwh);
            }
            else
            {
                offer = Math.Min(offer ?? long.MaxValue, o.LimitPriceMicrosPerKwh);
            }
        }
        if (bid is null && offer is null)
        {
            return spec;
        }
        Preferences p = spec.Preferences;
        p = p with
        {
            MaxBuyPrice = bid is { } b ? b / 1_000_000m : p.MaxBuyPrice,
            MinSellPrice = offer is { } o2 ? o2 / 1_000_000m : p.MinSellPrice,
            SellSurplus = offer is not null || p.SellSurplus,
            PreferP2P = bid is not null || p.PreferP2P,
        };
        return spec with { Preferences = p };
    }

    /// <summary>A trade side: a household's stored id, or null for the market's pool (the platform account).</summary>
    private static long? HouseholdOrPool(string id) => id == LiveAccounts.PlatformOperator ? null : CommunityScenario.StoredId(id);

    /// <summary>Contract ids are zero-padded so the runner's ordinal order is creation order.</summary>
    public static string ContractId(long id) => id.ToString("D12", CultureInfo.InvariantCulture);

    private static async Task<List<LiveContract>> ActiveContractsAsync(PlatformDbContext db, long communityId, long slot, CancellationToken cancel)
    {
        var rows = await db.Contracts.AsNoTracking()
            .Where(c => c.CommunityId == communityId && c.Status == ContractStatus.Active && c.StartSlot <= slot && (c.EndSlot == null || c.EndSlot >= slot))
            .OrderBy(c => c.Id)
            .ToListAsync(cancel);
        return [.. rows.Select(c => new LiveContract(ContractId(c.Id), CommunityScenario.ScenarioId(c.BuyerHouseholdId), CommunityScenario.ScenarioId(c.SellerHouseholdId), c.KwhPerSlot, c.PriceMicrosPerKwh))];
    }

    /// <summary>
    /// Serialises settlement per community and holds the wallets still while the slot is computed: on PostgreSQL with
    /// row locks (a concurrent withdrawal waits for the commit), on SQLite the transaction already holds the write lock.
    /// </summary>
    private static async Task LockAsync(PlatformDbContext db, long communityId, CancellationToken cancel)
    {
        if (db.Provider != DatabaseProviders.PostgreSql)
        {
            return;
        }
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Communities\" WHERE \"Id\" = {communityId} FOR UPDATE", cancel);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"LedgerAccounts\" WHERE \"CommunityId\" = {communityId} FOR UPDATE", cancel);
    }

    private static LedgerAccountRecord Account(string name, Dictionary<long, LedgerAccountRecord> wallets, Dictionary<string, LedgerAccountRecord> system)
    {
        if (name.StartsWith("household:", StringComparison.Ordinal))
        {
            return wallets[CommunityScenario.StoredId(name["household:".Length..])];
        }
        return name switch
        {
            LiveAccounts.Utility => system[AccountKinds.Utility],
            LiveAccounts.GridOperator => system[AccountKinds.GridOperator],
            LiveAccounts.PlatformOperator => system[AccountKinds.Platform],
            _ => throw new InvalidOperationException($"the slot runner used an account the platform does not keep: {name}"),
        };
    }

    private static Dictionary<long, HouseholdSlotUpdate> Updates(List<MeterReadingRecord> readings, Dictionary<long, LedgerAccountRecord> wallets, List<TradeRecord> trades,
        Dictionary<long, List<DeviceReadingRecord>> devices)
    {
        var byHousehold = new Dictionary<long, List<TradeRecord>>();
        foreach (TradeRecord t in trades)
        {
            foreach (long? party in (ReadOnlySpan<long?>)[t.BuyerHouseholdId, t.SellerHouseholdId])
            {
                if (party is { } h)
                {
                    (byHousehold.TryGetValue(h, out List<TradeRecord>? list) ? list : byHousehold[h] = []).Add(t);
                }
            }
        }
        var updates = new Dictionary<long, HouseholdSlotUpdate>(readings.Count);
        foreach (MeterReadingRecord r in readings)
        {
            updates[r.HouseholdId] = new HouseholdSlotUpdate(r, wallets.TryGetValue(r.HouseholdId, out LedgerAccountRecord? w) ? w.BalanceMicros : null,
                byHousehold.TryGetValue(r.HouseholdId, out List<TradeRecord>? mine) ? mine : [], devices[r.HouseholdId]);
        }
        return updates;
    }

    /// <summary>The ledger's transfer kinds in the platform's kebab-case vocabulary.</summary>
    public static string TransferKindName(string kind) => kind switch
    {
        "GridImport" => "grid-import",
        "GridExport" => "grid-export",
        "Fuel" => "fuel",
        "P2PEnergy" => "p2p-energy",
        "SharingSettlement" => "sharing",
        "GridFee" => "grid-fee",
        _ => kind.ToLowerInvariant(),
    };

    private static MeterReadingRecord ToRecord(long householdId, long slot, HouseholdReading r) => new()
    {
        HouseholdId = householdId,
        Slot = slot,
        LoadKwh = r.LoadKwh,
        GenerationKwh = r.GenerationKwh,
        BatteryChargeKwh = r.BatteryChargeKwh,
        BatteryDischargeKwh = r.BatteryDischargeKwh,
        BatteryStoredKwh = r.BatteryStoredKwh,
        GridImportKwh = r.GridImportKwh,
        GridExportKwh = r.GridExportKwh,
        P2PBoughtKwh = r.P2PBoughtKwh,
        P2PSoldKwh = r.P2PSoldKwh,
        CurtailedKwh = r.CurtailedKwh,
        UnmetKwh = r.UnmetKwh,
        PaidMicros = r.PaidMicros,
        GridOnlyCostMicros = r.GridOnlyCostMicros,
    };
}
