using System.Collections.Concurrent;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Physics;
using PeerGrid.Simulation.Time;

namespace PeerGrid.Simulation.Tests.Physics;

/// <summary>
/// Calendars and weather shared by the physics tests. Weather is a pure function of its inputs, so caching it
/// cannot couple tests; it only keeps the suite fast.
/// </summary>
internal static class PhysicsTestData
{
    private static readonly ConcurrentDictionary<int, Lazy<SlotCalendar>> Calendars = new();
    private static readonly ConcurrentDictionary<(string, int, ulong), Lazy<WeatherSeries>> Weather = new();

    public static TimeZoneInfo Berlin { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>The year 2025 in Berlin local time at the given slot length.</summary>
    public static SlotCalendar Year2025(int slotMinutes) =>
        Calendars.GetOrAdd(slotMinutes, m => new Lazy<SlotCalendar>(() =>
            SlotCalendar.Create(new DateTime(2025, 1, 1), Berlin, m, days: 365, hours: null))).Value;

    public static Location Preset(string name) =>
        ClimatePresets.TryGet(name, out Location? location) ? location : throw new ArgumentException($"No preset {name}", nameof(name));

    public static WeatherSeries YearWeather(string preset, int slotMinutes, ulong seed) =>
        Weather.GetOrAdd((preset, slotMinutes, seed), key => new Lazy<WeatherSeries>(() =>
            WeatherModel.Generate(Preset(key.Item1), Year2025(key.Item2), key.Item3))).Value;

    public static SolarPv Pv(double tiltDegrees, double azimuthDegrees, double peakKw = 1.0, bool isOn = true) =>
        new("pv", isOn, peakKw, tiltDegrees, azimuthDegrees, SystemLosses: 0.14);

    /// <summary>kWh over the slots [from, to) of the series.</summary>
    public static double PvEnergyKwh(SolarPv pv, WeatherSeries w, SlotCalendar calendar, int from = 0, int? to = null)
    {
        PvCoefficients c = SolarPvModel.Prepare(pv);
        double total = 0;
        for (int s = from; s < (to ?? w.SlotCount); s++)
        {
            total += SolarPvModel.EnergyKwh(c, w, s, calendar.SlotHours);
        }
        return total;
    }

    /// <summary>kWh in one local calendar month (1 … 12).</summary>
    public static double PvEnergyKwhInMonth(SolarPv pv, WeatherSeries w, SlotCalendar calendar, int month)
    {
        PvCoefficients c = SolarPvModel.Prepare(pv);
        double total = 0;
        for (int s = 0; s < w.SlotCount; s++)
        {
            if (calendar.Month[s] == month)
            {
                total += SolarPvModel.EnergyKwh(c, w, s, calendar.SlotHours);
            }
        }
        return total;
    }

    /// <summary>Slot-mean extraterrestrial horizontal irradiance, W/m², recomputed independently of the weather model's scratch arrays.</summary>
    public static double ExtraterrestrialHorizontalWm2(Location location, SlotCalendar calendar, int slot)
    {
        DateTimeOffset mid = calendar.SlotStartUtc(slot).AddMinutes(calendar.SlotMinutes / 2.0);
        SunPosition sun = SolarPosition.At(mid, location.LatitudeDegrees, location.LongitudeDegrees);
        (double meanCosZenith, _) = SolarPosition.SlotMean(sun, location.LatitudeDegrees, Math.PI * calendar.SlotMinutes / 1440.0);
        return SolarPosition.SolarConstantWm2 * sun.EccentricityFactor * meanCosZenith;
    }
}
