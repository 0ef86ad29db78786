namespace PeerGrid.Simulation.Observers;

/// <summary>
/// One slot, summed over the community. Energies in kWh within the slot, all ≥ 0; money in micro-units
/// (positive = households pay). <see cref="StoredKwh"/> is the energy in all batteries at the slot's end.
/// <see cref="Residual"/> is the largest per-household energy-balance error in the slot (kWh, ≈ 1e-12).
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
    double Residual);
