using PeerGrid.Simulation.Physics;

namespace PeerGrid.Simulation.Tests.Physics;

public class SolarPositionTests
{
    [Fact]
    public void SolarNoonElevation_BerlinJuneSolstice_IsNinetyMinusLatitudePlusTilt()
    {
        // 90 − 52.52 + 23.44 = 60.92°: the highest the sun gets in Berlin.
        double highest = double.MinValue;
        var start = new DateTimeOffset(2025, 6, 21, 10, 0, 0, TimeSpan.Zero);
        for (int minute = 0; minute < 150; minute++)
        {
            highest = Math.Max(highest, SolarPosition.At(start.AddMinutes(minute), 52.52, 13.405).ElevationDegrees);
        }

        Assert.Equal(60.92, highest, 0.1);
    }

    [Fact]
    public void Position_NrelSpaWorkedExample_MatchesPublishedAngles()
    {
        // Reda & Andreas (2004), NREL/TP-560-34302, worked example: Golden, CO, 17 Oct 2003 12:30:30 MST.
        // Published: declination −9.31434°, topocentric zenith 50.11162° (refracted; refraction there is ≈ 0.016°, so the
        // geometric zenith is ≈ 50.128°), azimuth 194.34024°, equation of time 14.641503 min.
        var instant = new DateTimeOffset(2003, 10, 17, 12, 30, 30, TimeSpan.FromHours(-7));

        SunPosition sun = SolarPosition.At(instant, 39.742476, -105.1786);

        Assert.Equal(-9.31434, sun.DeclinationRad * 180 / Math.PI, 0.01);
        Assert.Equal(50.11162 + 0.016, sun.ZenithDegrees, 0.05);
        Assert.Equal(194.34024, sun.AzimuthDegrees, 0.05);
        Assert.Equal(14.641503, sun.EquationOfTimeMinutes, 0.1);
    }

    [Theory]
    [InlineData(6, 12, 43)] // published sunrise 06:12:43 MST
    [InlineData(17, 20, 19)] // published sunset 17:20:19 MST
    public void Elevation_AtNrelSpaSunriseAndSunset_IsMinusZeroPoint833Degrees(int hour, int minute, int second)
    {
        // Sunrise and sunset are defined by the sun's upper limb on the refracted horizon: geometric centre at −0.833°.
        var instant = new DateTimeOffset(2003, 10, 17, hour, minute, second, TimeSpan.FromHours(-7));

        double elevation = SolarPosition.At(instant, 39.742476, -105.1786).ElevationDegrees;

        Assert.Equal(-0.833, elevation, 0.3);
    }

    [Fact]
    public void NoonElevation_LagosAtMarchEquinox_IsNinetyMinusLatitude()
    {
        double highest = double.MinValue;
        var start = new DateTimeOffset(2025, 3, 20, 11, 0, 0, TimeSpan.Zero);
        for (int minute = 0; minute < 120; minute++)
        {
            highest = Math.Max(highest, SolarPosition.At(start.AddMinutes(minute), 6.524, 3.379).ElevationDegrees);
        }

        Assert.Equal(90 - 6.524, highest, 0.5);
    }

    [Fact]
    public void Azimuth_AtSolarNoon_IsSouthInTheNorthAndNorthInTheSouth()
    {
        // Solar noon at 151.2° E is ≈ 01:55 UTC; at 13.4° E ≈ 11:06 UTC (mid-July, equation of time ≈ −6 min).
        SunPosition berlin = SolarPosition.At(new DateTimeOffset(2025, 7, 15, 11, 12, 0, TimeSpan.Zero), 52.52, 13.405);
        SunPosition sydney = SolarPosition.At(new DateTimeOffset(2025, 7, 15, 2, 1, 0, TimeSpan.Zero), -33.87, 151.21);

        Assert.Equal(180.0, berlin.AzimuthDegrees, 1.0);
        Assert.True(sydney.AzimuthDegrees is < 1.0 or > 359.0, $"Sydney noon azimuth {sydney.AzimuthDegrees:F2}°");
    }

    [Fact]
    public void SunVector_IsAUnitVectorPointingEastInTheMorningAndBelowTheHorizonAtMidnight()
    {
        SunPosition morning = SolarPosition.At(new DateTimeOffset(2025, 6, 21, 8, 0, 0, TimeSpan.FromHours(2)), 52.52, 13.405);
        SunPosition midnight = SolarPosition.At(new DateTimeOffset(2025, 6, 21, 0, 0, 0, TimeSpan.FromHours(2)), 52.52, 13.405);

        Assert.True(morning.East > 0.5, $"east component {morning.East:F3}");
        Assert.True(morning.Up > 0);
        Assert.True(midnight.Up < 0);
        Assert.Equal(1.0, (morning.East * morning.East) + (morning.North * morning.North) + (morning.Up * morning.Up), 12);
    }

    [Theory]
    [InlineData(52.52, 13.405, 2025, 6, 21, 3, 30)] // Berlin: a sunrise hour
    [InlineData(52.52, 13.405, 2025, 12, 21, 11, 30)] // Berlin: winter noon
    [InlineData(6.524, 3.379, 2025, 3, 20, 5, 30)] // Lagos: sunrise
    [InlineData(78.22, 15.65, 2025, 6, 21, 23, 30)] // Svalbard: midnight sun
    [InlineData(78.22, 15.65, 2025, 12, 21, 11, 30)] // Svalbard: polar night
    public void SlotMeanCosZenith_OfAnHour_MatchesTheAverageOfMinuteSamples(double lat, double lon, int y, int mo, int d, int h, int mi)
    {
        var mid = new DateTimeOffset(y, mo, d, h, mi, 0, TimeSpan.Zero);
        SunPosition sun = SolarPosition.At(mid, lat, lon);

        (double exact, double sunlit) = SolarPosition.SlotMean(sun, lat, Math.PI * 60 / 1440.0);

        double sum = 0;
        int up = 0;
        for (int k = 0; k < 600; k++)
        {
            double cosZ = SolarPosition.At(mid.AddMinutes(-30 + ((k + 0.5) * 0.1)), lat, lon).Up;
            sum += Math.Max(cosZ, 0);
            up += cosZ > 0 ? 1 : 0;
        }
        Assert.Equal(sum / 600, exact, 3);
        Assert.Equal(up / 600.0, sunlit, 2);
    }
}
