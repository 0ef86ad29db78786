using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Physics;

namespace PeerGrid.Simulation.Engine;

/// <summary>
/// Meters one slot device by device, after the engine has run it: every source the engine summed into a household's
/// load or generation (<see cref="DeviceMap"/>) is evaluated again on its own, with the same formulas and inputs, so a
/// household's devices (and its base load) add up to its load and generation up to rounding. Dispatchable output is
/// what the engine dispatched for the household's pool, shared by rated power. Built on demand and only by callers that
/// show devices (the live platform): a scenario run never pays for it.
/// </summary>
internal sealed class DeviceMeter
{
    private readonly CommunityModel _m;
    private readonly double[]?[] _tables;
    private readonly int[] _tabled;

    public DeviceMeter(CommunityModel model, IReadOnlyList<Household> households, ulong seed)
    {
        _m = model;
        DeviceMap map = model.Devices;
        _tables = new double[]?[map.ApplianceStart[^1]];
        var tabled = new List<int>();
        for (int h = 0; h < households.Count; h++)
        {
            double[]?[] own = ApplianceTables.PerAppliance(households[h], h, model.Calendar.SlotMinutes, seed);
            for (int i = 0; i < own.Length; i++)
            {
                if (own[i] is { } table)
                {
                    _tables[map.ApplianceStart[h] + i] = table;
                    tabled.Add(map.ApplianceStart[h] + i);
                }
            }
        }
        _tabled = [.. tabled];
        ApplianceKwh = new double[map.ApplianceStart[^1]];
        GeneratorKwh = new double[map.GeneratorStart[^1]];
        BaseLoadKwh = new double[model.HouseholdCount];
    }

    /// <summary>Each appliance's energy in the slot last measured (kWh), numbered as <see cref="DeviceMap"/>.</summary>
    public double[] ApplianceKwh { get; }

    /// <summary>Each generator's output in the slot last measured (kWh, before any curtailment).</summary>
    public double[] GeneratorKwh { get; }

    /// <summary>Each household's base load (its standard profile, not an appliance) in the slot last measured (kWh).</summary>
    public double[] BaseLoadKwh { get; }

    public DeviceMap Map => _m.Devices;

    /// <summary>Meters slot <paramref name="s"/>, which must be the slot the engine ran last (jobs and dispatch are read from its state).</summary>
    public void Measure(int s, SlotBuffers buffers)
    {
        Array.Clear(ApplianceKwh);
        Array.Clear(GeneratorKwh);
        Array.Clear(BaseLoadKwh);
        var calendar = _m.Calendar;
        double hours = calendar.SlotHours;
        DeviceMap map = _m.Devices;

        int bins = _m.Appliances.BinsPerDay;
        int row = ((int)calendar.DayKinds[s] * bins) + Math.Min(calendar.LocalMinuteOfDay[s] / calendar.SlotMinutes, bins - 1);
        foreach (int a in _tabled)
        {
            ApplianceKwh[a] = _tables[a]![row];
        }

        double[][] series = _m.Series;
        for (int i = 0; i < map.LoadTermAppliance.Length; i++)
        {
            double kwh = series[_m.LoadTermSeries[i]][s] * _m.LoadTermScale[i];
            int appliance = map.LoadTermAppliance[i];
            if (appliance < 0)
            {
                BaseLoadKwh[_m.LoadTermHousehold[i]] += kwh;
            }
            else
            {
                ApplianceKwh[appliance] += kwh;
            }
        }
        DeferrableJobs jobs = _m.Jobs;
        for (int j = 0; j < jobs.Count; j++)
        {
            ApplianceKwh[jobs.Appliances[j]] += jobs.EnergyKwh(j, s, hours);
        }

        for (int i = 0; i < map.GenTermGenerator.Length; i++)
        {
            GeneratorKwh[map.GenTermGenerator[i]] += series[_m.GenTermSeries[i]][s] * _m.GenTermScale[i];
        }
        for (int i = 0; i < map.PvGenerator.Length; i++)
        {
            GeneratorKwh[map.PvGenerator[i]] += SolarPvModel.EnergyKwh(in _m.Pv[i], _m.Weather, s, hours);
        }
        for (int i = 0; i < map.WindGenerator.Length; i++)
        {
            GeneratorKwh[map.WindGenerator[i]] += WindTurbineModel.EnergyKwh(in _m.Wind[i], _m.Weather, s, hours);
        }
        for (int i = 0; i < map.DispatchGenerator.Length; i++)
        {
            GeneratorKwh[map.DispatchGenerator[i]] += buffers.Scratch[map.DispatchHousehold[i]].Dispatched * map.DispatchShare[i];
        }
    }
}
