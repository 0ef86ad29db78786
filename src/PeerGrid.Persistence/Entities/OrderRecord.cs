namespace PeerGrid.Persistence.Entities;

/// <summary>
/// A household's bid (to buy) or offer (to sell) for one upcoming slot, placed through /api/me/orders.
/// An open order for slot s sets the household's limit price for that slot — a bid its maximum buy price, an offer its
/// minimum sell price, in place of the preferences' maxBuyPrice/minSellPrice — and caps the energy it buys or sells
/// in the open market in that slot at <see cref="EnergyKwh"/> (summed over its orders of a side; contracts are not
/// capped; the grid takes what the market does not). The clock reads the open orders of the slot it settles and,
/// in the slot's transaction, marks them "filled" (some energy traded) or "expired" (none); a cancelled order is
/// ignored. Price in micro-units of the community's currency per kWh (−10 … 10 units); energy in kWh (0 &lt; x ≤ 100).
/// </summary>
public sealed class OrderRecord
{
    public long Id { get; set; }
    public long CommunityId { get; set; }
    public long HouseholdId { get; set; }

    /// <summary>The slot the order is for; greater than the community's last settled slot when placed.</summary>
    public long Slot { get; set; }

    /// <summary>One of <see cref="OrderSides"/>.</summary>
    public string Side { get; set; } = "";

    public double EnergyKwh { get; set; }
    public long LimitPriceMicrosPerKwh { get; set; }

    /// <summary>One of <see cref="OrderStatus"/>.</summary>
    public string Status { get; set; } = OrderStatus.Open;

    public DateTimeOffset CreatedUtc { get; set; }
}

public static class OrderSides
{
    public const string Bid = "bid";
    public const string Offer = "offer";

    public static IReadOnlyList<string> All { get; } = [Bid, Offer];
}

public static class OrderStatus
{
    public const string Open = "open";
    public const string Cancelled = "cancelled";
    public const string Filled = "filled";
    public const string Expired = "expired";

    public static IReadOnlyList<string> All { get; } = [Open, Cancelled, Filled, Expired];
}
