namespace PeerGrid.Application.Clearing;

/// <summary>
/// What <see cref="ClearBook"/> prints (format: docs/clearing-service.md). Prices are currency units per kWh, energies
/// kWh, money currency units: exact decimals converted from the library's micro-units, with no trailing zeros.
/// </summary>
public abstract record ClearResponse(string Mechanism);

/// <summary>An auction's outcome.</summary>
/// <param name="ClearingPrice">The uniform price (pay-as-clear; preference-first's last pass); null for the others or when nothing traded there.</param>
/// <param name="Trades">Trades in the order the mechanism made them.</param>
/// <param name="UnmatchedBids">Bids with energy left, in book order.</param>
/// <param name="UnmatchedOffers">Offers with energy left, in book order.</param>
/// <param name="SelfNettings">A participant's own bid and offer cancelled against each other by a uniform-price crossing (usually empty).</param>
public sealed record AuctionResponse(
    string Mechanism,
    decimal? ClearingPrice,
    IReadOnlyList<TradeLine> Trades,
    IReadOnlyList<UnmatchedOrder> UnmatchedBids,
    IReadOnlyList<UnmatchedOrder> UnmatchedOffers,
    IReadOnlyList<SelfNettingLine> SelfNettings) : ClearResponse(Mechanism);

/// <summary>One trade: <paramref name="Seller"/>'s offer delivers <paramref name="EnergyKwh"/> to <paramref name="Buyer"/>'s bid.</summary>
/// <param name="Price">What the buyer pays per kWh.</param>
/// <param name="SellerPrice">What the seller receives per kWh when that differs from <paramref name="Price"/> (huang); otherwise null.</param>
public sealed record TradeLine(
    string BidId,
    string OfferId,
    string Buyer,
    string Seller,
    decimal EnergyKwh,
    decimal Price,
    decimal? SellerPrice);

/// <summary>An order with energy left after clearing, kWh &gt; 0.</summary>
public sealed record UnmatchedOrder(string Id, decimal RemainingKwh);

/// <summary>Energy of <paramref name="Participant"/>'s own bid and offer cancelled against each other: no trade, no payment.</summary>
public sealed record SelfNettingLine(string BidId, string OfferId, string Participant, decimal EnergyKwh);

/// <summary>A per-slot sharing model's outcome (sdr, mmr): one entry per input slot.</summary>
public sealed record SlotSharingResponse(string Mechanism, IReadOnlyList<SharingSlotLine> Slots) : ClearResponse(Mechanism);

/// <summary>One slot's community prices (rounded to the micro-unit; bills use the exact prices) and bills.</summary>
/// <param name="Participants">The slot's participants, in the slot's input order.</param>
public sealed record SharingSlotLine(decimal BuyPrice, decimal SellPrice, IReadOnlyList<ParticipantLine> Participants);

/// <summary>A participant's energy and bill.</summary>
/// <param name="ImportKwh">Energy drawn from the community, kWh, ≥ 0.</param>
/// <param name="ExportKwh">Energy delivered to the community, kWh, ≥ 0.</param>
/// <param name="Cost">The bill, currency units: &gt; 0 pays, &lt; 0 earns (income).</param>
public sealed record ParticipantLine(string Participant, decimal ImportKwh, decimal ExportKwh, decimal Cost);

/// <summary>Bill sharing over the billing period made of all the book's slots.</summary>
/// <param name="ImportPrice">c_im, the period's import price per kWh (0 without imports).</param>
/// <param name="ExportPrice">c_ex, the period's export price per kWh (0 without exports).</param>
/// <param name="Participants">Every participant, in order of first appearance; energies summed over the period.</param>
public sealed record BillSharingResponse(
    string Mechanism,
    decimal ImportPrice,
    decimal ExportPrice,
    IReadOnlyList<ParticipantLine> Participants) : ClearResponse(Mechanism);
