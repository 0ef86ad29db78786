namespace PeerGrid.Markets.Auctions;

/// <summary>
/// One bid or offer in an <see cref="OrderBook"/>. A bid is a buyer's maximum price, an offer a seller's minimum
/// price, both in micro-units of currency per kWh (may be negative); the energy is in µkWh and always &gt; 0.
/// Instances are created by <see cref="OrderBook.AddBid"/> and <see cref="OrderBook.AddOffer"/>.
/// </summary>
/// <param name="Id">The caller's identifier for the order (e.g. its household index); passed through untouched.</param>
/// <param name="Participant">Who placed it: an order never trades with an order of the same participant.</param>
/// <param name="PriceMicrosPerKwh">Limit price: bids pay at most this, offers receive at least this.</param>
/// <param name="EnergyMicroKwh">Energy wanted (bid) or available (offer), &gt; 0.</param>
/// <param name="Green">Offers: the energy is renewable. Always false for bids.</param>
/// <param name="GreenOnly">Bids: accept green offers only (a requirement, not a preference). Always false for offers.</param>
/// <param name="PreferredStart">Bids: start of this bid's preferred sellers in <see cref="OrderBook.PreferredSellers"/>.</param>
/// <param name="PreferredCount">Bids: how many preferred sellers (participant ids) the bid names; 0 for offers.</param>
public readonly record struct Order(
    int Id,
    int Participant,
    long PriceMicrosPerKwh,
    long EnergyMicroKwh,
    bool Green,
    bool GreenOnly,
    int PreferredStart,
    int PreferredCount);
