using PeerGrid.Domain;
using PeerGrid.Simulation.Physics;
using PeerGrid.Simulation.Time;
using static PeerGrid.Simulation.Tests.Physics.PhysicsTestData;

namespace PeerGrid.Simulation.Tests.Physics;

public class WeatherModelTests
{
    [Fact]
    public void Generate_SameLocationCalendarAndSeed_GivesBitIdenticalSeries()
    {
        SlotCalendar calendar = Year2025(15);

        WeatherSeries a = WeatherModel.Generate(Preset("berlin"), calendar, 42);
        WeatherSeries b = WeatherModel.Generate(Preset("berlin"), calendar, 42);

        foreach ((double[] x, double[] y) in Arrays(a).Zip(Arrays(b)))
        {
            Assert.True(x.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(y.Select(BitConverter.DoubleToInt64Bits)));
        }
    }

    [Fact]
    public void Generate_DifferentSeed_GivesDifferentCloudsTemperaturesAndWind()
    {
        WeatherSeries a = YearWeather("berlin", 15, 1);
        WeatherSeries b = YearWeather("berlin", 15, 2);

        Assert.False(a.GhiWm2.SequenceEqual(b.GhiWm2));
        Assert.False(a.AirTempC.SequenceEqual(b.AirTempC));
        Assert.False(a.WindSpeed10mMs.SequenceEqual(b.WindSpeed10mMs));
        Assert.True(a.SunUp.SequenceEqual(b.SunUp)); // geometry does not depend on the seed
    }

    [Fact]
    public void DailyIrradiation_InJulyBerlin_VariesFromDayToDay()
    {
        SlotCalendar calendar = Year2025(15);
        WeatherSeries w = YearWeather("berlin", 15, 1);

        double[] daily = DailyGhiKwhM2(w, calendar).Where((_, d) => calendar.Month[calendar.DayStarts[d]] == 7).ToArray();

        double mean = daily.Average();
        double sd = Math.Sqrt(daily.Sum(x => (x - mean) * (x - mean)) / daily.Length);
        Assert.True(sd / mean > 0.2, $"July daily GHI coefficient of variation {sd / mean:F2}");
        Assert.True(daily.Min() < 0.5 * daily.Max(), $"dullest day {daily.Min():F2}, brightest {daily.Max():F2} kWh/m²");
    }

    [Theory]
    [InlineData("berlin", 1UL)]
    [InlineData("lagos", 2UL)]
    [InlineData("faisalabad", 3UL)]
    public void MonthlyClearness_OverAYear_MatchesTheClimateNormals(string preset, ulong seed)
    {
        Location location = Preset(preset);
        SlotCalendar calendar = Year2025(15);
        WeatherSeries w = YearWeather(preset, 15, seed);

        var ghi = new double[12];
        var extraterrestrial = new double[12];
        for (int s = 0; s < w.SlotCount; s++)
        {
            ghi[calendar.Month[s] - 1] += w.GhiWm2[s];
            extraterrestrial[calendar.Month[s] - 1] += ExtraterrestrialHorizontalWm2(location, calendar, s);
        }

        // Each month's days are a stratified sample around the normal; the ratio of sums still weights days by their
        // extraterrestrial irradiation (which doubles through a Berlin January), hence ±0.02 and not exact.
        for (int m = 0; m < 12; m++)
        {
            Assert.Equal(location.Climate.ClearnessIndex[m], ghi[m] / extraterrestrial[m], 0.02);
        }
    }

    [Fact]
    public void Irradiance_IsNonNegativeConsistentAndZeroWhileTheSunIsDown()
    {
        SlotCalendar calendar = Year2025(15);
        WeatherSeries w = YearWeather("berlin", 15, 1);

        for (int s = 0; s < w.SlotCount; s++)
        {
            Assert.True(w.GhiWm2[s] >= 0 && w.DniWm2[s] >= 0 && w.DhiWm2[s] >= 0, $"slot {s}");
            Assert.Equal(w.GhiWm2[s], (w.DniWm2[s] * w.SunUp[s]) + w.DhiWm2[s], 1e-9);
            Assert.True(w.GhiWm2[s] <= 1098.0 * Math.Max(w.SunUp[s], 0.1), $"slot {s}: GHI {w.GhiWm2[s]:F0} W/m² above clear sky");
            // A slot whose start and end are both at night (sun below −2° at its midpoint) gets nothing.
            if (w.SunUp[s] < -0.035)
            {
                Assert.Equal(0.0, w.GhiWm2[s]);
            }
        }
        Assert.Equal(calendar.SlotCount, w.SlotCount);
    }

    [Fact]
    public void DailyIrradiation_ForADate_DoesNotDependOnWhenTheRunStarts()
    {
        SlotCalendar year = Year2025(15);
        SlotCalendar week = SlotCalendar.Create(new DateTime(2025, 7, 10), Berlin, 15, days: 7, hours: null);
        WeatherSeries yearWeather = YearWeather("berlin", 15, 5);
        WeatherSeries weekWeather = WeatherModel.Generate(Preset("berlin"), week, 5);

        double[] fromYear = DailyGhiKwhM2(yearWeather, year).Skip(190).Take(7).ToArray(); // 10 July is day index 190
        double[] fromWeek = DailyGhiKwhM2(weekWeather, week);

        Assert.Equal(7, fromWeek.Length);
        for (int d = 0; d < 7; d++)
        {
            Assert.Equal(fromYear[d], fromWeek[d], 1e-6);
        }
    }

    [Fact]
    public void AirTemperature_FollowsTheNormalsWithWarmAfternoonsAndCoolMornings()
    {
        Location berlin = Preset("berlin");
        SlotCalendar calendar = Year2025(15);
        WeatherSeries w = YearWeather("berlin", 15, 1);

        double julyAfternoon = Mean(w.AirTempC, s => calendar.Month[s] == 7 && calendar.LocalMinuteOfDay[s] == 16 * 60, calendar);
        double julyDawn = Mean(w.AirTempC, s => calendar.Month[s] == 7 && calendar.LocalMinuteOfDay[s] == 5 * 60, calendar);
        double january = Mean(w.AirTempC, s => calendar.Month[s] == 1, calendar);
        double july = Mean(w.AirTempC, s => calendar.Month[s] == 7, calendar);

        Assert.Equal(berlin.Climate.TemperatureC.Average(), w.AirTempC.Average(), 0.5);
        Assert.Equal(berlin.Climate.TemperatureC[0], january, 1.5);
        Assert.Equal(berlin.Climate.TemperatureC[6], july, 1.5);
        Assert.True(julyAfternoon > julyDawn + 5, $"July 16:00 {julyAfternoon:F1} °C vs 05:00 {julyDawn:F1} °C");
        for (int s = 1; s < w.SlotCount; s++)
        {
            Assert.True(Math.Abs(w.AirTempC[s] - w.AirTempC[s - 1]) < 2.0, $"temperature jumps at slot {s}");
        }
    }

    [Theory]
    [InlineData("berlin", 1UL)]
    [InlineData("berlin", 2UL)]
    [InlineData("berlin", 3UL)]
    [InlineData("lagos", 1UL)]
    [InlineData("faisalabad", 1UL)]
    [InlineData("amsterdam", 4UL)]
    public void WindSpeedAt10m_OverAYear_AveragesWithinTenPercentOfTheClimateMean(string preset, ulong seed)
    {
        WeatherSeries w = YearWeather(preset, 15, seed);
        double climateMean = Preset(preset).Climate.WindSpeedMs;

        Assert.All(w.WindSpeed10mMs, v => Assert.True(v >= 0));
        Assert.InRange(w.WindSpeed10mMs.Average(), 0.9 * climateMean, 1.1 * climateMean);
    }

    [Fact]
    public void WindSpeed_HourToHourCorrelation_DoesNotDependOnSlotLength()
    {
        double fine = LagCorrelation(YearWeather("berlin", 15, 1).WindSpeed10mMs, lag: 4);
        double coarse = LagCorrelation(YearWeather("berlin", 60, 1).WindSpeed10mMs, lag: 1);

        Assert.InRange(fine, 0.7, 0.95);
        Assert.Equal(fine, coarse, 0.05);
    }

    [Theory]
    [InlineData(78.2, 15.6)] // Svalbard: polar night and midnight sun
    [InlineData(-33.9, 151.2)] // Sydney: southern hemisphere, far east
    [InlineData(0.0, -179.9)] // equator at the date line
    public void Generate_AnywhereOnEarth_GivesFiniteNonNegativeWeather(double latitude, double longitude)
    {
        Location site = Preset("berlin") with { LatitudeDegrees = latitude, LongitudeDegrees = longitude };

        WeatherSeries w = WeatherModel.Generate(site, Year2025(60), 9);

        foreach (double[] values in Arrays(w))
        {
            Assert.All(values, v => Assert.True(double.IsFinite(v)));
        }
        Assert.All(w.GhiWm2, v => Assert.True(v >= 0));
        Assert.True(w.GhiWm2.Sum() > 0);
    }

    [Fact]
    public void Generate_InvalidLocation_SaysWhatIsWrong()
    {
        Location bad = Preset("berlin") with { LatitudeDegrees = 123 };

        var ex = Assert.Throws<ArgumentException>(() => WeatherModel.Generate(bad, Year2025(60), 1));
        Assert.Contains("latitude", ex.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<double[]> Arrays(WeatherSeries w) =>
        [w.SunEast, w.SunNorth, w.SunUp, w.GhiWm2, w.DniWm2, w.DhiWm2, w.AirTempC, w.WindSpeed10mMs];

    /// <summary>Global horizontal irradiation per local day, kWh/m².</summary>
    private static double[] DailyGhiKwhM2(WeatherSeries w, SlotCalendar calendar)
    {
        var daily = new double[calendar.DayCount];
        for (int s = 0; s < w.SlotCount; s++)
        {
            daily[calendar.LocalDayIndex[s]] += w.GhiWm2[s] * calendar.SlotHours / 1000.0;
        }
        return daily;
    }

    private static double Mean(double[] values, Func<int, bool> where, SlotCalendar calendar) =>
        Enumerable.Range(0, calendar.SlotCount).Where(where).Average(s => values[s]);

    private static double LagCorrelation(double[] x, int lag)
    {
        double mean = x.Average();
        double num = 0, den = 0;
        for (int i = 0; i < x.Length; i++)
        {
            den += (x[i] - mean) * (x[i] - mean);
            if (i + lag < x.Length)
            {
                num += (x[i] - mean) * (x[i + lag] - mean);
            }
        }
        return num / den;
    }
}
