using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Physics;
using PeerGrid.Simulation.Time;
using Xunit.Abstractions;
using static PeerGrid.Simulation.Tests.Physics.PhysicsTestData;

namespace PeerGrid.Simulation.Tests.Physics;

public class SolarPvModelTests(ITestOutputHelper output)
{
    public static TheoryData<string, double, double, double, ulong> PublishedYields()
    {
        // REFERENCE.md §4 (PVGIS-type figures for a fixed array facing the equator at its usual tilt). Lagos sits at
        // 6.5° N, where the optimum is ≈ 10°: a 35° array there loses ≈ 8 % (see the test below), and PVGIS's
        // figure is for the optimum, so Lagos is checked at 10°.
        var data = new TheoryData<string, double, double, double, ulong>();
        foreach (ulong seed in new ulong[] { 1, 2, 3, 20250101 })
        {
            data.Add("berlin", 35, 950, 1050, seed);
            data.Add("lagos", 10, 1250, 1450, seed);
            data.Add("faisalabad", 35, 1500, 1650, seed);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PublishedYields))]
    public void AnnualYield_OneKwpFacingTheEquator_LandsInThePublishedRange(string preset, double tilt, double min, double max, ulong seed)
    {
        WeatherSeries w = YearWeather(preset, 15, seed);

        double kwhPerKwp = PvEnergyKwh(Pv(tilt, 180), w, Year2025(15));

        output.WriteLine($"{preset} tilt {tilt}° seed {seed}: {kwhPerKwp:F1} kWh/kWp (published {min}–{max})");
        Assert.InRange(kwhPerKwp, min, max);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void JulyYield_OneKwpInBerlin_IsRoughly125Kwh(ulong seed)
    {
        double july = PvEnergyKwhInMonth(Pv(35, 180), YearWeather("berlin", 15, seed), Year2025(15), month: 7);

        output.WriteLine($"Berlin July, seed {seed}: {july:F1} kWh");
        Assert.InRange(july, 100, 150);
    }

    [Fact]
    public void AnnualYield_InLagos_IsHigherAtTenDegreesThanAtThirtyFive()
    {
        WeatherSeries w = YearWeather("lagos", 15, 1);

        double shallow = PvEnergyKwh(Pv(10, 180), w, Year2025(15));
        double steep = PvEnergyKwh(Pv(35, 180), w, Year2025(15));

        output.WriteLine($"Lagos: 10° {shallow:F0}, 35° {steep:F0} kWh/kWp");
        Assert.InRange(steep / shallow, 0.85, 0.96);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(60)]
    public void AnnualYield_AtOtherSlotLengths_IsWithinTwoPercentOfFifteenMinutes(int slotMinutes)
    {
        double reference = PvEnergyKwh(Pv(35, 180), YearWeather("berlin", 15, 1), Year2025(15));

        double other = PvEnergyKwh(Pv(35, 180), YearWeather("berlin", slotMinutes, 1), Year2025(slotMinutes));

        output.WriteLine($"Berlin, {slotMinutes}-min slots: {other:F1} vs {reference:F1} kWh/kWp at 15 min");
        Assert.InRange(other / reference, 0.98, 1.02);
    }

    [Fact]
    public void NightSlots_ProduceNothing()
    {
        SlotCalendar calendar = Year2025(15);
        WeatherSeries w = YearWeather("berlin", 15, 1);
        PvCoefficients c = SolarPvModel.Prepare(Pv(35, 180));
        int nights = 0;

        for (int s = 0; s < w.SlotCount; s++)
        {
            if (calendar.LocalMinuteOfDay[s] is < 120 or >= 23 * 60)
            {
                Assert.Equal(0.0, SolarPvModel.EnergyKwh(c, w, s, calendar.SlotHours));
                nights++;
            }
            if (w.GhiWm2[s] == 0)
            {
                Assert.Equal(0.0, SolarPvModel.EnergyKwh(c, w, s, calendar.SlotHours));
            }
        }
        Assert.True(nights > 365 * 8);
    }

    [Fact]
    public void HorizontalPanel_PlaneOfArrayIrradiance_EqualsGhi()
    {
        WeatherSeries w = YearWeather("faisalabad", 15, 1);
        PvCoefficients flat = SolarPvModel.Prepare(Pv(0, 180));

        for (int s = 0; s < w.SlotCount; s++)
        {
            Assert.Equal(w.GhiWm2[s], SolarPvModel.PlaneOfArrayWm2(flat, w, s), 1e-9);
        }
    }

    [Fact]
    public void VerticalEastFacingPanel_YieldsLessThanATiltedSouthFacingOne()
    {
        WeatherSeries w = YearWeather("berlin", 15, 1);

        double east = PvEnergyKwh(Pv(90, 90), w, Year2025(15));
        double south = PvEnergyKwh(Pv(35, 180), w, Year2025(15));

        output.WriteLine($"Berlin: vertical east {east:F0}, 35° south {south:F0} kWh/kWp");
        Assert.InRange(east / south, 0.4, 0.8);
    }

    [Fact]
    public void SouthernHemisphere_PanelFacingNorth_BeatsPanelFacingSouth()
    {
        Location berlin = Preset("berlin");
        Location mirrored = berlin with { Name = "Southern Berlin", LatitudeDegrees = -berlin.LatitudeDegrees };
        SlotCalendar calendar = SlotCalendar.Create(new DateTime(2025, 1, 1), TimeZoneInfo.Utc, 60, days: 365, hours: null);
        WeatherSeries w = WeatherModel.Generate(mirrored, calendar, 1);

        double north = PvEnergyKwh(Pv(35, 0), w, calendar);
        double south = PvEnergyKwh(Pv(35, 180), w, calendar);

        Assert.True(north > 1.5 * south, $"north-facing {north:F0}, south-facing {south:F0} kWh/kWp");
    }

    [Fact]
    public void EnergyKwh_HandComputedSlot_MatchesTheFormula()
    {
        // Sun overhead; 800 W/m² beam, 200 W/m² isotropic diffuse; 25 °C air, 1 m/s wind; 2 kWp flat, 14 % losses; 1 h.
        var w = new WeatherSeries(1);
        w.SunUp[0] = 1.0;
        w.DniWm2[0] = 800;
        w.DhiWm2[0] = 200;
        w.GhiWm2[0] = 1000;
        w.AirTempC[0] = 25;
        w.WindSpeed10mMs[0] = 1;
        PvCoefficients c = SolarPvModel.Prepare(Pv(0, 180, peakKw: 2));

        double kwh = SolarPvModel.EnergyKwh(c, w, 0, slotHours: 1.0);

        double cellTemp = 25 + (1000 / (25 + 6.84));                               // Faiman: 56.4 °C
        double skyModifier = 1 - (0.05 * ((1 / Math.Cos(59.7 * Math.PI / 180)) - 1)); // ASHRAE at 59.7°: 0.951
        double transmitted = 800 + (200 * skyModifier);
        double expected = 2 * 0.86 * transmitted / 1000 * (1 - (0.004 * (cellTemp - 25)));
        Assert.Equal(expected, kwh, 12);
        Assert.Equal(1000.0, SolarPvModel.PlaneOfArrayWm2(c, w, 0), 12);
    }

    [Fact]
    public void SwitchedOffArray_ProducesNothing_AndOutputScalesWithPeakPower()
    {
        WeatherSeries w = YearWeather("berlin", 15, 1);
        SlotCalendar calendar = Year2025(15);

        double off = PvEnergyKwh(Pv(35, 180, isOn: false), w, calendar);
        double one = PvEnergyKwh(Pv(35, 180, peakKw: 1), w, calendar);
        double five = PvEnergyKwh(Pv(35, 180, peakKw: 5), w, calendar);

        Assert.Equal(0.0, off);
        Assert.Equal(5 * one, five, 1e-6);
    }

    [Fact]
    public void EnergyKwh_DoesNotAllocate()
    {
        WeatherSeries w = YearWeather("berlin", 15, 1);
        PvCoefficients c = SolarPvModel.Prepare(Pv(35, 180));
        double sum = SolarPvModel.EnergyKwh(c, w, 0, 0.25);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int s = 0; s < w.SlotCount; s++)
        {
            sum += SolarPvModel.EnergyKwh(c, w, s, 0.25);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(sum > 0);
    }
}
