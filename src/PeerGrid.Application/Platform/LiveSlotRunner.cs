using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Domain.Quantities;
using PeerGrid.Markets.Auctions;
using PeerGrid.Markets.Settlement;
using PeerGrid.Markets.Strategies;
using PeerGrid.Simulation;
using PeerGrid.Simulation.Observers;
using PeerGrid.Simulation.Profiles;
using PeerGrid.Simulation.Randomness;
using PeerGrid.Simulation.Scenarios;

namespace PeerGrid.Application.Platform;

/// <summary>
/// Computes one slot of a live community (docs/platform-slots.md): the slot's local day is compiled as a one-day
/// scenario of the households given, contracts are matched before the community's mechanism, and the slot's money
/// is settled in a fresh in-memory ledger whose transfers are returned. The outcome is a pure function of the
/// arguments: the same arguments give an identical outcome whatever was run before, so a platform that restarts from
/// its last settled slot continues exactly as an uninterrupted run would. Compiled days are cached by (community,
/// day, configuration version): the caller must bump the version whenever any household, device, preference or
/// contract changes. Thread-safe (calls are serialised).
/// </summary>
public sealed class LiveSlotRunner
{
    /// <summary>The random stream (purpose) that derives each day's scenario seed from the community's: "LIVE".</summary>
    private const ulong LiveDayStream = 0x4C49_5645;

    /// <summary>Compiled days kept: today's and yesterday's for a few communities.</summary>
    private const int CacheCapacity = 8;

    private readonly object _gate = new();
    private readonly Dictionary<(string Community, int Day, long Version), LiveDay> _cache = [];
    private readonly Queue<(string, int, long)> _cacheOrder = new();

    /// <summary>How many days this runner has compiled (a measure of the cache's use).</summary>
    public int CompiledDays { get; private set; }

    /// <summary>The seed of local day <paramref name="dayIndex"/>'s scenario: mixed from the community's seed, so days differ.</summary>
    public static ulong DaySeed(ulong communitySeed, int dayIndex) =>
        DeterministicRandom.For(communitySeed, LiveDayStream, unchecked((ulong)dayIndex)).NextULong();

    /// <summary>
    /// Runs platform slot <paramref name="slot"/> (≥ 0; slot 0 starts at local midnight of the epoch date; slots follow
    /// each other without gaps in absolute time, so a daylight-saving day has 92 or 100 quarter-hours).
    /// </summary>
    /// <param name="households">Every household of the community as it stands before the slot (any order; results come in id order).</param>
    /// <param name="contracts">Active contracts (any order; matched in id order).</param>
    /// <param name="configurationVersion">Bumped by the caller at every change of households or contracts: the compile cache's key.</param>
    public LiveSlotOutcome Run(LiveCommunitySettings settings, IReadOnlyList<LiveHousehold> households, IReadOnlyList<LiveContract> contracts, long slot, long configurationVersion)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(households);
        ArgumentNullException.ThrowIfNull(contracts);
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        if (settings.SlotMinutes is < 1 or > 60 || 60 % settings.SlotMinutes != 0)
        {
            throw new ArgumentException($"Slot length {settings.SlotMinutes} min must divide 60 so slots stay aligned with local days.", nameof(settings));
        }
        LiveHousehold[] sorted = SortAndCheck(households);
        string[] ids = [.. sorted.Select(h => h.Id)];
        LiveContract[] orderedContracts = [.. contracts.OrderBy(c => c.Id, StringComparer.Ordinal)];
        ContractTerms[] terms = Terms(orderedContracts, ids);

        TimeZoneInfo tz = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZoneId);
        DateTimeOffset startUtc = EpochUtc(settings, tz).AddMinutes((double)checked(slot * settings.SlotMinutes));
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(startUtc, tz).DateTime);
        int dayIndex = localDate.DayNumber - settings.EpochDate.DayNumber;

        lock (_gate)
        {
            LiveDay day = Day(settings, sorted, ids, localDate, dayIndex, configurationVersion);
            SlotStepper stepper = day.Stepper;
            double minutes = (startUtc - stepper.Calendar.StartUtc).TotalMinutes;
            int slotOfDay = (int)(minutes / settings.SlotMinutes);
            if (minutes < 0 || slotOfDay * settings.SlotMinutes != minutes || slotOfDay >= stepper.Calendar.SlotCount)
            {
                throw new InvalidOperationException($"Slot {slot} ({startUtc:O}) does not start a slot of local day {localDate:O}; the time zone's offsets must change by whole slots.");
            }
            return Step(settings, sorted, orderedContracts, terms, day, slot, slotOfDay, startUtc, localDate, dayIndex, configurationVersion);
        }
    }

    private static LiveSlotOutcome Step(
        LiveCommunitySettings settings, LiveHousehold[] households, LiveContract[] contracts, ContractTerms[] terms, LiveDay day,
        long slot, int slotOfDay, DateTimeOffset startUtc, DateOnly localDate, int dayIndex, long configurationVersion)
    {
        SlotStepper stepper = day.Stepper;
        string[] ids = day.HouseholdIds;
        int n = households.Length;

        // A fresh ledger per slot: wallets start at 0 with the budget as credit limit, so each wallet's change is
        // exactly what it paid and can never exceed its budget (the ledger refuses that; the engine sizes to it).
        var ledger = new Ledger(n);
        for (int h = 0; h < n; h++)
        {
            ledger.TrySetCreditLimit(AccountId.ForHousehold(h), new Money(households[h].BudgetMicros));
            day.Caps.SetCaps(h, households[h].MarketBuyCapKwh ?? double.PositiveInfinity, households[h].MarketSellCapKwh ?? double.PositiveInfinity);
            double stored = households[h].BatteryStoredKwh ?? stepper.InitialStoredKwh(h);
            stepper.SetBattery(h, stored, households[h].BatteryLocalKwh ?? stored);
        }
        var journal = new TransferJournal();
        ledger.AddObserver(journal);
        day.Market.SetContracts(terms);
        day.Recorder?.Reset();
        day.Settlement.Target = new LedgerSettlement(ledger);
        CommunitySlot community;
        try
        {
            community = stepper.Step(slotOfDay);
        }
        finally
        {
            day.Settlement.Target = null;
        }

        HouseholdSlotView view = stepper.Households;
        DeviceSlotView devices = stepper.MeasureDevices();
        var readings = new HouseholdReading[n];
        double p2p = 0;
        for (int h = 0; h < n; h++)
        {
            double traded = view.PeerTradedKwh[h];
            p2p += Math.Max(traded, 0);
            readings[h] = new HouseholdReading(ids[h], view.LoadKwh[h], view.GenerationKwh[h], view.ChargeKwh[h], view.DischargeKwh[h],
                view.StoredKwh[h], stepper.StoredLocalKwh(h), view.ImportKwh[h], view.ExportKwh[h], Math.Max(traded, 0), Math.Max(-traded, 0),
                view.CurtailedKwh[h], view.UnmetKwh[h], view.CostMicros[h],
                Price.CostMicros(MeteredEnergy.MicroKwhOf(view.LoadKwh[h]), community.BuyMicrosPerKwh),
                devices.Appliances(h).ToArray(), devices.Generators(h).ToArray(), devices.BaseLoadKwh(h));
        }

        var trades = new List<LiveTrade>();
        long contractMicroKwh = 0;
        foreach (ContractFill f in day.Market.LastFills)
        {
            LiveContract c = contracts[f.Contract];
            trades.Add(new LiveTrade(LiveTrade.Contract, c.Id, ids[f.Buyer], ids[f.Seller], f.EnergyMicroKwh, c.PriceMicrosPerKwh, f.PaidMicros));
            contractMicroKwh = checked(contractMicroKwh + f.EnergyMicroKwh);
        }
        AddMarketTrades(day, ids, trades);

        var transfers = new List<LiveTransfer>(journal.Transfers.Count);
        foreach (Transfer t in journal.Transfers)
        {
            string? household = t.From.IsHousehold ? ids[t.From.HouseholdIndex] : t.To.IsHousehold ? ids[t.To.HouseholdIndex] : null;
            transfers.Add(new LiveTransfer(LiveAccounts.Name(t.From, ids), LiveAccounts.Name(t.To, ids), t.Amount.Micros, t.Kind.ToString(), household));
        }

        return new LiveSlotOutcome(slot, startUtc, startUtc.AddMinutes(settings.SlotMinutes), localDate, dayIndex, slotOfDay, readings, trades, transfers,
            community.BuyMicrosPerKwh, community.SellMicrosPerKwh, day.Recorder?.ClearingPriceMicrosPerKwh, p2p,
            contractMicroKwh / (double)MeteredEnergy.MicroKwhPerKwh, configurationVersion);
    }

    /// <summary>An auction's pairwise trades, or each household's exchange with the pool (the platform operator's account).</summary>
    private static void AddMarketTrades(LiveDay day, string[] ids, List<LiveTrade> trades)
    {
        if (day.Recorder is { } recorder)
        {
            foreach (Trade t in recorder.Trades)
            {
                trades.Add(new LiveTrade(LiveTrade.Market, null, ids[t.Buyer], ids[t.Seller], t.EnergyMicroKwh, t.BuyerPriceMicrosPerKwh, t.BuyerPaysMicros));
            }
            return;
        }
        ReadOnlySpan<double> traded = day.Market.LastMarketTradedKwh, pool = day.Market.LastMarketPoolGridKwh;
        ReadOnlySpan<long> paid = day.Market.LastMarketPaidMicros;
        for (int h = 0; h < ids.Length; h++)
        {
            double kwh = traded[h] + pool[h];
            long energy = MeteredEnergy.MicroKwhOf(Math.Abs(kwh));
            if (energy == 0 && paid[h] == 0)
            {
                continue;
            }
            long amount = Math.Abs(paid[h]);
            long price = energy > 0 ? Price.MulDivRound(amount, MeteredEnergy.MicroKwhPerKwh, energy) : 0;
            bool buys = kwh > 0 || (kwh == 0 && paid[h] > 0);
            trades.Add(buys
                ? new LiveTrade(LiveTrade.Market, null, ids[h], LiveAccounts.PlatformOperator, energy, price, amount)
                : new LiveTrade(LiveTrade.Market, null, LiveAccounts.PlatformOperator, ids[h], energy, price, amount));
        }
    }

    private LiveDay Day(LiveCommunitySettings settings, LiveHousehold[] households, string[] ids, DateOnly localDate, int dayIndex, long version)
    {
        var key = (settings.CommunityId, dayIndex, version);
        if (_cache.TryGetValue(key, out LiveDay? cached) && cached.HouseholdIds.AsSpan().SequenceEqual(ids))
        {
            return cached;
        }
        if (cached is not null)
        {
            // Same version, different households: the caller forgot to bump it. Recompile rather than answer wrongly.
            _cache.Remove(key);
            cached.Dispose();
        }
        Scenario scenario = DayScenario(settings, households, localDate, dayIndex);
        var inner = LiveMechanisms.Create(scenario, out RecordingClearing? recorder);
        var caps = new OrderCapMarket(inner, households.Length);
        var market = new ContractFirstMarket(caps, households.Length);
        var settlement = new ForwardingSettlement();
        var day = new LiveDay(Simulator.CreateStepper(scenario, market, settlement), market, caps, recorder, settlement, ids);
        CompiledDays++;
        _cache[key] = day;
        _cacheOrder.Enqueue(key);
        while (_cacheOrder.Count > CacheCapacity)
        {
            var old = _cacheOrder.Dequeue();
            if (_cache.Remove(old, out LiveDay? evicted))
            {
                evicted.Dispose();
            }
        }
        return day;
    }

    /// <summary>The one-day scenario of local day <paramref name="dayIndex"/>: from local midnight, households as given.</summary>
    internal static Scenario DayScenario(LiveCommunitySettings settings, IReadOnlyList<LiveHousehold> households, DateOnly localDate, int dayIndex) => new(
        $"{settings.CommunityId} {localDate:yyyy-MM-dd}",
        DaySeed(settings.Seed, dayIndex),
        localDate.ToDateTime(TimeOnly.MinValue),
        settings.TimeZoneId,
        settings.SlotMinutes,
        HorizonDays: 1,
        HorizonHours: null,
        settings.Location,
        settings.Tariff,
        settings.GridEmissionsKgPerKwh,
        [.. households.Select(h => h.Spec with { Id = h.Id })],
        settings.Profiles ?? new Dictionary<string, Profile>(),
        settings.Currency,
        settings.Mechanism,
        Pricing: settings.Pricing,
        PricingK: settings.PricingK,
        PlatformFeePerKwh: settings.PlatformFeePerKwh);

    /// <summary>Local midnight of the epoch date as an instant (the earlier one if midnight repeats).</summary>
    private static DateTimeOffset EpochUtc(LiveCommunitySettings settings, TimeZoneInfo tz)
    {
        DateTime midnight = settings.EpochDate.ToDateTime(TimeOnly.MinValue);
        if (tz.IsInvalidTime(midnight))
        {
            throw new ArgumentException($"Local midnight of {settings.EpochDate:O} does not exist in {tz.Id}; choose another epoch date.", nameof(settings));
        }
        TimeSpan offset = tz.IsAmbiguousTime(midnight) ? tz.GetAmbiguousTimeOffsets(midnight).Max() : tz.GetUtcOffset(midnight);
        return new DateTimeOffset(midnight, offset).ToUniversalTime();
    }

    private static LiveHousehold[] SortAndCheck(IReadOnlyList<LiveHousehold> households)
    {
        if (households.Count == 0)
        {
            throw new ArgumentException("A live community needs at least one household.", nameof(households));
        }
        LiveHousehold[] sorted = [.. households.OrderBy(h => h.Id, StringComparer.Ordinal)];
        var errors = new ValidationErrors();
        for (int i = 0; i < sorted.Length; i++)
        {
            LiveHousehold h = sorted[i];
            string path = $"households[{h.Id}]";
            if (i > 0 && sorted[i - 1].Id == h.Id)
            {
                errors.Add(path, "the id appears twice", "give every household its own id");
            }
            (h.Spec with { Id = h.Id }).Validate(path, errors);
            if (h.BudgetMicros < 0)
            {
                errors.Add($"{path}.budgetMicros", $"is {h.BudgetMicros}", "give the balance plus credit limit, ≥ 0 (long.MaxValue = unlimited)");
            }
            if (h.BatteryStoredKwh is { } s && !double.IsFinite(s) || h.BatteryLocalKwh is { } l && !double.IsFinite(l))
            {
                errors.Add($"{path}.battery", "stored or local energy is not a finite number", "carry the previous slot's reading, or null for the initial SoC");
            }
        }
        return errors.IsEmpty ? sorted : throw new ArgumentException(string.Join(Environment.NewLine, errors.All), nameof(households));
    }

    private static ContractTerms[] Terms(LiveContract[] contracts, string[] ids)
    {
        var terms = new ContractTerms[contracts.Length];
        for (int i = 0; i < contracts.Length; i++)
        {
            LiveContract c = contracts[i];
            if (i > 0 && contracts[i - 1].Id == c.Id)
            {
                throw new ArgumentException($"Contract id '{c.Id}' appears twice.", nameof(contracts));
            }
            int buyer = Array.BinarySearch(ids, c.BuyerId, StringComparer.Ordinal);
            int seller = Array.BinarySearch(ids, c.SellerId, StringComparer.Ordinal);
            if (buyer < 0 || seller < 0 || buyer == seller)
            {
                throw new ArgumentException($"Contract '{c.Id}' needs two different households of the community (buyer '{c.BuyerId}', seller '{c.SellerId}').", nameof(contracts));
            }
            if (!double.IsFinite(c.KwhPerSlot) || c.KwhPerSlot < 0 || c.PriceMicrosPerKwh < 0)
            {
                throw new ArgumentException($"Contract '{c.Id}' needs energy per slot ≥ 0 kWh and a price ≥ 0 (got {c.KwhPerSlot} kWh at {c.PriceMicrosPerKwh} µ/kWh).", nameof(contracts));
            }
            terms[i] = new ContractTerms(buyer, seller, OrderPricer.FloorMicroKwh(c.KwhPerSlot), c.PriceMicrosPerKwh);
        }
        return terms;
    }
}
