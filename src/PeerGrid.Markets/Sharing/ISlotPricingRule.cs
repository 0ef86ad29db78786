using PeerGrid.Domain.Quantities;

namespace PeerGrid.Markets.Sharing;

/// <summary>
/// An energy-sharing pricing model that prices one slot from the community's totals alone: one price for every
/// buyer, one for every seller (SDR, MMR). <see cref="SlotSharingSettler"/> turns the quote into exact bills.
/// Implementations are pure and stateless.
/// </summary>
public interface ISlotPricingRule
{
    /// <summary>The model's short name, e.g. "sdr".</summary>
    string Name { get; }

    /// <summary>
    /// Prices a slot. <paramref name="demand"/> is the total buying power TBP (Σ of positive net positions, after
    /// self-consumption), <paramref name="supply"/> the total selling power TSP (Σ |negative net positions|); both ≥ 0.
    /// The quote must satisfy demand × Buy − supply × Sell = the grid bill of (demand − supply) in exact arithmetic.
    /// </summary>
    CommunityPrices Quote(MeteredEnergy demand, MeteredEnergy supply, Price gridBuy, Price gridSell);
}
