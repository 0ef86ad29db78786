using PeerGrid.Domain;

namespace PeerGrid.Simulation.Physics;

/// <summary>
/// Air temperature: the monthly normals interpolated linearly between mid-month anchors, a seeded daily
/// anomaly, and a diurnal cycle whose range grows with the day's sunshine. The daily cycle is the two-segment
/// cosine used by Parton &amp; Logan (1981)-style models: minimum at sunrise, maximum at
/// <see cref="MaxHourSolar"/>; each night segment runs from one day's maximum to the next day's minimum, so the
/// series is continuous across days.
/// </summary>
internal static class AirTemperatureModel
{
    /// <summary>Solar hour of the daily maximum.</summary>
    public const double MaxHourSolar = 14.5;

    /// <summary>Standard deviation of the daily-mean anomaly, K.</summary>
    public const double AnomalySigmaK = 1.5;

    /// <summary>Lag-1 correlation of the daily anomaly (warm and cold spells last several days).</summary>
    public const double DayToDayCorrelation = 0.7;

    /// <summary>Normal daily-mean temperature for a date, °C.</summary>
    public static double NormalC(Climate climate, DateTime date)
    {
        int daysInMonth = DateTime.DaysInMonth(date.Year, date.Month);
        // Month m's normal sits at its middle; position 0 = mid-January.
        double position = date.Month - 1 + ((date.Day - 0.5) / daysInMonth) - 0.5;
        int i0 = (int)Math.Floor(position);
        double f = position - i0;
        double t0 = climate.TemperatureC[(i0 + 12) % 12];
        double t1 = climate.TemperatureC[(i0 + 13) % 12];
        return t0 + ((t1 - t0) * f);
    }

    /// <summary>
    /// Diurnal range (max − min), K: ≈ 2 K on dull winter days up to ≈ 15 K on clear summer days — a rough fit to
    /// mid-latitude and tropical station ranges, driven by the day's irradiation (clearness × extraterrestrial,
    /// kWh/m²).
    /// </summary>
    public static double DiurnalRangeK(double dailyClearness, double extraterrestrialKwhM2)
        => Math.Clamp(2.0 + (16.0 * dailyClearness * extraterrestrialKwhM2 / 11.5), 1.0, 16.0);

    /// <summary>Sunrise in solar hours for a sunset hour angle (radians), kept clear of the daily maximum.</summary>
    public static double SunriseHour(double sunsetHourAngleRad)
        => Math.Clamp(12.0 - (sunsetHourAngleRad * 12.0 / Math.PI), 2.0, 10.0);

    /// <summary>
    /// Temperature at solar hour <paramref name="hour"/> (0 … 24) of a day with minimum <paramref name="min"/> at
    /// <paramref name="sunrise"/> and maximum <paramref name="max"/>, between the previous day's maximum and the
    /// next day's minimum (at <paramref name="nextSunrise"/>).
    /// </summary>
    public static double Diurnal(double hour, double sunrise, double min, double max, double previousMax, double nextSunrise, double nextMin)
    {
        if (hour < sunrise)
        {
            double start = MaxHourSolar - 24.0;
            return Blend(previousMax, min, (hour - start) / (sunrise - start));
        }
        if (hour <= MaxHourSolar)
        {
            return Blend(min, max, (hour - sunrise) / (MaxHourSolar - sunrise));
        }
        return Blend(max, nextMin, (hour - MaxHourSolar) / (nextSunrise + 24.0 - MaxHourSolar));
    }

    // Half-cosine from a (at f = 0) to b (at f = 1): flat at both ends, like the real curve.
    private static double Blend(double a, double b, double f) =>
        a + ((b - a) * 0.5 * (1.0 - Math.Cos(Math.PI * Math.Clamp(f, 0.0, 1.0))));
}
