using BenchmarkDotNet.Attributes;
using PeerGrid.Domain.Households;
using PeerGrid.Domain.Quantities;
using PeerGrid.Simulation.Physics;
using PeerGrid.Simulation.Time;

namespace PeerGrid.Benchmarks;

/// <summary>The per-household-per-slot kernels of the engine's hot loop.</summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private WeatherSeries _weather = null!;
    private PvCoefficients _pv;
    private WindCoefficients _wind;
    private int _slots;

    [GlobalSetup]
    public void Setup()
    {
        ClimatePresets.TryGet("berlin", out var berlin);
        var calendar = SlotCalendar.Create(new DateTime(2025, 1, 1), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), 15, 365, null);
        _weather = WeatherModel.Generate(berlin!, calendar, 42);
        _pv = SolarPvModel.Prepare(new SolarPv("pv", true, 5));
        _wind = WindTurbineModel.Prepare(new WindTurbine("wind", true, 5));
        _slots = calendar.SlotCount;
    }

    /// <summary>One PV array over a year of 15-minute slots (35,040 calls).</summary>
    [Benchmark(OperationsPerInvoke = 35_040)]
    public double SolarPvYear()
    {
        double sum = 0;
        for (int s = 0; s < _slots; s++)
        {
            sum += SolarPvModel.EnergyKwh(in _pv, _weather, s, 0.25);
        }
        return sum;
    }

    /// <summary>One wind turbine over a year of 15-minute slots.</summary>
    [Benchmark(OperationsPerInvoke = 35_040)]
    public double WindYear()
    {
        double sum = 0;
        for (int s = 0; s < _slots; s++)
        {
            sum += WindTurbineModel.EnergyKwh(in _wind, _weather, s, 0.25);
        }
        return sum;
    }

    /// <summary>Exact metering and pricing of one household-slot.</summary>
    [Benchmark(OperationsPerInvoke = 35_040)]
    public long MeterAndPriceYear()
    {
        long sum = 0;
        for (int s = 0; s < _slots; s++)
        {
            long e = MeteredEnergy.FromKwh(_weather.GhiWm2[s] * 0.001).MicroKwh;
            sum += Price.MulDivRound(e, 300_000, MeteredEnergy.MicroKwhPerKwh);
        }
        return sum;
    }
}
