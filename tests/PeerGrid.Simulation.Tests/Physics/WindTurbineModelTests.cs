using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Physics;
using PeerGrid.Simulation.Time;
using static PeerGrid.Simulation.Tests.Physics.PhysicsTestData;

namespace PeerGrid.Simulation.Tests.Physics;

public class WindTurbineModelTests
{
    // Hub at 10 m, so hub speed = 10 m speed and the cases below are hand-checkable.
    private static readonly WindTurbine Turbine = new("wt", true, RatedKw: 10, CutInMs: 3, RatedSpeedMs: 12, CutOutMs: 25, HubHeightM: 10);

    [Theory]
    [InlineData(0.0)]
    [InlineData(2.99)]
    [InlineData(25.01)]
    [InlineData(40.0)]
    public void Power_BelowCutInOrAboveCutOut_IsZero(double speedMs)
    {
        Assert.Equal(0.0, WindTurbineModel.PowerKw(WindTurbineModel.Prepare(Turbine), speedMs));
    }

    [Theory]
    [InlineData(12.0)]
    [InlineData(18.0)]
    [InlineData(25.0)]
    public void Power_BetweenRatedSpeedAndCutOut_IsRated(double speedMs)
    {
        Assert.Equal(10.0, WindTurbineModel.PowerKw(WindTurbineModel.Prepare(Turbine), speedMs));
    }

    [Fact]
    public void Power_BetweenCutInAndRated_FollowsTheCubicCurve()
    {
        WindCoefficients c = WindTurbineModel.Prepare(Turbine);

        // 10 × (8³ − 3³) / (12³ − 3³) = 10 × 485 / 1701
        Assert.Equal(10.0 * 485 / 1701, WindTurbineModel.PowerKw(c, 8.0), 12);
        Assert.Equal(0.0, WindTurbineModel.PowerKw(c, 3.0), 12);
        Assert.Equal(10.0, WindTurbineModel.PowerKw(c, 11.999999), 4);
    }

    [Fact]
    public void PowerCurve_IsInterpolatedLinearly_AndZeroOutsideIt()
    {
        WindTurbine withCurve = Turbine with { PowerCurve = [new(3, 0), new(5, 1), new(9, 5), new(13, 10), new(20, 10)] };
        WindCoefficients c = WindTurbineModel.Prepare(withCurve);

        Assert.Equal(3.0, WindTurbineModel.PowerKw(c, 7.0), 12);
        Assert.Equal(7.5, WindTurbineModel.PowerKw(c, 11.0), 12);
        Assert.Equal(10.0, WindTurbineModel.PowerKw(c, 20.0), 12);
        Assert.Equal(0.0, WindTurbineModel.PowerKw(c, 2.0));
        Assert.Equal(0.0, WindTurbineModel.PowerKw(c, 20.5));
    }

    [Fact]
    public void EnergyKwh_ScalesTenMetreWindToHubHeightByTheOneSeventhPowerLaw()
    {
        var w = new WeatherSeries(1);
        w.WindSpeed10mMs[0] = 6.0;
        WindCoefficients c = WindTurbineModel.Prepare(Turbine with { HubHeightM = 40 });

        double hubSpeed = 6.0 * Math.Pow(4.0, 1.0 / 7.0); // 7.31 m/s
        double expectedKwh = 10.0 * ((hubSpeed * hubSpeed * hubSpeed) - 27) / 1701 * 0.25;
        Assert.Equal(expectedKwh, WindTurbineModel.EnergyKwh(c, w, 0, slotHours: 0.25), 12);
    }

    [Fact]
    public void SwitchedOffTurbine_ProducesNothing()
    {
        var w = new WeatherSeries(1);
        w.WindSpeed10mMs[0] = 15.0;

        Assert.Equal(0.0, WindTurbineModel.EnergyKwh(WindTurbineModel.Prepare(Turbine with { IsOn = false }), w, 0, 1.0));
        Assert.Equal(10.0, WindTurbineModel.EnergyKwh(WindTurbineModel.Prepare(Turbine), w, 0, 1.0));
    }

    [Fact]
    public void AnnualEnergy_SmallTurbineInBerlin_HasAPlausibleCapacityFactor()
    {
        SlotCalendar calendar = Year2025(15);
        WeatherSeries w = YearWeather("berlin", 15, 1);
        WindCoefficients c = WindTurbineModel.Prepare(Turbine with { HubHeightM = 30 });

        double kwh = 0;
        for (int s = 0; s < w.SlotCount; s++)
        {
            kwh += WindTurbineModel.EnergyKwh(c, w, s, calendar.SlotHours);
        }

        // Small urban turbines with 12 m/s rated speed at a 4 m/s site manage a few percent to ≈ 15 %.
        double capacityFactor = kwh / (10.0 * 8760);
        Assert.InRange(capacityFactor, 0.03, 0.2);
    }

    [Fact]
    public void EnergyKwh_DoesNotAllocate()
    {
        WeatherSeries w = YearWeather("berlin", 15, 1);
        WindCoefficients parametric = WindTurbineModel.Prepare(Turbine);
        WindCoefficients curve = WindTurbineModel.Prepare(Turbine with { PowerCurve = [new(3, 0), new(12, 10), new(25, 10)] });
        double sum = WindTurbineModel.EnergyKwh(parametric, w, 0, 0.25) + WindTurbineModel.EnergyKwh(curve, w, 0, 0.25);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int s = 0; s < w.SlotCount; s++)
        {
            sum += WindTurbineModel.EnergyKwh(parametric, w, s, 0.25) + WindTurbineModel.EnergyKwh(curve, w, s, 0.25);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(sum > 0);
    }
}
