namespace PeerGrid.Application.Platform;

/// <summary>
/// One trade in a slot. Energy in µkWh (&gt; 0), price in micro-units per kWh, amount in micro-units: what the buyer
/// pays for the energy, energy × price rounded half-to-even once per trade. Fees and Huang's trade-reduction
/// surplus are not in it (they are in the transfers and in <see cref="HouseholdReading.PaidMicros"/>).
/// </summary>
/// <param name="Kind"><see cref="Contract"/> or <see cref="Market"/>.</param>
/// <param name="ContractId">The contract traded; null for the open market.</param>
/// <param name="BuyerId">A household id, or <see cref="LiveAccounts.PlatformOperator"/> when the mechanism pools (SDR, MMR, auctions with a platform fee) and the household sold to the pool.</param>
/// <param name="SellerId">A household id, or <see cref="LiveAccounts.PlatformOperator"/> when the household bought from the pool.</param>
public sealed record LiveTrade(string Kind, string? ContractId, string BuyerId, string SellerId, long EnergyMicroKwh, long PriceMicrosPerKwh, long AmountMicros)
{
    public const string Contract = "contract";
    public const string Market = "market";
}
