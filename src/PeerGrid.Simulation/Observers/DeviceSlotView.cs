using PeerGrid.Simulation.Engine;

namespace PeerGrid.Simulation.Observers;

/// <summary>
/// One slot metered device by device (<see cref="SlotStepper.MeasureDevices"/>): each household's appliances and
/// generators in the order of its scenario entry, switched-off devices included (at 0). kWh within the slot. A
/// household's appliances plus its base load add up to its load, its generators to its generation (up to rounding).
/// The spans alias the stepper's buffers: copy what you keep.
/// </summary>
public readonly ref struct DeviceSlotView
{
    private readonly ReadOnlySpan<double> _appliances;
    private readonly ReadOnlySpan<double> _generators;
    private readonly ReadOnlySpan<double> _baseLoad;
    private readonly int[] _applianceStart;
    private readonly int[] _generatorStart;

    internal DeviceSlotView(DeviceMeter meter)
    {
        _appliances = meter.ApplianceKwh;
        _generators = meter.GeneratorKwh;
        _baseLoad = meter.BaseLoadKwh;
        _applianceStart = meter.Map.ApplianceStart;
        _generatorStart = meter.Map.GeneratorStart;
    }

    /// <summary>Household <paramref name="h"/>'s appliances' energy (kWh), in its order.</summary>
    public ReadOnlySpan<double> Appliances(int h) => _appliances[_applianceStart[h].._applianceStart[h + 1]];

    /// <summary>Household <paramref name="h"/>'s generators' output before curtailment (kWh), in its order.</summary>
    public ReadOnlySpan<double> Generators(int h) => _generators[_generatorStart[h].._generatorStart[h + 1]];

    /// <summary>Household <paramref name="h"/>'s base load: its consumption profile apart from its appliances (kWh).</summary>
    public double BaseLoadKwh(int h) => _baseLoad[h];
}
