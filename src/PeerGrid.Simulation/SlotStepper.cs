using PeerGrid.Domain.Households;
using PeerGrid.Domain.Trading;
using PeerGrid.Simulation.Engine;
using PeerGrid.Simulation.Observers;
using PeerGrid.Simulation.Time;

namespace PeerGrid.Simulation;

/// <summary>
/// A compiled scenario run one slot at a time, in any order, for a caller that owns the state between slots (the
/// live platform: docs/engine.md, "Stepping"). Before a step the caller may set each household's battery state;
/// <see cref="Step"/> runs one slot of <see cref="Calendar"/> exactly as <see cref="Simulator.Run"/> would (its day's
/// deferrable jobs scheduled as a run from slot 0 has them), and afterwards <see cref="Households"/> and the battery
/// accessors hold that slot's results. Stepping slots 0, 1, … in order, carrying the battery state, reproduces a run.
/// A step's result depends only on the scenario, the slot, the battery state set and the settlement's budgets, not on
/// earlier steps, provided the market mechanism keeps no memory across slots (auctions with the fixed strategy, SDR,
/// MMR, grid-only do not; the adaptive strategy and Bill Sharing do). Single-threaded use only.
/// Dispose it to stop its worker threads (none when created with one thread).
/// </summary>
public sealed class SlotStepper : IDisposable
{
    private const double MaxContentToleranceKwh = 1e-9;

    private readonly SimulationEngine _engine;
    private readonly CommunityModel _model;
    private readonly ChunkWorkers? _workers;
    private readonly IReadOnlyList<Household> _households;
    private readonly ulong _seed;
    private DeviceMeter? _meter;
    private int _lastSlot = -1;
    private bool _disposed;

    internal SlotStepper(CommunityModel model, IReadOnlyList<Household> households, ulong seed, IMarketMechanism market, ISlotSettlement? settlement, int threads)
    {
        _model = model;
        _households = households;
        _seed = seed;
        _engine = new SimulationEngine(model, market, [], threads, settlement);
        if (_engine.Threads > 1)
        {
            _workers = new ChunkWorkers(_engine.Threads);
            _engine.Workers = _workers;
        }
    }

    /// <summary>The slots this stepper can run (0 … SlotCount − 1), with their UTC and local times.</summary>
    public SlotCalendar Calendar => _model.Calendar;

    /// <summary>Household ids in engine order: index h of every per-household value.</summary>
    public IReadOnlyList<string> HouseholdIds => _model.HouseholdIds;

    public int HouseholdCount => _model.HouseholdCount;

    /// <summary>Household <paramref name="h"/>'s pooled battery content at the start of the calendar (kWh, 0 without a battery).</summary>
    public double InitialStoredKwh(int h) => _model.BatteryInitialKwh[h];

    /// <summary>Household <paramref name="h"/>'s pooled battery content (kWh): after a step, at the end of that slot.</summary>
    public double StoredKwh(int h) => _engine.Buffers.Stored[h];

    /// <summary>
    /// The part of <see cref="StoredKwh"/> (kWh, 0 … stored) that came from the household's own generation rather
    /// than the grid: energy discharged from it counts as self-consumed (a KPI), in proportion.
    /// </summary>
    public double StoredLocalKwh(int h) => _engine.Buffers.Scratch[h].StoredLocal;

    /// <summary>
    /// Sets household <paramref name="h"/>'s battery state for the next step. <paramref name="storedKwh"/> is clamped
    /// to 0 … the pooled battery's maximum content (capacity × max SoC; 0 without a battery; an excess of up to 1e-9 kWh
    /// is kept), so a battery made smaller between slots holds what fits; <paramref name="localKwh"/> to 0 … the stored
    /// energy. NaN or infinity throws.
    /// </summary>
    public void SetBattery(int h, double storedKwh, double localKwh)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(h);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(h, _model.HouseholdCount);
        if (!double.IsFinite(storedKwh) || !double.IsFinite(localKwh))
        {
            throw new ArgumentOutOfRangeException(nameof(storedKwh), $"Battery state of household {_model.HouseholdIds[h]} must be finite kWh, got {storedKwh} / {localKwh}.");
        }
        double max = _model.Params[h].BatteryCapacityKwh > 0 ? _model.Params[h].BatteryMaxKwh : 0;
        // A state read back from a step may sit an ulp above the maximum (charge × η rounds); only a real excess is cut,
        // so that chaining steps reproduces a run bit for bit.
        double stored = storedKwh > max + MaxContentToleranceKwh ? max : Math.Max(storedKwh, 0);
        _engine.Buffers.Stored[h] = stored;
        _engine.Buffers.Scratch[h].StoredLocal = Math.Clamp(localKwh, 0, stored);
    }

    /// <summary>
    /// Runs slot <paramref name="slot"/> (0 … Calendar.SlotCount − 1) and returns its community sums; per-household
    /// values are in <see cref="Households"/> until the next step.
    /// </summary>
    public CommunitySlot Step(int slot)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, _model.Calendar.SlotCount);
        _lastSlot = -1;
        CommunitySlot result = _engine.StepSlot(slot);
        _lastSlot = slot;
        return result;
    }

    /// <summary>
    /// The last step metered device by device: each appliance's and generator's energy in that slot (docs/engine.md,
    /// "Device metering"). The first call builds the meter; each call re-evaluates the slot's sources one by one, so
    /// call it only where devices are shown, not in a scenario run. Throws before the first successful step.
    /// </summary>
    public DeviceSlotView MeasureDevices()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_lastSlot < 0)
        {
            throw new InvalidOperationException("Step a slot before metering its devices.");
        }
        _meter ??= new DeviceMeter(_model, _households, _seed);
        _meter.Measure(_lastSlot, _engine.Buffers);
        return new DeviceSlotView(_meter);
    }

    /// <summary>The last step's per-household values (spans over the stepper's buffers: copy what you keep).</summary>
    public HouseholdSlotView Households => new(_engine.Buffers);

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _workers?.Dispose();
        }
    }
}
