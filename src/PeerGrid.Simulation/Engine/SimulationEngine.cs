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
/// Single-threaded and allocation-free per slot, so a run is a pure function of (scenario, seed).
/// </summary>
internal sealed class SimulationEngine
{
    private const int ProgressEverySlots = 96;

    private readonly CommunityModel _m;
    private readonly IMarketMechanism _market;
    private readonly IReadOnlyList<ISimulationObserver> _observers;
    private readonly SlotBuffers _b;
    private readonly RunTotals _t;
    private readonly long[] _buyPrefix;
    private readonly double[] _sunPrefix;

    public SimulationEngine(CommunityModel model, IMarketMechanism market, IReadOnlyList<ISimulationObserver> observers)
    {
        _m = model;
        _market = market;
        _observers = observers;
        int n = model.HouseholdCount;
        _b = new SlotBuffers(n);
        _t = new RunTotals(n, model.HouseholdIds, model.HasGeneration, model.Calendar.SlotHours, model.Calendar.SlotCount);
        int slots = model.Calendar.SlotCount;
        _buyPrefix = new long[slots + 1];
        _sunPrefix = new double[slots + 1];
        for (int s = 0; s < slots; s++)
        {
            _buyPrefix[s + 1] = _buyPrefix[s] + model.BuyMicros[s];
            _sunPrefix[s + 1] = _sunPrefix[s] + model.Weather.GhiWm2[s];
        }
        Array.Copy(model.BatteryInitialKwh, _b.Stored, n);
        // Whatever a battery holds at the start counts as local energy: it is the household's own.
        Array.Copy(model.BatteryInitialKwh, _b.StoredLocal, n);
        Array.Copy(model.BatteryInitialKwh, _t.StoredStartKwh, n);
    }

    public RunTotals Run(RunInfo info, Action<int, int>? progress, CancellationToken cancel)
    {
        foreach (ISimulationObserver o in _observers)
        {
            o.OnStart(info);
        }
        var calendar = _m.Calendar;
        int day = 0;
        for (int s = 0; s < calendar.SlotCount; s++)
        {
            if (day < calendar.DayCount && calendar.DayStarts[day] == s)
            {
                _m.Jobs.ScheduleDay(calendar, day, _buyPrefix, _sunPrefix);
                day++;
                cancel.ThrowIfCancellationRequested();
            }
            ComputeLoadAndGeneration(s);
            DispatchBeforeMarket(s);
            PrepareBook(s);
            _market.Clear(_b.Book);
            CommunitySlot community = SettleAfterMarket(s);
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
        foreach (ISimulationObserver o in _observers)
        {
            o.OnEnd(_t);
        }
        return _t;
    }

    private void ComputeLoadAndGeneration(int s)
    {
        double[] load = _b.Load, gen = _b.Generation;
        Array.Clear(load);
        Array.Clear(gen);
        var calendar = _m.Calendar;
        double hours = calendar.SlotHours;

        ApplianceTables tables = _m.Appliances;
        if (tables.TableCount > 0)
        {
            int bin = Math.Min(calendar.LocalMinuteOfDay[s] / calendar.SlotMinutes, tables.BinsPerDay - 1);
            int row = (((int)calendar.DayKinds[s] * tables.BinsPerDay) + bin) * tables.TableCount;
            double[] values = tables.Values;
            int[] tableOf = tables.TableOf;
            for (int h = 0; h < load.Length; h++)
            {
                int t = tableOf[h];
                if (t >= 0)
                {
                    load[h] += values[row + t];
                }
            }
        }

        double[][] series = _m.Series;
        AddTerms(s, series, _m.LoadTermHousehold, _m.LoadTermSeries, _m.LoadTermScale, load);
        AddTerms(s, series, _m.GenTermHousehold, _m.GenTermSeries, _m.GenTermScale, gen);
        _m.Jobs.AddLoad(s, hours, load);

        WeatherSeries w = _m.Weather;
        int[] pvHouse = _m.PvHousehold;
        PvCoefficients[] pv = _m.Pv;
        for (int i = 0; i < pv.Length; i++)
        {
            gen[pvHouse[i]] += SolarPvModel.EnergyKwh(in pv[i], w, s, hours);
        }
        int[] windHouse = _m.WindHousehold;
        WindCoefficients[] wind = _m.Wind;
        for (int i = 0; i < wind.Length; i++)
        {
            gen[windHouse[i]] += WindTurbineModel.EnergyKwh(in wind[i], w, s, hours);
        }
    }

    private static void AddTerms(int s, double[][] series, int[] house, int[] which, double[] scale, double[] target)
    {
        for (int i = 0; i < house.Length; i++)
        {
            target[house[i]] += series[which[i]][s] * scale[i];
        }
    }

    private void DispatchBeforeMarket(int s)
    {
        CommunityModel m = _m;
        SlotBuffers b = _b;
        long buy = m.BuyMicros[s];
        for (int h = 0; h < m.HouseholdCount; h++)
        {
            double load = b.Load[h], gen = b.Generation[h];
            b.StoredAtStart[h] = b.Stored[h];
            double direct = Math.Min(load, gen);
            double surplus = gen - direct;
            double deficit = load - direct;
            double selfConsumed = direct;
            double charge = 0, discharge = 0, selfDischarge = 0;

            if (m.BatteryCapacityKwh[h] > 0)
            {
                double stored = b.Stored[h], local = b.StoredLocal[h];
                double min = m.BatteryMinKwh[h];
                if (stored > min)
                {
                    // Self-discharge never takes the battery below its minimum SoC (the BMS holds that reserve).
                    double after = Math.Max(min, stored * m.BatteryRetentionPerSlot[h]);
                    selfDischarge = stored - after;
                    local *= after / stored;
                    stored = after;
                }
                if (!m.SellFirst[h] && surplus > 0)
                {
                    double etaC = m.BatteryChargeEfficiency[h];
                    charge = Math.Min(Math.Min(surplus, m.BatteryMaxChargeKwhPerSlot[h]), Math.Max(0, (m.BatteryMaxKwh[h] - stored) / etaC));
                    stored += charge * etaC;
                    local += charge * etaC;
                    surplus -= charge;
                }
                double floor = Math.Max(min, m.ReserveKwh[h]);
                if (deficit > 0 && stored > floor)
                {
                    double etaD = m.BatteryDischargeEfficiency[h];
                    discharge = Math.Min(Math.Min(deficit, m.BatteryMaxDischargeKwhPerSlot[h]), (stored - floor) * etaD);
                    double drawn = discharge / etaD;
                    double localShare = stored > 0 ? local / stored : 0;
                    selfConsumed += discharge * localShare;
                    local -= drawn * localShare;
                    stored -= drawn;
                    deficit -= discharge;
                }
                b.Stored[h] = Math.Max(stored, 0);
                b.StoredLocal[h] = Math.Clamp(local, 0, b.Stored[h]);
            }

            double dispatched = 0;
            double maxDispatch = m.DispatchMaxKwhPerSlot[h];
            if (deficit > 0 && maxDispatch > 0 && (m.DispatchFuelMicrosPerKwh[h] < buy || deficit > m.MaxImportKwhPerSlot[h]))
            {
                dispatched = Math.Min(Math.Max(deficit, m.DispatchMinKwhPerSlot[h]), maxDispatch);
                double used = Math.Min(dispatched, deficit);
                selfConsumed += used;
                deficit -= used;
                surplus += dispatched - used;
            }

            b.Surplus[h] = surplus;
            b.Deficit[h] = deficit;
            b.Charge[h] = charge;
            b.Discharge[h] = discharge;
            b.SelfDischarge[h] = selfDischarge;
            b.Dispatched[h] = dispatched;
            b.SelfConsumed[h] = selfConsumed;
        }
    }

    private void PrepareBook(int s)
    {
        CommunityModel m = _m;
        MarketSlot book = _b.Book;
        book.Slot = s;
        book.GridBuyMicrosPerKwh = m.BuyMicros[s];
        book.GridSellMicrosPerKwh = m.SellMicros[s];
        double[] net = book.NetKwh;
        for (int h = 0; h < m.HouseholdCount; h++)
        {
            net[h] = _b.Deficit[h] - (m.SellSurplus[h] ? _b.Surplus[h] : 0);
            book.BidLimitMicrosPerKwh[h] = m.MaxBuyMicros[h];
            book.OfferLimitMicrosPerKwh[h] = m.MinSellMicros[h];
            book.IsRenewable[h] = m.HasRenewableGeneration[h];
        }
        Array.Clear(book.TradedKwh);
        Array.Clear(book.PaidMicros);
    }

    private CommunitySlot SettleAfterMarket(int s)
    {
        CommunityModel m = _m;
        SlotBuffers b = _b;
        RunTotals t = _t;
        long buy = m.BuyMicros[s], sell = m.SellMicros[s];
        double hours = m.Calendar.SlotHours;
        double sumLoad = 0, sumGen = 0, sumImport = 0, sumExport = 0, sumCharge = 0, sumDischarge = 0, sumStored = 0;
        double sumCurtailed = 0, sumUnmet = 0, sumLosses = 0, sumSelf = 0, sumPeer = 0, sumEmissions = 0, maxResidual = 0;
        long sumCost = 0, sumBaseline = 0;

        for (int h = 0; h < m.HouseholdCount; h++)
        {
            double traded = b.Book.TradedKwh[h];
            double deficit = b.Deficit[h] - Math.Max(traded, 0);
            double surplus = b.Surplus[h] - Math.Max(-traded, 0);
            double charge = b.Charge[h];
            double stored = b.Stored[h];
            bool gridChargeSlot = false;

            if (m.BatteryCapacityKwh[h] > 0)
            {
                double etaC = m.BatteryChargeEfficiency[h];
                if (m.SellFirst[h] && surplus > 0)
                {
                    double more = Math.Min(Math.Min(surplus, m.BatteryMaxChargeKwhPerSlot[h] - charge), Math.Max(0, (m.BatteryMaxKwh[h] - stored) / etaC));
                    if (more > 0)
                    {
                        stored += more * etaC;
                        b.StoredLocal[h] += more * etaC;
                        surplus -= more;
                        charge += more;
                    }
                }
                gridChargeSlot = buy <= m.GridChargeBelowMicros[h];
            }

            double import = Math.Min(deficit, m.MaxImportKwhPerSlot[h]);
            double unmet = deficit - import;
            if (gridChargeSlot && m.BatteryCapacityKwh[h] > 0)
            {
                double etaC = m.BatteryChargeEfficiency[h];
                double more = Math.Min(Math.Min(m.BatteryMaxChargeKwhPerSlot[h] - charge, m.MaxImportKwhPerSlot[h] - import), Math.Max(0, (m.BatteryMaxKwh[h] - stored) / etaC));
                if (more > 0)
                {
                    stored += more * etaC;
                    import += more;
                    charge += more;
                }
            }
            double export = Math.Min(surplus, m.MaxExportKwhPerSlot[h]);
            double curtailed = surplus - export;
            b.Stored[h] = stored;
            if (b.StoredLocal[h] > stored)
            {
                b.StoredLocal[h] = stored;
            }

            double load = b.Load[h];
            double gen = b.Generation[h] + b.Dispatched[h];
            double discharge = b.Discharge[h];
            double etaCh = m.BatteryCapacityKwh[h] > 0 ? m.BatteryChargeEfficiency[h] : 1;
            double etaDh = m.BatteryCapacityKwh[h] > 0 ? m.BatteryDischargeEfficiency[h] : 1;
            double losses = (charge * (1 - etaCh)) + (discharge * ((1 / etaDh) - 1)) + b.SelfDischarge[h];
            double peerIn = Math.Max(traded, 0), peerOut = Math.Max(-traded, 0);

            // Energy balance: generation + import + peers in = served load + export + peers out + curtailment + charge − discharge,
            // where charge − discharge = Δstored + losses.
            double residual = Math.Abs(gen + import + peerIn - (load - unmet) - export - peerOut - curtailed - charge + discharge);
            // And the battery's own books: what went in minus what came out is the change in content plus losses.
            residual = Math.Max(residual, Math.Abs(stored - b.StoredAtStart[h] + losses - charge + discharge));
            if (residual > maxResidual)
            {
                maxResidual = residual;
            }

            long importMicroKwh = MeteredEnergy.FromKwh(import).MicroKwh;
            long exportMicroKwh = MeteredEnergy.FromKwh(export).MicroKwh;
            long importCost = Price.MulDivRound(importMicroKwh, buy, MeteredEnergy.MicroKwhPerKwh);
            long exportRevenue = Price.MulDivRound(exportMicroKwh, sell, MeteredEnergy.MicroKwhPerKwh);
            long fuel = b.Dispatched[h] > 0 ? Price.MulDivRound(MeteredEnergy.FromKwh(b.Dispatched[h]).MicroKwh, m.DispatchFuelMicrosPerKwh[h], MeteredEnergy.MicroKwhPerKwh) : 0;
            long peerPaid = b.Book.PaidMicros[h];
            long cost = checked(importCost - exportRevenue + fuel + peerPaid);

            double baseNet = load - b.Generation[h];
            long baseline = baseNet >= 0
                ? Price.MulDivRound(MeteredEnergy.FromKwh(baseNet).MicroKwh, buy, MeteredEnergy.MicroKwhPerKwh)
                : -Price.MulDivRound(MeteredEnergy.FromKwh(-baseNet).MicroKwh, sell, MeteredEnergy.MicroKwhPerKwh);
            double emissions = (import * m.GridEmissionsKgPerKwh) + (b.Dispatched[h] * m.DispatchEmissionsKgPerKwh[h]);

            b.Import[h] = import;
            b.Export[h] = export;
            b.Charge[h] = charge;
            b.Curtailed[h] = curtailed;
            b.Unmet[h] = unmet;
            b.Cost[h] = cost;
            b.Generation[h] = gen;

            t.LoadKwh[h] += load;
            t.GenerationKwh[h] += gen;
            t.DispatchableKwh[h] += b.Dispatched[h];
            t.ImportKwh[h] += import;
            t.ExportKwh[h] += export;
            t.ImportMicroKwh[h] = checked(t.ImportMicroKwh[h] + importMicroKwh);
            t.ExportMicroKwh[h] = checked(t.ExportMicroKwh[h] + exportMicroKwh);
            t.SelfConsumedKwh[h] += b.SelfConsumed[h];
            t.CurtailedKwh[h] += curtailed;
            t.UnmetKwh[h] += unmet;
            t.LossesKwh[h] += losses;
            t.ChargeKwh[h] += charge;
            t.DischargeKwh[h] += discharge;
            t.PeerBoughtKwh[h] += peerIn;
            t.PeerSoldKwh[h] += peerOut;
            t.PeakImportKw[h] = Math.Max(t.PeakImportKw[h], import / hours);
            t.PeakExportKw[h] = Math.Max(t.PeakExportKw[h], export / hours);
            t.ImportCostMicros[h] = checked(t.ImportCostMicros[h] + importCost);
            t.ExportRevenueMicros[h] = checked(t.ExportRevenueMicros[h] + exportRevenue);
            t.PeerNetPaidMicros[h] = checked(t.PeerNetPaidMicros[h] + peerPaid);
            t.FuelCostMicros[h] = checked(t.FuelCostMicros[h] + fuel);
            t.BaselineCostMicros[h] = checked(t.BaselineCostMicros[h] + baseline);
            t.EmissionsKg[h] += emissions;

            sumLoad += load;
            sumGen += gen;
            sumImport += import;
            sumExport += export;
            sumCharge += charge;
            sumDischarge += discharge;
            sumStored += stored;
            sumCurtailed += curtailed;
            sumUnmet += unmet;
            sumLosses += losses;
            sumSelf += b.SelfConsumed[h];
            sumPeer += peerIn;
            sumEmissions += emissions;
            sumCost = checked(sumCost + cost);
            sumBaseline = checked(sumBaseline + baseline);
        }

        if (maxResidual > t.MaxResidualKwh)
        {
            t.MaxResidualKwh = maxResidual;
        }
        t.CommunityPeakImportKw = Math.Max(t.CommunityPeakImportKw, sumImport / hours);
        t.CommunityPeakExportKw = Math.Max(t.CommunityPeakExportKw, sumExport / hours);
        return new CommunitySlot(s, buy, sell, sumLoad, sumGen, sumImport, sumExport, sumCharge, sumDischarge, sumStored,
            sumCurtailed, sumUnmet, sumLosses, sumSelf, sumPeer, sumCost, sumBaseline, sumEmissions, maxResidual);
    }
}
