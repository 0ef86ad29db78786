namespace PeerGrid.Simulation.Engine;

/// <summary>
/// Which device each compiled source of load and generation belongs to, so that a slot can be metered device by
/// device (<see cref="DeviceMeter"/>) although the hot loop only keeps household sums. Devices are numbered across
/// the scenario: households in order, each household's appliances (generators) in its own order, switched-off ones
/// included, so household h's appliances are <c>ApplianceStart[h] … ApplianceStart[h + 1] − 1</c>.
/// </summary>
internal sealed class DeviceMap
{
    /// <summary>Per household, its first appliance's number; one more entry holds the total.</summary>
    public required int[] ApplianceStart { get; init; }

    /// <summary>Per household, its first generator's number; one more entry holds the total.</summary>
    public required int[] GeneratorStart { get; init; }

    /// <summary>Per load term of the model: its appliance, or −1 for the household's base load.</summary>
    public int[] LoadTermAppliance { get; set; } = [];

    /// <summary>Per generation term, PV array and wind turbine of the model: its generator.</summary>
    public int[] GenTermGenerator { get; set; } = [];
    public int[] PvGenerator { get; set; } = [];
    public int[] WindGenerator { get; set; } = [];

    /// <summary>
    /// Switched-on dispatchable generators: their number, household and share of the household's pooled output (their
    /// rated power ÷ the pool's), the engine dispatching the pool as one generator.
    /// </summary>
    public int[] DispatchGenerator { get; set; } = [];
    public int[] DispatchHousehold { get; set; } = [];
    public double[] DispatchShare { get; set; } = [];
}
