using PeerGrid.Domain.Households;
using PeerGrid.Domain.Quantities;
using PeerGrid.Domain.Tariffs;
using PeerGrid.Simulation.Physics;
using PeerGrid.Simulation.Profiles;
using PeerGrid.Simulation.Randomness;
using PeerGrid.Simulation.Scenarios;
using PeerGrid.Simulation.Time;

namespace PeerGrid.Simulation.Engine;

/// <summary>Turns a validated <see cref="Scenario"/> into the arrays of a <see cref="CommunityModel"/>.</summary>
internal static class CommunityCompiler
{
    /// <summary>The id of the built-in BDEW H25 household profile.</summary>
    public const string StandardHouseholdProfile = "bdew-h25";

    public static CommunityModel Compile(Scenario scenario)
    {
        TimeZoneInfo tz = TimeZoneInfo.FindSystemTimeZoneById(scenario.TimeZoneId);
        SlotCalendar calendar = SlotCalendar.Create(scenario.StartLocal, tz, scenario.SlotMinutes, scenario.HorizonDays, scenario.HorizonHours);
        WeatherSeries weather = WeatherModel.Generate(scenario.Location, calendar, scenario.Seed);
        IReadOnlyList<Household> hs = scenario.Households;
        int n = hs.Count;
        double hours = calendar.SlotHours;

        var series = new SeriesSet(calendar, scenario.Profiles);
        var loadTerms = new Terms();
        var genTerms = new Terms();
        var pvHouse = new List<int>();
        var pv = new List<PvCoefficients>();
        var windHouse = new List<int>();
        var wind = new List<WindCoefficients>();
        var sources = new DeviceSources(hs);

        var model = new CommunityModel
        {
            Calendar = calendar,
            Weather = weather,
            HouseholdCount = n,
            HouseholdIds = [.. hs.Select(h => h.Id)],
            HasGeneration = [.. hs.Select(h => h.Generators.Any(g => g.IsOn))],
            BuyMicros = PricePerSlot(scenario.Tariff.Import, calendar),
            SellMicros = PricePerSlot(scenario.Tariff.Export, calendar),
            GridEmissionsKgPerKwh = scenario.GridEmissionsKgPerKwh,
            Appliances = ApplianceTables.Build(hs, scenario.SlotMinutes, scenario.Seed),
            Jobs = DeferrableJobs.Build(hs, scenario.SlotMinutes),
            Params = new HouseholdParams[n],
            BatteryInitialKwh = new double[n],
            MinSellMicros = new long[n],
            MaxBuyMicros = new long[n],
            HasRenewableGeneration = new bool[n],
            GreenOnly = [.. hs.Select(h => h.Preferences.GreenOnly)],
            PreferredSellers = PreferredSellerIndexes(hs),
        };
        if (scenario.PlatformSubscriptionPerMonth > 0)
        {
            (model.SubscriptionSlots, model.SubscriptionMicros) = SubscriptionDues(scenario.PlatformSubscriptionPerMonth, scenario.StartLocal, calendar);
        }

        for (int h = 0; h < n; h++)
        {
            Household house = hs[h];
            if (house.BaseLoad is { } baseLoad)
            {
                loadTerms.Add(h, series.IndexOf(baseLoad.ProfileId), baseLoad.AnnualKwh / series.AnnualKwhOf(baseLoad.ProfileId));
                sources.LoadTermAppliance.Add(-1);
            }
            for (int i = 0; i < house.Appliances.Count; i++)
            {
                Appliance a = house.Appliances[i];
                if (a.IsOn && a.Usage is ProfileUsage p)
                {
                    loadTerms.Add(h, series.IndexOf(p.ProfileId), p.Scale);
                    sources.LoadTermAppliance.Add(sources.Map.ApplianceStart[h] + i);
                }
            }
            for (int i = 0; i < house.Generators.Count; i++)
            {
                Generator g = house.Generators[i];
                if (!g.IsOn)
                {
                    continue;
                }
                int number = sources.Map.GeneratorStart[h] + i;
                model.HasRenewableGeneration[h] |= g.IsRenewable;
                switch (g)
                {
                    case SolarPv solar:
                        pvHouse.Add(h);
                        pv.Add(SolarPvModel.Prepare(solar));
                        sources.PvGenerator.Add(number);
                        break;
                    case WindTurbine turbine:
                        windHouse.Add(h);
                        wind.Add(WindTurbineModel.Prepare(turbine));
                        sources.WindGenerator.Add(number);
                        break;
                    case ProfileGenerator profile:
                        genTerms.Add(h, series.IndexOf(profile.ProfileId), profile.Scale);
                        sources.GenTermGenerator.Add(number);
                        break;
                    case DispatchableGenerator d:
                        PoolDispatchable(model, h, d, hours);
                        sources.AddDispatchable(number, h, d.RatedKw);
                        break;
                    default:
                        throw new InvalidOperationException($"Unknown generator type {g.GetType().Name}.");
                }
            }
            PoolBatteries(model, h, house.Batteries.Where(x => x.IsOn).ToList(), hours, house.Preferences.ReserveSoc);
            ApplyPreferences(model, h, house.Preferences);
            model.Params[h].MaxImportKwh = house.MaxImportKw is { } mi ? mi * hours : double.PositiveInfinity;
            model.Params[h].MaxExportKwh = house.MaxExportKw is { } me ? me * hours : double.PositiveInfinity;
        }

        model.Series = series.ToArray();
        model.LoadTermHousehold = [.. loadTerms.Household];
        model.LoadTermSeries = [.. loadTerms.Series];
        model.LoadTermScale = [.. loadTerms.Scale];
        model.GenTermHousehold = [.. genTerms.Household];
        model.GenTermSeries = [.. genTerms.Series];
        model.GenTermScale = [.. genTerms.Scale];
        model.PvHousehold = [.. pvHouse];
        model.Pv = [.. pv];
        model.WindHousehold = [.. windHouse];
        model.Wind = [.. wind];
        model.Devices = sources.ToMap();
        return model;
    }

    private static long[] PricePerSlot(PriceSchedule schedule, SlotCalendar calendar)
    {
        long[] prices = new long[calendar.SlotCount];
        for (int s = 0; s < prices.Length; s++)
        {
            prices[s] = schedule.At(calendar.DayKinds[s], calendar.LocalMinuteOfDay[s]).MicrosPerKwh;
        }
        return prices;
    }

    private static void PoolBatteries(CommunityModel m, int h, List<Battery> batteries, double hours, double reserveSoc)
    {
        if (batteries.Count == 0)
        {
            return;
        }
        double cap = 0, min = 0, max = 0, init = 0, charge = 0, discharge = 0, etaC = 0, etaD = 0, selfDischarge = 0;
        foreach (Battery x in batteries)
        {
            cap += x.CapacityKwh;
            min += x.MinSoc * x.CapacityKwh;
            max += x.MaxSoc * x.CapacityKwh;
            init += x.InitialSoc * x.CapacityKwh;
            charge += x.MaxChargeKw * hours;
            discharge += x.MaxDischargeKw * hours;
            etaC += x.ChargeEfficiency * x.CapacityKwh;
            etaD += x.DischargeEfficiency * x.CapacityKwh;
            selfDischarge += x.SelfDischargePerDay * x.CapacityKwh;
        }
        ref HouseholdParams p = ref m.Params[h];
        p.BatteryCapacityKwh = cap;
        p.BatteryMinKwh = min;
        p.BatteryMaxKwh = max;
        m.BatteryInitialKwh[h] = init;
        p.MaxChargeKwh = charge;
        p.MaxDischargeKwh = discharge;
        p.ChargeEfficiency = etaC / cap;
        p.DischargeEfficiency = etaD / cap;
        // A daily loss fraction compounds per slot: retention^(slots per day) = 1 − daily loss.
        p.RetentionPerSlot = Math.Pow(1 - (selfDischarge / cap), hours / 24.0);
        p.ReserveKwh = reserveSoc * cap;
    }

    private static void PoolDispatchable(CommunityModel m, int h, DispatchableGenerator d, double hours)
    {
        ref HouseholdParams p = ref m.Params[h];
        double before = p.DispatchMaxKwh;
        double added = d.RatedKw * hours;
        long fuel = Price.FromDecimal(d.FuelCostPerKwh).MicrosPerKwh;
        double minRun = d.MinLoadFraction * added;
        p.DispatchMinKwh = before > 0 ? Math.Min(p.DispatchMinKwh, minRun) : minRun;
        p.DispatchFuelMicrosPerKwh = before > 0 ? (long)Math.Round(((p.DispatchFuelMicrosPerKwh * before) + (fuel * added)) / (before + added)) : fuel;
        p.DispatchEmissionsKgPerKwh = ((p.DispatchEmissionsKgPerKwh * before) + (d.EmissionsKgPerKwh * added)) / (before + added);
        p.DispatchMaxKwh = before + added;
    }

    /// <summary>
    /// Per billing month of the run (local calendar month): its first slot and the subscription due for it, the monthly
    /// fee × the month's local days in the run ÷ its days, rounded half-to-even to the micro-unit.
    /// </summary>
    private static (int[] Slots, long[] Micros) SubscriptionDues(decimal perMonth, DateTime startLocal, SlotCalendar calendar)
    {
        var slots = new List<int>();
        var micros = new List<long>();
        int s = 0;
        while (s < calendar.SlotCount)
        {
            int first = s;
            while (s < calendar.SlotCount && calendar.Month[s] == calendar.Month[first])
            {
                s++;
            }
            int firstDay = calendar.LocalDayIndex[first], lastDay = calendar.LocalDayIndex[s - 1];
            DateTime date = startLocal.Date.AddDays(firstDay);
            decimal share = (decimal)(lastDay - firstDay + 1) / DateTime.DaysInMonth(date.Year, date.Month);
            slots.Add(first);
            micros.Add((long)Math.Round(perMonth * 1_000_000m * Math.Min(share, 1m), MidpointRounding.ToEven));
        }
        return ([.. slots], [.. micros]);
    }

    /// <summary>Each household's preferred sellers as household indexes (the auctions' participant ids).</summary>
    private static int[][] PreferredSellerIndexes(IReadOnlyList<Household> hs)
    {
        var result = new int[hs.Count][];
        Dictionary<string, int>? index = null;
        for (int h = 0; h < hs.Count; h++)
        {
            IReadOnlyList<string> sellers = hs[h].Preferences.PreferredSellerIds;
            if (sellers.Count == 0)
            {
                result[h] = [];
                continue;
            }
            index ??= hs.Select((x, i) => (x.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
            result[h] = [.. sellers.Select(id => index.TryGetValue(id, out int i)
                ? i
                : throw new InvalidOperationException($"Household '{hs[h].Id}' prefers seller '{id}', which is not a household of the scenario (validate the scenario first)."))];
        }
        return result;
    }

    private static void ApplyPreferences(CommunityModel m, int h, Preferences p)
    {
        ref HouseholdParams q = ref m.Params[h];
        q.SellFirst = p.StorageMode == StorageMode.SellFirst;
        q.GridChargeBelowMicros = p.GridChargeBelowPrice is { } g ? Price.FromDecimal(g).MicrosPerKwh : long.MinValue;
        q.SellSurplus = p.SellSurplus;
        q.BuysFromPeers = p.PreferP2P;
        m.MinSellMicros[h] = p.MinSellPrice is { } s ? Price.FromDecimal(s).MicrosPerKwh : long.MinValue;
        m.MaxBuyMicros[h] = p.MaxBuyPrice is { } b ? Price.FromDecimal(b).MicrosPerKwh : long.MaxValue;
    }

    /// <summary>The <see cref="DeviceMap"/> collected alongside the model's sources, in the same order.</summary>
    private sealed class DeviceSources
    {
        private readonly List<double> _dispatchRatedKw = [];

        public DeviceSources(IReadOnlyList<Household> hs)
        {
            int[] appliances = new int[hs.Count + 1], generators = new int[hs.Count + 1];
            for (int h = 0; h < hs.Count; h++)
            {
                appliances[h + 1] = appliances[h] + hs[h].Appliances.Count;
                generators[h + 1] = generators[h] + hs[h].Generators.Count;
            }
            Map = new DeviceMap { ApplianceStart = appliances, GeneratorStart = generators };
        }

        public DeviceMap Map { get; }
        public List<int> LoadTermAppliance { get; } = [];
        public List<int> GenTermGenerator { get; } = [];
        public List<int> PvGenerator { get; } = [];
        public List<int> WindGenerator { get; } = [];
        private List<int> DispatchGenerator { get; } = [];
        private List<int> DispatchHousehold { get; } = [];

        public void AddDispatchable(int number, int household, double ratedKw)
        {
            DispatchGenerator.Add(number);
            DispatchHousehold.Add(household);
            _dispatchRatedKw.Add(ratedKw);
        }

        public DeviceMap ToMap()
        {
            var pooled = new Dictionary<int, double>();
            for (int i = 0; i < DispatchHousehold.Count; i++)
            {
                pooled[DispatchHousehold[i]] = pooled.GetValueOrDefault(DispatchHousehold[i]) + _dispatchRatedKw[i];
            }
            Map.LoadTermAppliance = [.. LoadTermAppliance];
            Map.GenTermGenerator = [.. GenTermGenerator];
            Map.PvGenerator = [.. PvGenerator];
            Map.WindGenerator = [.. WindGenerator];
            Map.DispatchGenerator = [.. DispatchGenerator];
            Map.DispatchHousehold = [.. DispatchHousehold];
            Map.DispatchShare = [.. DispatchHousehold.Select((h, i) => _dispatchRatedKw[i] / pooled[h])];
            return Map;
        }
    }

    /// <summary>Coefficient lists for load/generation terms that follow a shared series.</summary>
    private sealed class Terms
    {
        public List<int> Household { get; } = [];
        public List<int> Series { get; } = [];
        public List<double> Scale { get; } = [];

        public void Add(int household, int series, double scale)
        {
            Household.Add(household);
            Series.Add(series);
            Scale.Add(scale);
        }
    }

    /// <summary>Each distinct profile resampled onto the calendar once, however many households use it.</summary>
    private sealed class SeriesSet(SlotCalendar calendar, IReadOnlyDictionary<string, Profile> profiles)
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<double[]> _series = [];
        private readonly List<double> _annualKwh = [];

        public int IndexOf(string id)
        {
            if (_index.TryGetValue(id, out int i))
            {
                return i;
            }
            double[] values;
            double annual;
            if (id == StandardHouseholdProfile)
            {
                // Normalised to 1 kWh per year: a household's term scale is then its annual consumption.
                values = ProfileResampler.StandardH25(calendar, 1.0);
                annual = 1.0;
            }
            else
            {
                Profile profile = profiles.TryGetValue(id, out Profile? p) ? p : throw new InvalidOperationException($"Profile '{id}' was not loaded (the validator should have caught this).");
                values = ProfileResampler.ToSlots(profile, calendar);
                double sum = 0;
                foreach (double v in values)
                {
                    sum += v;
                }
                double years = calendar.SlotCount * calendar.SlotHours / (365.25 * 24);
                annual = sum > 0 ? sum / years : 1.0;
            }
            i = _series.Count;
            _series.Add(values);
            _annualKwh.Add(annual);
            _index.Add(id, i);
            return i;
        }

        /// <summary>The series' energy per year over the run, for scaling a profile to a household's annual kWh.</summary>
        public double AnnualKwhOf(string id) => _annualKwh[IndexOf(id)];

        public double[][] ToArray() => [.. _series];
    }
}
