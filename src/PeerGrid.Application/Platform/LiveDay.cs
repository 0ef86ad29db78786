using PeerGrid.Simulation;

namespace PeerGrid.Application.Platform;

/// <summary>One compiled local day of a live community, cached by <see cref="LiveSlotRunner"/>.</summary>
internal sealed class LiveDay(SlotStepper stepper, ContractFirstMarket market, OrderCapMarket caps, RecordingClearing? recorder, ForwardingSettlement settlement, string[] householdIds) : IDisposable
{
    public SlotStepper Stepper { get; } = stepper;
    public ContractFirstMarket Market { get; } = market;
    public OrderCapMarket Caps { get; } = caps;
    public RecordingClearing? Recorder { get; } = recorder;
    public ForwardingSettlement Settlement { get; } = settlement;

    /// <summary>The households it was compiled for, in engine order: a cached day is reused only for the same ids.</summary>
    public string[] HouseholdIds { get; } = householdIds;

    public void Dispose() => Stepper.Dispose();
}
