namespace PeerGrid.Application.Platform;

/// <summary>
/// One household's meter reading for one slot. Energies in kWh within the slot, all ≥ 0; they balance as the engine
/// defines (docs/engine.md): generation + import + discharge + bought + unmet = load + export + charge + sold + curtailed.
/// </summary>
/// <param name="LoadKwh">Demand, served and unmet.</param>
/// <param name="GenerationKwh">All generation, dispatchable included.</param>
/// <param name="BatteryChargeKwh">Energy into the battery from the household's bus (before charge losses).</param>
/// <param name="BatteryDischargeKwh">Energy out of the battery to the bus (after discharge losses).</param>
/// <param name="BatteryStoredKwh">Energy stored at the slot's end: the next slot's <see cref="LiveHousehold.BatteryStoredKwh"/>.</param>
/// <param name="BatteryLocalKwh">The part of it from own generation: the next slot's <see cref="LiveHousehold.BatteryLocalKwh"/>.</param>
/// <param name="GridImportKwh">From the grid, including what a sharing pool bought on the household's behalf.</param>
/// <param name="GridExportKwh">To the grid, including what a sharing pool sold on its behalf.</param>
/// <param name="P2PBoughtKwh">Received from peers: contracts and the open market.</param>
/// <param name="P2PSoldKwh">Delivered to peers: contracts and the open market.</param>
/// <param name="CurtailedKwh">Generation that found no use, buyer or room on the connection.</param>
/// <param name="UnmetKwh">Demand not served (connection limit or budget).</param>
/// <param name="PaidMicros">Net money in the slot, micro-units: &gt; 0 paid, &lt; 0 earned (grid, peers, fees, fuel).</param>
/// <param name="GridOnlyCostMicros">
/// What the slot's whole load would have cost bought from the utility at its retail price: the "everything from the
/// grid" bill the dashboard measures savings against.
/// </param>
/// <param name="ApplianceKwh">Each appliance's energy, in the order of the household's appliances (switched off: 0).</param>
/// <param name="GeneratorKwh">Each generator's output before curtailment, in the order of its generators.</param>
/// <param name="BaseLoadKwh">The household's base load (its standard profile): with the appliances, its load.</param>
public sealed record HouseholdReading(
    string HouseholdId,
    double LoadKwh,
    double GenerationKwh,
    double BatteryChargeKwh,
    double BatteryDischargeKwh,
    double BatteryStoredKwh,
    double BatteryLocalKwh,
    double GridImportKwh,
    double GridExportKwh,
    double P2PBoughtKwh,
    double P2PSoldKwh,
    double CurtailedKwh,
    double UnmetKwh,
    long PaidMicros,
    long GridOnlyCostMicros,
    IReadOnlyList<double> ApplianceKwh,
    IReadOnlyList<double> GeneratorKwh,
    double BaseLoadKwh)
{
    /// <summary>Value equality including the device lists' contents (records compare lists by reference).</summary>
    public bool SameAs(HouseholdReading other) =>
        WithoutLists(this) == WithoutLists(other)
        && ApplianceKwh.SequenceEqual(other.ApplianceKwh)
        && GeneratorKwh.SequenceEqual(other.GeneratorKwh);

    private static HouseholdReading WithoutLists(HouseholdReading r) => r with { ApplianceKwh = [], GeneratorKwh = [] };
}
