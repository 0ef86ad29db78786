using PeerGrid.Domain.Quantities;

namespace PeerGrid.Markets.Sharing;

/// <summary>
/// One slot's community prices, as a pricing rule quotes them from the community's totals.
/// </summary>
/// <param name="Buy">What buyers pay per kWh: the model's exact (rational) price rounded half-to-even to the micro-unit.
/// Published for display; bills use the exact price.</param>
/// <param name="Sell">What sellers are credited per kWh, rounded likewise.</param>
/// <param name="SellerCredit">Total supply × the exact sell price, rounded half-to-even to the micro-unit (≥ 0 when the
/// grid prices are ≥ 0): what all sellers together receive. Buyers together pay this plus the community's grid bill.</param>
public readonly record struct CommunityPrices(Price Buy, Price Sell, Money SellerCredit);
