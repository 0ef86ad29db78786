namespace PeerGrid.Simulation.Physics;

/// <summary>
/// Where the sun is, seen from a point on the ground, as a unit vector in local East–North–Up axes
/// (<see cref="Up"/> &gt; 0 when the sun is above the horizon), with the quantities it was derived from:
/// declination and hour angle in radians (hour angle 0 at solar noon, negative in the morning), the equation of
/// time in minutes (apparent minus mean solar time) and the eccentricity factor (1 AU ÷ Sun–Earth distance)².
/// Geometric position: no atmospheric refraction.
/// </summary>
public readonly record struct SunPosition(
    double East,
    double North,
    double Up,
    double DeclinationRad,
    double HourAngleRad,
    double EquationOfTimeMinutes,
    double EccentricityFactor)
{
    /// <summary>Elevation above the horizon, degrees (negative below it).</summary>
    public double ElevationDegrees => Math.Asin(Math.Clamp(Up, -1.0, 1.0)) * (180.0 / Math.PI);

    /// <summary>Zenith angle, degrees (0 overhead, 90 on the horizon).</summary>
    public double ZenithDegrees => 90.0 - ElevationDegrees;

    /// <summary>Azimuth, degrees clockwise from north (90 east, 180 south, 270 west), 0 ≤ azimuth &lt; 360.</summary>
    public double AzimuthDegrees
    {
        get
        {
            double az = Math.Atan2(East, North) * (180.0 / Math.PI);
            return az < 0 ? az + 360.0 : az;
        }
    }
}

/// <summary>
/// Solar geometry by the Astronomical Almanac's low-precision algorithm as published by Michalsky (1988):
/// about 0.01° over 1950–2050, from UTC time, latitude and longitude, with no tables. (Spencer's 1971 Fourier
/// series in day-of-year is simpler but ignores where a year sits in the leap cycle, which costs up to ≈ 0.25° of
/// declination around the equinoxes.)
/// </summary>
public static class SolarPosition
{
    /// <summary>Total solar irradiance at 1 AU, W/m² (Kopp &amp; Lean 2011).</summary>
    public const double SolarConstantWm2 = 1361.0;

    private const double DegToRad = Math.PI / 180.0;

    /// <summary>2000-01-01 12:00 UTC (Julian date 2451545.0), the algorithm's epoch.</summary>
    private static readonly long J2000Ticks = new DateTime(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc).Ticks;

    /// <summary>The sun's position at <paramref name="instant"/> (any offset; converted to UTC) for a site at
    /// latitude/longitude in degrees (north and east positive).</summary>
    public static SunPosition At(DateTimeOffset instant, double latitudeDegrees, double longitudeDegrees)
    {
        DateTime utc = instant.UtcDateTime;
        double n = (utc.Ticks - J2000Ticks) / (double)TimeSpan.TicksPerDay;
        double hourUtc = utc.TimeOfDay.TotalHours;

        double meanLongitude = NormalizeDegrees(280.460 + (0.9856474 * n));
        double meanAnomaly = NormalizeDegrees(357.528 + (0.9856003 * n)) * DegToRad;
        double eclipticLongitude = (meanLongitude + (1.915 * Math.Sin(meanAnomaly)) + (0.020 * Math.Sin(2 * meanAnomaly))) * DegToRad;
        double obliquity = (23.439 - (0.0000004 * n)) * DegToRad;

        double sinLambda = Math.Sin(eclipticLongitude);
        double rightAscensionDeg = Math.Atan2(Math.Cos(obliquity) * sinLambda, Math.Cos(eclipticLongitude)) / DegToRad;
        double declination = Math.Asin(Math.Sin(obliquity) * sinLambda);
        double distanceAu = 1.00014 - (0.01671 * Math.Cos(meanAnomaly)) - (0.00014 * Math.Cos(2 * meanAnomaly));

        // Greenwich mean sidereal time (hours) → local hour angle, 0 at solar noon, negative in the morning.
        double gmstHours = 6.697375 + (0.0657098242 * n) + hourUtc;
        double hourAngleDeg = WrapDegrees((15.0 * gmstHours) + longitudeDegrees - rightAscensionDeg);
        // Apparent minus mean solar time: the mean sun's right ascension is the mean longitude.
        double equationOfTimeMinutes = 4.0 * WrapDegrees(meanLongitude - rightAscensionDeg);

        double hourAngle = hourAngleDeg * DegToRad;
        double lat = latitudeDegrees * DegToRad;
        double sinLat = Math.Sin(lat), cosLat = Math.Cos(lat);
        double sinDec = Math.Sin(declination), cosDec = Math.Cos(declination);
        double cosHa = Math.Cos(hourAngle);

        double east = -cosDec * Math.Sin(hourAngle);
        double north = (cosLat * sinDec) - (sinLat * cosDec * cosHa);
        double up = (sinLat * sinDec) + (cosLat * cosDec * cosHa);
        return new SunPosition(east, north, up, declination, hourAngle, equationOfTimeMinutes, 1.0 / (distanceAu * distanceAu));
    }

    private static double NormalizeDegrees(double degrees) => degrees - (360.0 * Math.Floor(degrees / 360.0));

    // To [−180, 180).
    private static double WrapDegrees(double degrees) => NormalizeDegrees(degrees + 180.0) - 180.0;

    /// <summary>
    /// The mean of max(cos zenith, 0) over a slot centred on <paramref name="mid"/> that spans
    /// 2 × <paramref name="halfWidthRad"/> of hour angle (π/1440 rad per minute), and the fraction of the slot
    /// the sun is up. Integrated exactly (declination held at the midpoint value), so slot-mean extraterrestrial
    /// irradiance does not depend on slot length and sunrise slots get their partial share.
    /// </summary>
    internal static (double MeanCosZenith, double SunlitFraction) SlotMean(in SunPosition mid, double latitudeDegrees, double halfWidthRad)
    {
        double lat = latitudeDegrees * DegToRad;
        double a = Math.Sin(lat) * Math.Sin(mid.DeclinationRad);
        double b = Math.Cos(lat) * Math.Cos(mid.DeclinationRad);
        double width = 2.0 * halfWidthRad;
        double lo = mid.HourAngleRad - halfWidthRad;
        double hi = mid.HourAngleRad + halfWidthRad;

        double sunset = SunsetHourAngleFrom(a, b);
        if (sunset <= 0.0)
        {
            return (0.0, 0.0);
        }
        if (sunset >= Math.PI)
        {
            double allDay = (a * width) + (b * (Math.Sin(hi) - Math.Sin(lo)));
            return (Math.Max(allDay, 0.0) / width, 1.0);
        }

        double integral = 0.0, sunlit = 0.0;
        // The slot is at most 15° wide, so only the daylight arcs centred on −2π, 0 and 2π can overlap it.
        for (int k = -1; k <= 1; k++)
        {
            double centre = 2.0 * Math.PI * k;
            double from = Math.Max(lo, centre - sunset);
            double to = Math.Min(hi, centre + sunset);
            if (to > from)
            {
                integral += (a * (to - from)) + (b * (Math.Sin(to) - Math.Sin(from)));
                sunlit += to - from;
            }
        }
        return (Math.Max(integral, 0.0) / width, Math.Min(sunlit / width, 1.0));
    }

    /// <summary>Half the daylight arc, radians of hour angle: 0 in polar night, π in polar day.</summary>
    internal static double SunsetHourAngle(double latitudeDegrees, double declinationRad)
    {
        double lat = latitudeDegrees * DegToRad;
        return SunsetHourAngleFrom(Math.Sin(lat) * Math.Sin(declinationRad), Math.Cos(lat) * Math.Cos(declinationRad));
    }

    // cos zenith = a + b·cos(hour angle) with b ≥ 0; the sun is up where cos(hour angle) > −a/b.
    private static double SunsetHourAngleFrom(double a, double b)
    {
        if (b < 1e-12)
        {
            return a > 0 ? Math.PI : 0.0; // at a pole the sun is up all day or not at all
        }
        double c = -a / b;
        return c >= 1.0 ? 0.0 : c <= -1.0 ? Math.PI : Math.Acos(c);
    }
}
