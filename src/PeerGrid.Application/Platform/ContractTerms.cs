namespace PeerGrid.Application.Platform;

/// <summary>
/// A bilateral contract as <see cref="ContractFirstMarket"/> matches it: household indices (the engine's order), the
/// most energy per slot in µkWh (≥ 0) and the price in micro-units per kWh (≥ 0).
/// </summary>
public readonly record struct ContractTerms(int Buyer, int Seller, long MaxMicroKwh, long PriceMicrosPerKwh);

/// <summary>
/// What contract <see cref="Contract"/> (its index in the list given to <see cref="ContractFirstMarket.SetContracts"/>)
/// traded in the last slot: µkWh and what the buyer paid the seller, micro-units.
/// </summary>
public readonly record struct ContractFill(int Contract, int Buyer, int Seller, long EnergyMicroKwh, long PaidMicros);
