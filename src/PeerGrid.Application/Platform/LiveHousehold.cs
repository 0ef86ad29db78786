using PeerGrid.Domain.Households;

namespace PeerGrid.Application.Platform;

/// <summary>
/// One household as it stands before a slot: its configuration (devices and preferences, switched-off devices
/// included with IsOn = false), its batteries' state carried from the previous slot and what it may spend.
/// </summary>
/// <param name="Id">The household's id (also its ledger account, "household:{Id}"); replaces <see cref="Household.Id"/> of <paramref name="Spec"/>.</param>
/// <param name="Spec">Devices, preferences and connection limits.</param>
/// <param name="BatteryStoredKwh">Energy in its (pooled) batteries at the slot's start, kWh; null = the batteries' initial SoC (a new household).
/// Clamped to 0 … capacity × max SoC, so a battery made smaller holds what fits.</param>
/// <param name="BatteryLocalKwh">The part of the stored energy from its own generation, kWh (0 … stored); null = all of it.</param>
/// <param name="BudgetMicros">What it may pay in the slot: balance + credit limit, micro-units ≥ 0; <see cref="long.MaxValue"/> = unlimited.</param>
/// <param name="MarketBuyCapKwh">The most it may buy in the open market this slot (its bids' energy), kWh; null = its whole need. Contracts are not capped.</param>
/// <param name="MarketSellCapKwh">The most it may sell in the open market this slot (its offers' energy), kWh; null = its whole surplus.</param>
public sealed record LiveHousehold(string Id, Household Spec, double? BatteryStoredKwh, double? BatteryLocalKwh, long BudgetMicros,
    double? MarketBuyCapKwh = null, double? MarketSellCapKwh = null);
