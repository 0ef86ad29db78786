using PeerGrid.Domain.Quantities;
using PeerGrid.Domain.Trading;
using PeerGrid.Simulation.Observers;
using PeerGrid.Simulation.Physics;

namespace PeerGrid.Simulation.Engine;

/// <summary>
/// The time-stepped engine. Each slot, in this order (docs/engine.md):
/// 1. generation and demand of every household (shared series, appliance tables, deferrable jobs, PV, wind);
/// 2. own consumption: demand is served from the household's own generation;
/// 3. battery per preferences (store-first charges from surplus now; both modes discharge for the deficit),
///    then dispatchable generation for a remaining deficit when cheaper than the grid or the grid cannot supply;
/// 4. the residual net position goes to the market mechanism;
/// 5. what the market leaves: sell-first batteries charge from unsold surplus, grid charging below the price
///    threshold, then the grid imports (up to the connection limit; beyond it demand is unmet) and exports
///    (beyond the limit generation is curtailed); bills are metered and priced exactly.
/// Households are processed in fixed chunks, in parallel when allowed; chunk sums are combined in chunk order,
/// so results are identical for any thread count. No allocation per household per slot.
/// </summary>
internal sealed class SimulationEngine
{
    private const int ProgressEverySlots = 96;

    private readonly CommunityModel _m;
    private readonly IMarketMechanism _market;
    private readonly IReadOnlyList<ISimulationObserver> _observers;
    private readonly SlotBuffers _b;
    private readonly RunTotals _t;
    private readonly Chunks _chunks;
    private readonly SlotPartials[] _partials;
    private readonly HouseholdAccumulator[] _acc;
    private readonly HouseholdOccasionalTotals[] _occasional;
    private readonly long[] _periodPaid;
    private readonly long[] _buyPrefix;
    private readonly double[] _sunPrefix;
    private readonly int _threads;
    private ChunkWorkers? _workers;
    private readonly Action<int> _beforeMarketChunk;
    private readonly Action<int> _afterMarketChunk;
    private readonly Action<int> _wholeSlotChunk;
    private readonly bool _independentHouseholds;
    private readonly bool _flexibleOrders;
    private readonly int[] _subscriptionSlots;
    private int _slot;
    // The first slot whose jobs have not been advanced yet (PrepareJobs); load of skipped slots goes to a scratch array.
    private int _jobsNextSlot;
    private double[]? _skippedLoad;

    private readonly ISlotSettlement? _settlement;
    private readonly long[] _budget;
    private readonly SlotMoney? _money;

    public SimulationEngine(CommunityModel model, IMarketMechanism market, IReadOnlyList<ISimulationObserver> observers, int threads, ISlotSettlement? settlement = null)
    {
        _m = model;
        _market = market;
        _settlement = settlement;
        _observers = observers;
        int n = model.HouseholdCount;
        _b = new SlotBuffers(n);
        _t = new RunTotals(n, model.HouseholdIds, model.HasGeneration, model.Calendar.SlotHours, model.Calendar.SlotCount);
        _chunks = new Chunks(model);
        _partials = new SlotPartials[_chunks.Count];
        _acc = new HouseholdAccumulator[n];
        _occasional = new HouseholdOccasionalTotals[n];
        _periodPaid = new long[n];
        _budget = new long[n];
        Array.Fill(_budget, long.MaxValue);
        _money = settlement is null ? null : new SlotMoney(n);
        _threads = Math.Min(threads, _chunks.Count);
        _beforeMarketChunk = BeforeMarket;
        _afterMarketChunk = AfterMarket;
        _wholeSlotChunk = WholeSlot;
        // With no market and no wallets nothing couples households within a slot: each chunk can run the whole slot
        // while its data is in cache, instead of every phase streaming all households through memory.
        _independentHouseholds = market is GridOnlyMarket && settlement is null;
        _flexibleOrders = market.TradesFlexibleEnergy;
        // The platform's subscription pays for its market: there is none under grid-only.
        _subscriptionSlots = market is GridOnlyMarket ? [] : model.SubscriptionSlots;
        int slots = model.Calendar.SlotCount;
        _buyPrefix = new long[slots + 1];
        _sunPrefix = new double[slots + 1];
        for (int s = 0; s < slots; s++)
        {
            _buyPrefix[s + 1] = _buyPrefix[s] + model.BuyMicros[s];
            _sunPrefix[s + 1] = _sunPrefix[s] + model.Weather.GhiWm2[s];
        }
        Array.Copy(model.GreenOnly, _b.Book.GreenOnly, n);
        Array.Copy(model.PreferredSellers, _b.Book.PreferredSellers, n);
        Array.Copy(model.BatteryInitialKwh, _b.Stored, n);
        for (int h = 0; h < n; h++)
        {
            // Whatever a battery holds at the start counts as local energy: it is the household's own.
            _b.Scratch[h].StoredLocal = model.BatteryInitialKwh[h];
        }
        Array.Copy(model.BatteryInitialKwh, _t.StoredStartKwh, n);
    }

    public RunTotals Run(RunInfo info, Action<int, int>? progress, CancellationToken cancel)
    {
        foreach (ISimulationObserver o in _observers)
        {
            o.OnStart(info);
        }
        using ChunkWorkers? workers = _threads > 1 ? new ChunkWorkers(_threads) : null;
        _workers = workers;
        var calendar = _m.Calendar;
        for (int s = 0; s < calendar.SlotCount; s++)
        {
            if (calendar.DayStarts[calendar.LocalDayIndex[s]] == s)
            {
                cancel.ThrowIfCancellationRequested();
            }
            CommunitySlot community = StepSlot(s);
            if (_observers.Count > 0)
            {
                var view = new HouseholdSlotView(_b);
                foreach (ISimulationObserver o in _observers)
                {
                    o.OnSlot(in community, view);
                }
            }
            if (progress is not null && (s % ProgressEverySlots == 0 || s == calendar.SlotCount - 1))
            {
                progress(s + 1, calendar.SlotCount);
            }
        }
        Array.Copy(_b.Stored, _t.StoredEndKwh, _m.HouseholdCount);
        _t.FillFrom(_acc, _occasional, _m);
        foreach (ISimulationObserver o in _observers)
        {
            o.OnEnd(_t);
        }
        return _t;
    }

    /// <summary>Threads the parallel passes use: the cores asked for, at most one per chunk.</summary>
    internal int Threads => _threads;

    /// <summary>The compiled community the engine runs.</summary>
    internal CommunityModel Model => _m;

    /// <summary>The buffers of the last slot stepped: its per-household values and the battery state carried to the next.</summary>
    internal SlotBuffers Buffers => _b;

    /// <summary>Worker threads for the parallel passes; null = the calling thread only. The caller owns them.</summary>
    internal ChunkWorkers? Workers
    {
        get => _workers;
        set => _workers = value;
    }

    /// <summary>
    /// Runs slot <paramref name="s"/> of the calendar: its deferrable jobs first (so that they are exactly as a run
    /// from slot 0 would have them, <see cref="PrepareJobs"/>), then the dispatch order of docs/engine.md, the billing
    /// period's close when the slot ends a month or the calendar, and the slot's settlement. Battery state is read from
    /// and left in the buffers; everything else a slot reads is overwritten first, so stepping slot s gives the same
    /// result whatever was stepped before, given the same battery state (and a mechanism without memory across slots).
    /// </summary>
    internal CommunitySlot StepSlot(int s)
    {
        var calendar = _m.Calendar;
        PrepareJobs(s);
        // Set before the slot runs: should it throw half-way, stepping it again replays the jobs from slot 0.
        _jobsNextSlot = s + 1;
        _slot = s;
        MarketSlot book = _b.Book;
        if (_independentHouseholds)
        {
            ForEachChunk(_wholeSlotChunk);
        }
        else
        {
            _settlement?.FillBudgets(_budget);
            ForEachChunk(_beforeMarketChunk);
            book.PoolGridCostMicros = 0;
            book.GridFeesMicros = 0;
            book.Slot = s;
            book.GridBuyMicrosPerKwh = _m.BuyMicros[s];
            book.GridSellMicrosPerKwh = _m.SellMicros[s];
            _market.Clear(book);
            ForEachChunk(_afterMarketChunk);
        }
        CommunitySlot community = Combine(s);
        if (s == calendar.SlotCount - 1 || calendar.Month[s + 1] != calendar.Month[s])
        {
            community = CloseBillingPeriod(community);
        }
        if (_settlement is not null)
        {
            _money!.Slot = s;
            _money.PoolGridCostMicros = book.PoolGridCostMicros;
            _money.GridFeesMicros = book.GridFeesMicros;
            _settlement.Settle(_money);
        }
        return community;
    }

    /// <summary>
    /// Brings the deferrable jobs to the state a run from slot 0 has at slot <paramref name="s"/>: in a run, the next
    /// slot needs only its day scheduled when it starts one; a step backwards starts again from slot 0 and a step
    /// forwards replays the skipped slots' scheduling (jobs carry a run across midnight from one day to the next).
    /// </summary>
    private void PrepareJobs(int s)
    {
        var calendar = _m.Calendar;
        DeferrableJobs jobs = _m.Jobs;
        if (s < _jobsNextSlot)
        {
            jobs.Reset();
            _jobsNextSlot = 0;
        }
        if (_jobsNextSlot < s)
        {
            _skippedLoad ??= new double[_m.HouseholdCount];
            for (int t = _jobsNextSlot; t < s; t++)
            {
                ScheduleIfDayStart(t);
                jobs.AddLoad(t, calendar.SlotHours, _skippedLoad, 0, jobs.Count);
            }
        }
        ScheduleIfDayStart(s);
    }

    private void ScheduleIfDayStart(int s)
    {
        var calendar = _m.Calendar;
        int day = calendar.LocalDayIndex[s];
        if (calendar.DayStarts[day] == s)
        {
            _m.Jobs.ScheduleDay(calendar, day, _buyPrefix, _sunPrefix);
        }
    }

    private void ForEachChunk(Action<int> body)
    {
        if (_workers is null)
        {
            for (int c = 0; c < _chunks.Count; c++)
            {
                body(c);
            }
        }
        else
        {
            _workers.Run(body, _chunks.Count);
        }
    }

    private void BeforeMarket(int chunk)
    {
        int from = _chunks.HouseholdStart[chunk], to = _chunks.HouseholdStart[chunk + 1];
        ComputeLoadAndGeneration(_slot, chunk, from, to);
        long due = SubscriptionDue(_slot);
        if (due > 0)
        {
            ChargeSubscription(due, from, to);
        }
        DispatchBeforeMarket(_slot, from, to);
        PrepareBook(from, to);
    }

    /// <summary>The whole slot for one chunk, when households are independent (grid-only, no wallets): no book.</summary>
    private void WholeSlot(int chunk)
    {
        int from = _chunks.HouseholdStart[chunk], to = _chunks.HouseholdStart[chunk + 1];
        ComputeLoadAndGeneration(_slot, chunk, from, to);
        DispatchBeforeMarket(_slot, from, to);
        _partials[chunk] = SettleAfterMarket(_slot, from, to);
    }

    private void AfterMarket(int chunk)
    {
        int from = _chunks.HouseholdStart[chunk], to = _chunks.HouseholdStart[chunk + 1];
        _partials[chunk] = SettleAfterMarket(_slot, from, to);
    }

    /// <summary>The subscription each household owes in slot <paramref name="s"/> (the first of a billing month), micro-units; else 0.</summary>
    private long SubscriptionDue(int s)
    {
        if (_subscriptionSlots.Length == 0)
        {
            return 0;
        }
        int i = Array.BinarySearch(_subscriptionSlots, s);
        return i >= 0 ? _m.SubscriptionMicros[i] : 0;
    }

    /// <summary>
    /// The month's subscription, taken first from each wallet's budget (before fuel and energy): a wallet that cannot pay
    /// it all pays what it can (never below its credit limit) and the rest is recorded as unpaid.
    /// </summary>
    private void ChargeSubscription(long due, int from, int to)
    {
        HouseholdScratch[] scratch = _b.Scratch;
        for (int h = from; h < to; h++)
        {
            long budget = _budget[h];
            long pay = budget == long.MaxValue ? due : Math.Min(due, Math.Max(budget, 0));
            if (budget != long.MaxValue)
            {
                _budget[h] = budget - pay;
            }
            scratch[h].Subscription = pay;
            ref HouseholdOccasionalTotals o = ref _occasional[h];
            o.Subscription = checked(o.Subscription + pay);
            o.SubscriptionUnpaid = checked(o.SubscriptionUnpaid + (due - pay));
        }
    }

    private void ComputeLoadAndGeneration(int s, int chunk, int from, int to)
    {
        double[] load = _b.Load, gen = _b.Generation;
        Array.Clear(load, from, to - from);
        Array.Clear(gen, from, to - from);
        var calendar = _m.Calendar;
        double hours = calendar.SlotHours;

        ApplianceTables tables = _m.Appliances;
        if (tables.TableCount > 0)
        {
            int bin = Math.Min(calendar.LocalMinuteOfDay[s] / calendar.SlotMinutes, tables.BinsPerDay - 1);
            int row = (((int)calendar.DayKinds[s] * tables.BinsPerDay) + bin) * tables.TableCount;
            double[] values = tables.Values;
            int[] tableOf = tables.TableOf;
            for (int h = from; h < to; h++)
            {
                int t = tableOf[h];
                if (t >= 0)
                {
                    load[h] += values[row + t];
                }
            }
        }

        Chunks k = _chunks;
        double[][] series = _m.Series;
        AddTerms(s, series, _m.LoadTermHousehold, _m.LoadTermSeries, _m.LoadTermScale, load, k.LoadTerms[chunk], k.LoadTerms[chunk + 1]);
        AddTerms(s, series, _m.GenTermHousehold, _m.GenTermSeries, _m.GenTermScale, gen, k.GenTerms[chunk], k.GenTerms[chunk + 1]);
        _m.Jobs.AddLoad(s, hours, load, k.Jobs[chunk], k.Jobs[chunk + 1]);

        WeatherSeries w = _m.Weather;
        int[] pvHouse = _m.PvHousehold;
        PvCoefficients[] pv = _m.Pv;
        for (int i = k.Pv[chunk]; i < k.Pv[chunk + 1]; i++)
        {
            gen[pvHouse[i]] += SolarPvModel.EnergyKwh(in pv[i], w, s, hours);
        }
        int[] windHouse = _m.WindHousehold;
        WindCoefficients[] wind = _m.Wind;
        for (int i = k.Wind[chunk]; i < k.Wind[chunk + 1]; i++)
        {
            gen[windHouse[i]] += WindTurbineModel.EnergyKwh(in wind[i], w, s, hours);
        }
    }

    private static void AddTerms(int s, double[][] series, int[] house, int[] which, double[] scale, double[] target, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            target[house[i]] += series[which[i]][s] * scale[i];
        }
    }

    private void DispatchBeforeMarket(int s, int from, int to)
    {
        long buy = _m.BuyMicros[s];
        double[] loadA = _b.Load, genA = _b.Generation, storedA = _b.Stored;
        HouseholdParams[] parameters = _m.Params;
        HouseholdScratch[] scratch = _b.Scratch;

        for (int h = from; h < to; h++)
        {
            ref readonly HouseholdParams p = ref parameters[h];
            ref HouseholdScratch x = ref scratch[h];
            double load = loadA[h], gen = genA[h];
            double stored = storedA[h];
            x.StoredAtStart = stored;
            x.Renewable = gen;
            double direct = Math.Min(load, gen);
            double surplus = gen - direct;
            double deficit = load - direct;
            double selfConsumed = direct;
            double charge = 0, discharge = 0, selfDischarge = 0;

            if (p.BatteryCapacityKwh > 0)
            {
                double local = x.StoredLocal;
                double min = p.BatteryMinKwh;
                if (stored > min)
                {
                    // Self-discharge never takes the battery below its minimum SoC (the BMS holds that reserve).
                    double after = Math.Max(min, stored * p.RetentionPerSlot);
                    selfDischarge = stored - after;
                    local *= after / stored;
                    stored = after;
                }
                if (!p.SellFirst && surplus > 0)
                {
                    double etaC = p.ChargeEfficiency;
                    charge = Math.Min(Math.Min(surplus, p.MaxChargeKwh), Math.Max(0, (p.BatteryMaxKwh - stored) / etaC));
                    stored += charge * etaC;
                    local += charge * etaC;
                    surplus -= charge;
                }
                double floor = Math.Max(min, p.ReserveKwh);
                if (deficit > 0 && stored > floor)
                {
                    double etaD = p.DischargeEfficiency;
                    discharge = Math.Min(Math.Min(deficit, p.MaxDischargeKwh), (stored - floor) * etaD);
                    double drawn = discharge / etaD;
                    double localShare = stored > 0 ? local / stored : 0;
                    selfConsumed += discharge * localShare;
                    local -= drawn * localShare;
                    stored -= drawn;
                    deficit -= discharge;
                }
                stored = Math.Max(stored, 0);
                storedA[h] = stored;
                x.StoredLocal = Math.Clamp(local, 0, stored);
            }

            long budget = _budget[h];
            double dispatched = 0;
            if (deficit > 0 && p.DispatchMaxKwh > 0 && (p.DispatchFuelMicrosPerKwh < buy || deficit > p.MaxImportKwh))
            {
                dispatched = Math.Min(Math.Min(Math.Max(deficit, p.DispatchMinKwh), p.DispatchMaxKwh), AffordableKwh(budget, p.DispatchFuelMicrosPerKwh));
                if (dispatched < p.DispatchMinKwh)
                {
                    // It cannot afford to run at its minimum load.
                    dispatched = 0;
                }
                double used = Math.Min(dispatched, deficit);
                selfConsumed += used;
                deficit -= used;
                surplus += dispatched - used;
            }

            if (dispatched > 0 && budget != long.MaxValue)
            {
                budget -= Price.CostMicros(MeteredEnergy.MicroKwhOf(dispatched), p.DispatchFuelMicrosPerKwh);
            }
            x.Budget = budget;
            x.Surplus = surplus;
            x.Deficit = deficit;
            x.Charge = charge;
            x.Discharge = discharge;
            x.SelfDischarge = selfDischarge;
            x.Dispatched = dispatched;
            x.SelfConsumed = selfConsumed;
        }
    }

    private void PrepareBook(int from, int to)
    {
        MarketSlot book = _b.Book;
        double[] net = book.NetKwh;
        HouseholdParams[] parameters = _m.Params;
        HouseholdScratch[] scratch = _b.Scratch;
        long[] budgets = book.BudgetMicros;
        long buy = _m.BuyMicros[_slot];
        Array.Copy(_m.MaxBuyMicros, from, book.BidLimitMicrosPerKwh, from, to - from);
        Array.Copy(_m.MinSellMicros, from, book.OfferLimitMicrosPerKwh, from, to - from);
        Array.Copy(_m.HasRenewableGeneration, from, book.IsRenewable, from, to - from);
        for (int h = from; h < to; h++)
        {
            // Peer energy flows through the same connection as grid energy: offer and bid only what it can carry,
            // and ask for no more than the wallet can pay at the retail price (no market charges more per kWh).
            ref readonly HouseholdParams p = ref parameters[h];
            ref HouseholdScratch x = ref scratch[h];
            double need = p.BuysFromPeers ? Math.Min(Math.Min(x.Deficit, p.MaxImportKwh), AffordableKwh(x.Budget, buy)) : 0;
            double offer = p.SellSurplus ? Math.Min(x.Surplus, p.MaxExportKwh) : 0;
            x.BatteryOffer = 0;
            x.DispatchOffer = 0;
            x.ChargeBid = 0;
            if (_flexibleOrders && x.Deficit <= 0 && (p.BatteryCapacityKwh > 0 || p.DispatchMaxKwh > 0))
            {
                offer += FlexibleOrder(h, in p, ref x, ref need, book);
            }
            net[h] = need - offer;
            budgets[h] = x.Budget;
        }
        Array.Clear(book.TradedKwh, from, to - from);
        Array.Clear(book.PoolGridKwh, from, to - from);
        Array.Clear(book.PaidMicros, from, to - from);
    }

    /// <summary>
    /// A household with no deficit left may enter its flexible energy into an auction (docs/markets.md, "Batteries and
    /// generators in the market"); it still has one order per slot. A sell-first battery adds what it holds above
    /// max(min SoC, reserve) to the household's offer at the household's offer limit (within its discharge power, after
    /// the discharge efficiency, and within the export connection). With nothing else to offer, a dispatchable generator
    /// offers its spare output at its fuel cost or above (not green). With nothing to offer at all, a battery with a
    /// grid-charge threshold bids for its headroom (within its charge power, the import connection and the wallet) at
    /// no more than that threshold. Returns the energy added to the offer; a charging bid is written to
    /// <paramref name="need"/>.
    /// </summary>
    private double FlexibleOrder(int h, in HouseholdParams p, ref HouseholdScratch x, ref double need, MarketSlot book)
    {
        double offer = p.SellSurplus ? Math.Min(x.Surplus, p.MaxExportKwh) : 0;
        double exportRoom = p.MaxExportKwh - offer;
        double stored = _b.Stored[h];
        if (p.SellFirst && p.SellSurplus && p.BatteryCapacityKwh > 0 && exportRoom > 0)
        {
            double floor = Math.Max(p.BatteryMinKwh, p.ReserveKwh);
            double deliverable = Math.Min(Math.Min(p.MaxDischargeKwh - x.Discharge, (stored - floor) * p.DischargeEfficiency), exportRoom);
            if (deliverable > 0)
            {
                x.BatteryOffer = deliverable;
                return deliverable;
            }
        }
        if (offer > 0)
        {
            return 0;
        }
        if (p.SellSurplus && p.DispatchMaxKwh > 0 && exportRoom > 0)
        {
            double spare = Math.Min(Math.Min(p.DispatchMaxKwh - x.Dispatched, exportRoom), AffordableKwh(x.Budget, p.DispatchFuelMicrosPerKwh));
            // A generator that is off must be able to run at its minimum load.
            if (spare > 0 && (x.Dispatched > 0 || spare >= p.DispatchMinKwh))
            {
                x.DispatchOffer = spare;
                book.OfferLimitMicrosPerKwh[h] = Math.Max(book.OfferLimitMicrosPerKwh[h], p.DispatchFuelMicrosPerKwh);
                book.IsRenewable[h] = false;
                return spare;
            }
        }
        // Not with a surplus it does not sell: that surplus charges the battery after the market.
        if (x.Surplus <= 0 && p.BuysFromPeers && p.BatteryCapacityKwh > 0 && p.GridChargeBelowMicros != long.MinValue)
        {
            double headroom = Math.Max(0, (p.BatteryMaxKwh - stored) / p.ChargeEfficiency);
            double bid = Math.Min(Math.Min(headroom, p.MaxChargeKwh - x.Charge), Math.Min(p.MaxImportKwh, AffordableKwh(x.Budget, _m.BuyMicros[_slot])));
            if (bid > 0)
            {
                x.ChargeBid = bid;
                need = bid;
                book.BidLimitMicrosPerKwh[h] = Math.Min(book.BidLimitMicrosPerKwh[h], p.GridChargeBelowMicros);
            }
        }
        return 0;
    }

    private SlotPartials SettleAfterMarket(int s, int from, int to)
    {
        var sum = default(SlotPartials);
        SettleFlows(s, from, to, ref sum);
        Bill(s, from, to, ref sum);
        return sum;
    }

    /// <summary>Step 5's energy: after-market battery charging, grid import and export, limits, losses, the balance check.</summary>
    private void SettleFlows(int s, int from, int to, ref SlotPartials sum)
    {
        long buy = _m.BuyMicros[s];
        HouseholdParams[] parameters = _m.Params;
        HouseholdScratch[] scratch = _b.Scratch;
        double[] tradedA = _b.Book.TradedKwh, poolA = _b.Book.PoolGridKwh;
        long[] paidA = _b.Book.PaidMicros;
        double[] loadA = _b.Load, genA = _b.Generation, storedA = _b.Stored;
        double[] importA = _b.Import, exportA = _b.Export, chargeA = _b.Charge, dischargeA = _b.Discharge, curtailedA = _b.Curtailed, unmetA = _b.Unmet;
        double maxResidual = sum.MaxResidual;

        for (int h = from; h < to; h++)
        {
            ref readonly HouseholdParams p = ref parameters[h];
            ref HouseholdScratch x = ref scratch[h];
            double traded = tradedA[h], pool = poolA[h];
            double peerIn = Math.Max(traded, 0), peerOut = Math.Max(-traded, 0);
            double poolIn = Math.Max(pool, 0), poolOut = Math.Max(-pool, 0);
            // Clamped: a market's split of the net position may differ from it in the last bit.
            double deficit = Math.Max(0, x.Deficit - peerIn - poolIn);
            double surplus = Math.Max(0, x.Surplus - peerOut - poolOut);
            double charge = x.Charge;
            double discharge = x.Discharge;
            double stored = storedA[h];
            long budgetLeft = x.Budget == long.MaxValue ? long.MaxValue : x.Budget - Math.Max(paidA[h], 0);
            if (x.BatteryOffer > 0 || x.DispatchOffer > 0 || x.ChargeBid > 0)
            {
                // Flexible orders: what peers bought beyond the surplus came from the battery, then the generator; what a
                // charging bid bought goes into the battery. Only auctions see these orders (no pool energy).
                SettleFlexible(in p, ref x, peerIn, peerOut, ref stored, ref charge, ref discharge, ref surplus, ref budgetLeft);
            }
            // The connection carries peer, pool and direct grid energy alike; the wallet pays for what the market left.
            double connectionRoom = p.MaxImportKwh - peerIn - poolIn;
            double importRoom = Math.Min(connectionRoom, AffordableKwh(budgetLeft, buy));
            double import = Math.Min(deficit, importRoom);
            double unmet = deficit - import;
            if (unmet > 0 && importRoom < connectionRoom)
            {
                // The part the connection could have carried but the wallet could not pay for.
                _occasional[h].UnmetUnaffordable += Math.Max(0, Math.Min(deficit, connectionRoom) - import);
            }
            double etaC = 1, etaD = 1;

            if (p.BatteryCapacityKwh > 0)
            {
                etaC = p.ChargeEfficiency;
                etaD = p.DischargeEfficiency;
                if (p.SellFirst && surplus > 0)
                {
                    double more = Math.Min(Math.Min(surplus, p.MaxChargeKwh - charge), Math.Max(0, (p.BatteryMaxKwh - stored) / etaC));
                    if (more > 0)
                    {
                        stored += more * etaC;
                        x.StoredLocal += more * etaC;
                        surplus -= more;
                        charge += more;
                    }
                }
                if (buy <= p.GridChargeBelowMicros)
                {
                    double more = Math.Min(Math.Min(p.MaxChargeKwh - charge, importRoom - import), Math.Max(0, (p.BatteryMaxKwh - stored) / etaC));
                    if (more > 0)
                    {
                        stored += more * etaC;
                        import += more;
                        charge += more;
                    }
                }
                storedA[h] = stored;
                x.StoredLocal = Math.Min(x.StoredLocal, stored);
            }

            double export = Math.Min(surplus, p.MaxExportKwh - peerOut - poolOut);
            double curtailed = surplus - export;
            double load = loadA[h];
            double gen = x.Renewable + x.Dispatched;
            double losses = (charge * (1 - etaC)) + (discharge * ((1 / etaD) - 1)) + x.SelfDischarge;

            // Energy balance: generation + import + peers in = served load + export + peers out + curtailment + charge − discharge,
            // and the battery's own books: charge − discharge = Δstored + losses.
            double residual = Math.Max(
                Math.Abs(gen + import + poolIn + peerIn - (load - unmet) - export - poolOut - peerOut - curtailed - charge + discharge),
                Math.Abs(stored - x.StoredAtStart + losses - charge + discharge));
            if (!(residual <= maxResidual))
            {
                maxResidual = double.IsNaN(residual) ? throw new InvalidOperationException($"Energy balance is NaN for household {_m.HouseholdIds[h]} in slot {s}.") : residual;
            }

            importA[h] = import + poolIn;
            exportA[h] = export + poolOut;
            x.DirectImport = import;
            x.DirectExport = export;
            chargeA[h] = charge;
            dischargeA[h] = discharge;
            curtailedA[h] = curtailed;
            unmetA[h] = unmet;
            genA[h] = gen;
            x.Losses = losses;
            x.PeerIn = peerIn;
            x.PeerOut = peerOut;
        }
        sum.MaxResidual = maxResidual;
    }

    /// <summary>
    /// The physical side of a household's flexible orders after the market (see <see cref="FlexibleOrder"/>): energy sold
    /// beyond the surplus is drawn from the battery (÷ discharge efficiency), then from the generator, which runs at its
    /// minimum load at least (any excess joins the surplus); energy a charging bid bought is stored (× charge efficiency).
    /// </summary>
    private static void SettleFlexible(in HouseholdParams p, ref HouseholdScratch x, double peerIn, double peerOut,
        ref double stored, ref double charge, ref double discharge, ref double surplus, ref long budgetLeft)
    {
        double beyondSurplus = peerOut - x.Surplus;
        if (beyondSurplus > 0 && x.BatteryOffer > 0)
        {
            double fromBattery = Math.Min(beyondSurplus, x.BatteryOffer);
            double drawn = fromBattery / p.DischargeEfficiency;
            double localShare = stored > 0 ? x.StoredLocal / stored : 0;
            x.StoredLocal -= drawn * localShare;
            stored -= drawn;
            discharge += fromBattery;
        }
        else if (beyondSurplus > 0 && x.DispatchOffer > 0)
        {
            double fromGenerator = Math.Min(beyondSurplus, x.DispatchOffer);
            double run = x.Dispatched + fromGenerator;
            if (run < p.DispatchMinKwh)
            {
                surplus += p.DispatchMinKwh - run;
                run = p.DispatchMinKwh;
            }
            if (budgetLeft != long.MaxValue)
            {
                budgetLeft -= Price.CostMicros(MeteredEnergy.MicroKwhOf(run), p.DispatchFuelMicrosPerKwh)
                    - Price.CostMicros(MeteredEnergy.MicroKwhOf(x.Dispatched), p.DispatchFuelMicrosPerKwh);
            }
            x.Dispatched = run;
        }
        if (x.ChargeBid > 0 && peerIn > 0)
        {
            stored += peerIn * p.ChargeEfficiency;
            charge += peerIn;
        }
    }

    /// <summary>Step 6: exact metering and prices, per-household totals and the chunk's sums.</summary>
    private void Bill(int s, int from, int to, ref SlotPartials sum)
    {
        long buy = _m.BuyMicros[s], sell = _m.SellMicros[s];
        double perHour = 1 / _m.Calendar.SlotHours;
        double gridEmissions = _m.GridEmissionsKgPerKwh;
        HouseholdParams[] parameters = _m.Params;
        HouseholdScratch[] scratch = _b.Scratch;
        HouseholdAccumulator[] accumulators = _acc;
        HouseholdOccasionalTotals[] occasional = _occasional;
        long[] paidA = _b.Book.PaidMicros;
        double[] loadA = _b.Load, genA = _b.Generation, storedA = _b.Stored;
        double[] importA = _b.Import, exportA = _b.Export, chargeA = _b.Charge, dischargeA = _b.Discharge, curtailedA = _b.Curtailed, unmetA = _b.Unmet;
        long[] costA = _b.Cost;
        SlotMoney? money = _money;
        bool subscriptionDue = SubscriptionDue(s) > 0;
        // Sums in locals: through the ref parameter every add would be a store and a reload.
        double sLoad = 0, sGen = 0, sImport = 0, sExport = 0, sCharge = 0, sDischarge = 0, sStored = 0, sCurtailed = 0, sUnmet = 0, sLosses = 0, sSelf = 0, sPeer = 0, sEmissions = 0;
        long sCost = 0, sBaseline = 0, sPeerPaid = 0;

        for (int h = from; h < to; h++)
        {
            ref readonly HouseholdParams p = ref parameters[h];
            ref readonly HouseholdScratch x = ref scratch[h];
            ref HouseholdAccumulator a = ref accumulators[h];
            double import = importA[h], export = exportA[h], load = loadA[h], dispatched = x.Dispatched;

            // Only what the household exchanged with the utility itself is billed at the tariff; pool energy is in peerPaid.
            long importMicroKwh = MeteredEnergy.MicroKwhOf(x.DirectImport);
            long exportMicroKwh = MeteredEnergy.MicroKwhOf(x.DirectExport);
            // Most slots have either import or export: skip pricing a zero flow.
            long importCost = importMicroKwh != 0 ? Price.CostMicros(importMicroKwh, buy) : 0;
            long exportRevenue = exportMicroKwh != 0 ? Price.CostMicros(exportMicroKwh, sell) : 0;
            long fuel = dispatched > 0 ? Price.CostMicros(MeteredEnergy.MicroKwhOf(dispatched), p.DispatchFuelMicrosPerKwh) : 0;
            long peerPaid = paidA[h];
            long subscription = subscriptionDue ? x.Subscription : 0;
            long cost = checked(importCost - exportRevenue + fuel + peerPaid + subscription);
            double baseNet = load - x.Renewable;
            long baseline;
            if (x.DirectImport == Math.Max(baseNet, 0) && x.DirectExport == Math.Max(-baseNet, 0))
            {
                // The grid saw exactly the bare net position (no battery, peers or limits acted): the baseline bill is this one.
                baseline = importCost - exportRevenue;
            }
            else
            {
                baseline = baseNet >= 0
                    ? Price.CostMicros(MeteredEnergy.MicroKwhOf(baseNet), buy)
                    : -Price.CostMicros(MeteredEnergy.MicroKwhOf(-baseNet), sell);
            }
            double emissions = (import * gridEmissions) + (dispatched * p.DispatchEmissionsKgPerKwh);
            costA[h] = cost;
            if (money is not null)
            {
                money.GridImportMicros[h] = importCost;
                money.GridExportMicros[h] = exportRevenue;
                money.FuelMicros[h] = fuel;
                money.MarketPaidMicros[h] = peerPaid;
                money.SubscriptionMicros[h] = subscription;
            }

            double gen = genA[h], charge = chargeA[h], discharge = dischargeA[h], curtailed = curtailedA[h], unmet = unmetA[h];
            a.Load += load;
            a.Generation += gen;
            a.Import += import;
            a.Export += export;
            a.ImportMicroKwh = checked(a.ImportMicroKwh + importMicroKwh);
            a.ExportMicroKwh = checked(a.ExportMicroKwh + exportMicroKwh);
            a.SelfConsumed += x.SelfConsumed;
            a.PeakImportKw = Math.Max(a.PeakImportKw, import * perHour);
            a.PeakExportKw = Math.Max(a.PeakExportKw, export * perHour);
            a.ImportCost = checked(a.ImportCost + importCost);
            a.ExportRevenue = checked(a.ExportRevenue + exportRevenue);
            a.Baseline = checked(a.Baseline + baseline);
            if (dispatched > 0 || curtailed > 0 || unmet > 0 || charge > 0 || discharge > 0 || x.Losses > 0 || x.PeerIn > 0 || x.PeerOut > 0 || peerPaid != 0)
            {
                ref HouseholdOccasionalTotals o = ref occasional[h];
                o.Dispatchable += dispatched;
                o.Curtailed += curtailed;
                o.Unmet += unmet;
                o.Losses += x.Losses;
                o.Charge += charge;
                o.Discharge += discharge;
                o.PeerBought += x.PeerIn;
                o.PeerSold += x.PeerOut;
                o.PeerPaid = checked(o.PeerPaid + peerPaid);
                o.Fuel = checked(o.Fuel + fuel);
            }

            sLoad += load;
            sGen += gen;
            sImport += import;
            sExport += export;
            sCharge += charge;
            sDischarge += discharge;
            sStored += storedA[h];
            sCurtailed += curtailed;
            sUnmet += unmet;
            sLosses += x.Losses;
            sSelf += x.SelfConsumed;
            sPeer += x.PeerIn;
            sEmissions += emissions;
            sCost = checked(sCost + cost);
            sBaseline = checked(sBaseline + baseline);
            if (x.PeerIn > 0)
            {
                sPeerPaid = checked(sPeerPaid + peerPaid);
            }
        }
        sum.Load += sLoad;
        sum.Generation += sGen;
        sum.Import += sImport;
        sum.Export += sExport;
        sum.Charge += sCharge;
        sum.Discharge += sDischarge;
        sum.Stored += sStored;
        sum.Curtailed += sCurtailed;
        sum.Unmet += sUnmet;
        sum.Losses += sLosses;
        sum.SelfConsumed += sSelf;
        sum.Peer += sPeer;
        sum.Emissions += sEmissions;
        sum.Cost = checked(sum.Cost + sCost);
        sum.Baseline = checked(sum.Baseline + sBaseline);
        sum.PeerPaid = checked(sum.PeerPaid + sPeerPaid);
    }

    /// <summary>Lets a per-period mechanism bill the month: its bills join the households' totals and this slot's cost.</summary>
    private CommunitySlot CloseBillingPeriod(CommunitySlot community)
    {
        long[] paid = _periodPaid;
        Array.Clear(paid);
        _market.CloseBillingPeriod(paid);
        long total = 0;
        for (int h = 0; h < paid.Length; h++)
        {
            if (paid[h] != 0)
            {
                _occasional[h].PeerPaid = checked(_occasional[h].PeerPaid + paid[h]);
                _b.Cost[h] = checked(_b.Cost[h] + paid[h]);
                if (_money is not null)
                {
                    _money.MarketPaidMicros[h] = checked(_money.MarketPaidMicros[h] + paid[h]);
                }
                total = checked(total + paid[h]);
            }
        }
        return total == 0 ? community : community with { CostMicros = checked(community.CostMicros + total) };
    }

    /// <summary>
    /// Energy (kWh) that <paramref name="budgetMicros"/> pays for at <paramref name="priceMicrosPerKwh"/>, one µkWh short
    /// so that rounding the metered energy can never take the cost above the budget; +∞ without a limit or a price.
    /// </summary>
    private static double AffordableKwh(long budgetMicros, long priceMicrosPerKwh)
    {
        if (budgetMicros == long.MaxValue || priceMicrosPerKwh <= 0)
        {
            return double.PositiveInfinity;
        }
        double microKwh = Math.Floor(budgetMicros * (double)MeteredEnergy.MicroKwhPerKwh / priceMicrosPerKwh) - 1;
        return Math.Max(0, microKwh) / MeteredEnergy.MicroKwhPerKwh;
    }

    private CommunitySlot Combine(int s)
    {
        var sum = default(SlotPartials);
        for (int c = 0; c < _partials.Length; c++)
        {
            sum.Add(in _partials[c]);
        }
        double perHour = 1 / _m.Calendar.SlotHours;
        _t.MaxResidualKwh = Math.Max(_t.MaxResidualKwh, sum.MaxResidual);
        _t.CommunityPeakImportKw = Math.Max(_t.CommunityPeakImportKw, sum.Import * perHour);
        _t.CommunityPeakExportKw = Math.Max(_t.CommunityPeakExportKw, sum.Export * perHour);
        // A sharing pool's buyers also pay for the energy the pool imported; that part is the pool's grid cost (budget balance).
        long peerPaid = checked(sum.PeerPaid - Math.Max(_b.Book.PoolGridCostMicros, 0));
        return new CommunitySlot(s, _m.BuyMicros[s], _m.SellMicros[s], sum.Load, sum.Generation, sum.Import, sum.Export, sum.Charge, sum.Discharge,
            sum.Stored, sum.Curtailed, sum.Unmet, sum.Losses, sum.SelfConsumed, sum.Peer, sum.Cost, sum.Baseline, sum.Emissions, sum.MaxResidual, peerPaid);
    }
}
