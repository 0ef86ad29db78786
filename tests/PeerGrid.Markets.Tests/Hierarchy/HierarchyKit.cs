using PeerGrid.Domain.Trading;
using PeerGrid.Markets.Auctions;
using PeerGrid.Markets.Hierarchy;

namespace PeerGrid.Markets.Tests.Hierarchy;

/// <summary>Slots, topologies and charges for the hierarchy tests, in kWh and micro-units.</summary>
internal static class HierarchyKit
{
    public const long Retail = 300_000;
    public const long FeedIn = 100_000;

    /// <summary>Cell fee 0.01 per kWh, community fee 2 %, region fee 0.02 per kWh, 1 % loss per crossing, platform fee 0.005 per kWh.</summary>
    public static HierarchyCharges Charges { get; } = new(GridFee.PerKwh(10_000), GridFee.Percent(2), GridFee.PerKwh(20_000), 0.01, 5_000);

    /// <summary>
    /// A slot where every household bids up to retail and offers down to the feed-in tariff unless
    /// <paramref name="offerLimits"/> says otherwise.
    /// </summary>
    public static MarketSlot Slot(double[] netKwh, long[]? offerLimits = null)
    {
        var slot = new MarketSlot(netKwh.Length) { GridBuyMicrosPerKwh = Retail, GridSellMicrosPerKwh = FeedIn };
        netKwh.CopyTo(slot.NetKwh, 0);
        Array.Fill(slot.BidLimitMicrosPerKwh, long.MaxValue);
        offerLimits?.CopyTo(slot.OfferLimitMicrosPerKwh, 0);
        return slot;
    }

    /// <summary>Zeroes the outputs, as the engine does before each call.</summary>
    public static void ResetOutputs(MarketSlot slot)
    {
        Array.Clear(slot.TradedKwh);
        Array.Clear(slot.PoolGridKwh);
        Array.Clear(slot.PaidMicros);
    }

    public static Func<IClearingMechanism> Clearing(string name) => name switch
    {
        "pay-as-clear" => () => new PayAsClear(PricingConvention.EquilibriumInterval, 0.5),
        "marginal-pair" => () => new PayAsClear(PricingConvention.MarginalPair, 0.3),
        "pay-as-bid" => () => new PayAsBid(),
        "pay-as-offer" => () => new PayAsOffer(),
        "huang" => () => new HuangTradeReduction(),
        "preference-first" => () => new PreferenceFirst(new PayAsClear(PricingConvention.EquilibriumInterval, 0.5)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown mechanism"),
    };

    public static readonly string[] MechanismNames = ["pay-as-clear", "marginal-pair", "pay-as-bid", "pay-as-offer", "huang", "preference-first"];
}
