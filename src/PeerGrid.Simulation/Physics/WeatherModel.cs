using PeerGrid.Domain;
using PeerGrid.Simulation.Randomness;
using PeerGrid.Simulation.Time;

namespace PeerGrid.Simulation.Physics;

/// <summary>
/// Synthesises a location's weather for a run from its climate normals and the run seed (docs/physics.md).
/// A pure function of (location, calendar, seed): no clock, no global random source, bit-identical on every run.
/// </summary>
public static class WeatherModel
{
    // Sub-streams of Streams.Weather; never renumber (it would change every run's weather).
    private const ulong DailyClearnessStream = 0;
    private const ulong IntradayCloudStream = 1;
    private const ulong TemperatureAnomalyStream = 2;
    private const ulong DailyClearnessJitterStream = 3;

    /// <summary>Upper bound on DNI as a share of the extraterrestrial normal irradiance (a very clear, dry sky).</summary>
    private const double MaxBeamTransmittance = 0.85;

    /// <summary>
    /// Weather for every slot of <paramref name="calendar"/>. Allocates the series' arrays and a few scratch arrays
    /// once; the result is read-only by convention. The same seed gives every location the same "luck"
    /// (common random numbers), which keeps comparisons between locations fair.
    /// </summary>
    /// <exception cref="ArgumentException">The location fails validation.</exception>
    public static WeatherSeries Generate(Location location, SlotCalendar calendar, ulong seed)
    {
        var errors = new ValidationErrors();
        location.Validate("location", errors);
        if (!errors.IsEmpty)
        {
            throw new ArgumentException($"Invalid location: {string.Join("; ", errors.All)}", nameof(location));
        }

        int n = calendar.SlotCount;
        var w = new WeatherSeries(n);
        var extraterrestrialHorizontal = new double[n];
        var extraterrestrialNormal = new double[n];
        var clearSky = new double[n];
        var solarHour = new double[n];
        var cloudFactor = new double[n];

        List<SolarDay> days = ComputeGeometry(location, calendar, w, extraterrestrialHorizontal, extraterrestrialNormal, clearSky, solarHour);
        FillIntradayCloudNoise(cloudFactor, calendar.SlotHours, DeterministicRandom.For(seed, Streams.Weather, IntradayCloudStream));
        FillGlobalIrradiance(location.Climate, days, extraterrestrialHorizontal, clearSky, cloudFactor, w.GhiWm2, seed);
        SplitIrradiance(w, extraterrestrialHorizontal, extraterrestrialNormal);
        FillAirTemperature(location, days, solarHour, w.AirTempC, seed);
        WindSpeedModel.Fill(w.WindSpeed10mMs, solarHour, calendar.SlotHours, location.Climate.WindSpeedMs, location.Climate.WeibullK,
            DeterministicRandom.For(seed, Streams.Wind, 0));
        return w;
    }

    /// <summary>One true-solar day of the run (midnight to midnight in apparent solar time).</summary>
    private sealed class SolarDay(DateTime date, int firstSlot)
    {
        public DateTime Date { get; } = date;
        public int FirstSlot { get; } = firstSlot;
        public int SlotCount { get; set; }
        public double SunsetHourAngleRad { get; set; }
        public double ExtraterrestrialKwhM2 { get; set; }
        public double Clearness { get; set; }
    }

    private static List<SolarDay> ComputeGeometry(
        Location location, SlotCalendar calendar, WeatherSeries w,
        double[] extraterrestrialHorizontal, double[] extraterrestrialNormal, double[] clearSky, double[] solarHour)
    {
        double lat = location.LatitudeDegrees, lon = location.LongitudeDegrees;
        double halfWidthRad = Math.PI * calendar.SlotMinutes / 1440.0;
        long startTicks = calendar.StartUtc.UtcTicks;
        long slotTicks = calendar.SlotMinutes * TimeSpan.TicksPerMinute;
        var days = new List<SolarDay>();
        SolarDay? day = null;

        for (int s = 0; s < calendar.SlotCount; s++)
        {
            var midUtc = new DateTimeOffset(startTicks + (s * slotTicks) + (slotTicks / 2), TimeSpan.Zero);
            SunPosition sun = SolarPosition.At(midUtc, lat, lon);
            w.SunEast[s] = sun.East;
            w.SunNorth[s] = sun.North;
            w.SunUp[s] = sun.Up;

            double normal = SolarPosition.SolarConstantWm2 * sun.EccentricityFactor;
            (double meanCosZenith, double sunlitFraction) = SolarPosition.SlotMean(sun, lat, halfWidthRad);
            extraterrestrialNormal[s] = normal;
            extraterrestrialHorizontal[s] = normal * meanCosZenith;
            clearSky[s] = sunlitFraction > 0 ? sunlitFraction * ClearnessModel.ClearSkyGhiWm2(meanCosZenith / sunlitFraction) : 0.0;

            // Apparent solar time rises monotonically (the equation of time drifts < 1 min/day), so days are contiguous.
            DateTime solarTime = midUtc.UtcDateTime.AddMinutes((4.0 * lon) + sun.EquationOfTimeMinutes);
            solarHour[s] = solarTime.TimeOfDay.TotalHours;
            if (day is null || solarTime.Date != day.Date)
            {
                day = new SolarDay(solarTime.Date, s)
                {
                    SunsetHourAngleRad = SolarPosition.SunsetHourAngle(lat, sun.DeclinationRad),
                };
                days.Add(day);
            }
            day.SlotCount++;
        }
        return days;
    }

    private static void FillIntradayCloudNoise(double[] cloudFactor, double slotHours, DeterministicRandom random)
    {
        // Unit-variance AR(1); each day scales it by its own σ when the irradiance is shaped.
        double rho = Math.Exp(-slotHours / ClearnessModel.IntradayTimescaleHours);
        double innovation = Math.Sqrt(1.0 - (rho * rho));
        double x = random.NextGaussian();
        for (int s = 0; s < cloudFactor.Length; s++)
        {
            if (s > 0)
            {
                x = (rho * x) + (innovation * random.NextGaussian());
            }
            cloudFactor[s] = x;
        }
    }

    private static void FillGlobalIrradiance(
        Climate climate, List<SolarDay> days, double[] extraterrestrialHorizontal, double[] clearSky, double[] cloudFactor, double[] ghi, ulong seed)
    {
        var quantiles = new DailyClearnessQuantiles(
            new DailyGaussianChain(DeterministicRandom.For(seed, Streams.Weather, DailyClearnessStream), ClearnessModel.DayToDayCorrelation, days[0].Date),
            new DailyGaussianChain(DeterministicRandom.For(seed, Streams.Weather, DailyClearnessJitterStream), 0.0, days[0].Date));
        foreach (SolarDay day in days)
        {
            double quantile = quantiles.At(day.Date);
            var range = new Range(day.FirstSlot, day.FirstSlot + day.SlotCount);
            double h0 = Sum(extraterrestrialHorizontal.AsSpan(range));
            double hcs = Sum(clearSky.AsSpan(range));
            day.ExtraterrestrialKwhM2 = h0 / day.SlotCount * 24.0 / 1000.0;
            if (h0 <= 0.0)
            {
                day.Clearness = 0.0;
                continue;
            }
            double clearSkyClearness = hcs / h0;
            double clearness = ClearnessModel.DailyClearness(climate.ClearnessIndex[day.Date.Month - 1], clearSkyClearness, quantile);
            day.Clearness = clearness;

            double sigma = ClearnessModel.IntradaySigma(clearness / clearSkyClearness);
            Span<double> factor = cloudFactor.AsSpan(range);
            for (int i = 0; i < factor.Length; i++)
            {
                // Log-normal with mean 1, so σ changes the texture and not the expected total.
                factor[i] = Math.Exp((sigma * factor[i]) - (0.5 * sigma * sigma));
            }
            ClearnessModel.ShapeDay(clearSky.AsSpan(range), factor, clearness * h0, ghi.AsSpan(range));
        }
    }

    private static void SplitIrradiance(WeatherSeries w, double[] extraterrestrialHorizontal, double[] extraterrestrialNormal)
    {
        for (int s = 0; s < w.SlotCount; s++)
        {
            double ghi = w.GhiWm2[s];
            double g0h = extraterrestrialHorizontal[s];
            if (ghi <= 0.0 || g0h <= 0.0)
            {
                w.GhiWm2[s] = 0.0;
                continue;
            }
            double cosZenith = w.SunUp[s];
            if (cosZenith < DiffuseFraction.MinCosZenithForBeam)
            {
                w.DhiWm2[s] = ghi;
                continue;
            }
            double dhi = ghi * DiffuseFraction.Erbs(ghi / g0h);
            double dni = Math.Min((ghi - dhi) / cosZenith, MaxBeamTransmittance * extraterrestrialNormal[s]);
            w.DniWm2[s] = dni;
            // Recomputed from the (possibly capped) beam so GHI = DNI·cos Z + DHI holds exactly.
            w.DhiWm2[s] = Math.Max(ghi - (dni * cosZenith), 0.0);
            double anisotropy = dni / extraterrestrialNormal[s];
            w.CircumsolarShare[s] = anisotropy;
            w.CircumsolarPerCosZenith[s] = anisotropy / cosZenith;
        }
    }

    private static void FillAirTemperature(Location location, List<SolarDay> days, double[] solarHour, double[] airTempC, ulong seed)
    {
        var chain = new DailyGaussianChain(DeterministicRandom.For(seed, Streams.Weather, TemperatureAnomalyStream),
            AirTemperatureModel.DayToDayCorrelation, days[0].Date);
        int count = days.Count;
        var min = new double[count];
        var max = new double[count];
        var sunrise = new double[count];
        for (int d = 0; d < count; d++)
        {
            SolarDay day = days[d];
            double mean = AirTemperatureModel.NormalC(location.Climate, day.Date) + (AirTemperatureModel.AnomalySigmaK * chain.ValueAt(day.Date));
            double range = AirTemperatureModel.DiurnalRangeK(day.Clearness, day.ExtraterrestrialKwhM2);
            min[d] = mean - (0.5 * range);
            max[d] = mean + (0.5 * range);
            sunrise[d] = AirTemperatureModel.SunriseHour(day.SunsetHourAngleRad);
        }
        for (int d = 0; d < count; d++)
        {
            int previous = Math.Max(d - 1, 0), next = Math.Min(d + 1, count - 1);
            SolarDay day = days[d];
            for (int s = day.FirstSlot; s < day.FirstSlot + day.SlotCount; s++)
            {
                airTempC[s] = AirTemperatureModel.Diurnal(solarHour[s], sunrise[d], min[d], max[d], max[previous], sunrise[next], min[next]);
            }
        }
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        double sum = 0.0;
        foreach (double v in values)
        {
            sum += v;
        }
        return sum;
    }
}
