namespace PeerGrid.Simulation.Observers;

/// <summary>
/// One slot, summed over the community. Energies in kWh within the slot, all ≥ 0; money in micro-units
/// (positive = households pay). <see cref="StoredKwh"/> is the energy in all batteries at the slot's end.
/// <see cref="Residual"/> is the largest per-household energy-balance error in the slot (kWh, ≈ 1e-12).
/// <see cref="PeerPaidMicros"/> is the money paid for <see cref="PeerTradedKwh"/>: what the households that received energy
/// from peers paid the market in the slot, network and platform fees included (docs/lab.md, the P2P price), less what a
/// sharing pool paid the grid for them (its import; then the sellers' credit). 0 when nothing traded. Not a slot's price
/// under a mechanism that bills per period (bill-sharing): its households pay nothing until the period closes.
/// </summary>
public readonly record struct CommunitySlot(
    int Slot,
    long BuyMicrosPerKwh,
    long SellMicrosPerKwh,
    double LoadKwh,
    double GenerationKwh,
    double ImportKwh,
    double ExportKwh,
    double ChargeKwh,
    double DischargeKwh,
    double StoredKwh,
    double CurtailedKwh,
    double UnmetKwh,
    double LossesKwh,
    double SelfConsumedKwh,
    double PeerTradedKwh,
    long CostMicros,
    long BaselineCostMicros,
    double EmissionsKg,
    double Residual,
    long PeerPaidMicros);
