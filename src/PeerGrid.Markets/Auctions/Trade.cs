using PeerGrid.Domain.Quantities;

namespace PeerGrid.Markets.Auctions;

/// <summary>
/// One bilateral trade: the seller of offer <see cref="Offer"/> delivers <see cref="EnergyMicroKwh"/> µkWh to the
/// buyer of bid <see cref="Bid"/>. Buyer and seller prices (micro-units per kWh) are equal except in
/// <see cref="HuangTradeReduction"/>, where the operator keeps the difference.
/// </summary>
/// <param name="Bid">Index of the bid in <see cref="OrderBook.Bids"/>.</param>
/// <param name="Offer">Index of the offer in <see cref="OrderBook.Offers"/>.</param>
/// <param name="Buyer">The bid's participant.</param>
/// <param name="Seller">The offer's participant (never equal to <paramref name="Buyer"/>).</param>
/// <param name="EnergyMicroKwh">Traded energy, &gt; 0.</param>
/// <param name="BuyerPriceMicrosPerKwh">What the buyer pays per kWh (≤ its bid price).</param>
/// <param name="SellerPriceMicrosPerKwh">What the seller receives per kWh (≥ its offer price, ≤ the buyer price).</param>
public readonly record struct Trade(
    int Bid,
    int Offer,
    int Buyer,
    int Seller,
    long EnergyMicroKwh,
    long BuyerPriceMicrosPerKwh,
    long SellerPriceMicrosPerKwh)
{
    /// <summary>The buyer's payment in micro-units: energy × buyer price, rounded half-to-even once per trade.</summary>
    public long BuyerPaysMicros => Price.CostMicros(EnergyMicroKwh, BuyerPriceMicrosPerKwh);

    /// <summary>The seller's receipt in micro-units: energy × seller price, rounded half-to-even once per trade.</summary>
    public long SellerReceivesMicros => Price.CostMicros(EnergyMicroKwh, SellerPriceMicrosPerKwh);

    /// <summary>What the market operator keeps (≥ 0): the difference of the two rounded amounts.</summary>
    public long OperatorKeepsMicros => BuyerPaysMicros - SellerReceivesMicros;
}

/// <summary>
/// Energy a participant's own bid and own offer cancelled against each other in a uniform-price crossing
/// (self-trade prevention by decrement, docs/markets-auctions.md): no trade and no payment; both orders' remaining
/// energy drops by <see cref="EnergyMicroKwh"/>.
/// </summary>
public readonly record struct SelfNetting(int Bid, int Offer, int Participant, long EnergyMicroKwh);
