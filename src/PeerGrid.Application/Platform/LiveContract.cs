namespace PeerGrid.Application.Platform;

/// <summary>
/// An active bilateral contract: in every slot the buyer buys up to <paramref name="KwhPerSlot"/> directly from
/// the chosen seller at a fixed price, before the open market (docs/platform-slots.md).
/// </summary>
/// <param name="Id">The contract's id; contracts are matched in ordinal order of their ids.</param>
/// <param name="BuyerId">The buying household's id.</param>
/// <param name="SellerId">The selling household's id (≠ buyer).</param>
/// <param name="KwhPerSlot">The most energy traded per slot, kWh ≥ 0 (metered in whole µkWh, rounded down).</param>
/// <param name="PriceMicrosPerKwh">The contract price, micro-units per kWh ≥ 0.</param>
public sealed record LiveContract(string Id, string BuyerId, string SellerId, double KwhPerSlot, long PriceMicrosPerKwh);
