using PeerGrid.Markets.Auctions;

namespace PeerGrid.Application.Clearing;

/// <summary>
/// One book for <c>peergrid clear</c>, as <see cref="BookReader"/> reads it (format: docs/clearing-service.md).
/// Prices are in currency units per kWh and energies in kWh, both exact decimals with at most 6 decimals (the
/// library counts micro-units); <see cref="ClearBook.Run"/> expects a request that passed the reader's checks.
/// </summary>
public abstract record ClearRequest(ClearingModel Mechanism);

/// <summary>An order book for one of the auctions (pay-as-clear, pay-as-bid, pay-as-offer, preference-first, huang).</summary>
/// <param name="Pricing">How pay-as-clear (and preference-first's last pass) sets its uniform price; default equilibrium interval.</param>
/// <param name="K">The point in the price range, 0 … 1; default 0.5 (pymarket's competitive equilibrium).</param>
/// <param name="Bids">Buy orders in time priority (earlier wins a price tie).</param>
/// <param name="Offers">Sell orders in time priority.</param>
public sealed record AuctionRequest(
    ClearingModel Mechanism,
    PricingConvention Pricing,
    double K,
    IReadOnlyList<BidEntry> Bids,
    IReadOnlyList<OfferEntry> Offers) : ClearRequest(Mechanism);

/// <summary>A buy order.</summary>
/// <param name="Id">The caller's id, unique among the bids; echoed in trades and unmatched bids.</param>
/// <param name="Participant">Who buys: never trades with its own offers.</param>
/// <param name="Price">The most the buyer pays, currency units per kWh (may be negative), within ±10.</param>
/// <param name="EnergyKwh">Energy wanted, kWh, &gt; 0.</param>
/// <param name="GreenOnly">Accept green offers only (preference-first).</param>
/// <param name="PreferredSellers">Participants to buy from first (preference-first); each has an offer in the book.</param>
public sealed record BidEntry(
    string Id,
    string Participant,
    decimal Price,
    decimal EnergyKwh,
    bool GreenOnly,
    IReadOnlyList<string> PreferredSellers);

/// <summary>A sell order.</summary>
/// <param name="Id">The caller's id, unique among the offers.</param>
/// <param name="Participant">Who sells.</param>
/// <param name="Price">The least the seller accepts, currency units per kWh (may be negative), within ±10.</param>
/// <param name="EnergyKwh">Energy available, kWh, &gt; 0.</param>
/// <param name="Green">Renewable energy (matches green-only bids).</param>
public sealed record OfferEntry(string Id, string Participant, decimal Price, decimal EnergyKwh, bool Green);

/// <summary>Net positions for a sharing model (sdr, mmr: priced per slot; bill-sharing: one billing period over all slots).</summary>
/// <param name="GridBuyPrice">λ_buy, the utility's import price, currency units per kWh.</param>
/// <param name="GridSellPrice">λ_sell, the utility's export (feed-in) price, below λ_buy; sdr needs it ≥ 0.</param>
public sealed record SharingRequest(
    ClearingModel Mechanism,
    decimal GridBuyPrice,
    decimal GridSellPrice,
    IReadOnlyList<SharingSlot> Slots) : ClearRequest(Mechanism);

/// <summary>One slot: each named participant's net position (a participant not named has 0).</summary>
public sealed record SharingSlot(IReadOnlyList<NetPosition> NetPositions);

/// <summary>A participant's net position in a slot after self-consumption.</summary>
/// <param name="NetKwh">kWh: &gt; 0 needs energy (buyer), &lt; 0 has surplus (seller).</param>
public sealed record NetPosition(string Participant, decimal NetKwh);
