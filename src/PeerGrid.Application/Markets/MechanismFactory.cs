using PeerGrid.Domain.Trading;
using PeerGrid.Markets.Auctions;
using PeerGrid.Markets.Mechanisms;
using PeerGrid.Markets.Sharing;

namespace PeerGrid.Application.Markets;

/// <summary>Builds the market mechanism a scenario (or <c>--compare</c>) names, sized for its households.</summary>
public static class MechanismFactory
{
    /// <summary>The mechanisms this build runs, by their names in scenario files and on the command line.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["grid-only", "pay-as-clear", "pay-as-bid", "pay-as-offer", "preference-first", "huang", "sdr", "mmr", "bill-sharing"];

    /// <param name="k">Pay-as-clear's point in the price interval, 0 … 1 (../shared/REFERENCE.md §1).</param>
    public static IMarketMechanism Create(string name, int households, PricingConvention pricing = PricingConvention.EquilibriumInterval, double k = 0.5) => name switch
    {
        "grid-only" => new GridOnlyMarket(),
        "pay-as-clear" => new AuctionMarket(new PayAsClear(pricing, k)),
        "pay-as-bid" => new AuctionMarket(new PayAsBid()),
        "pay-as-offer" => new AuctionMarket(new PayAsOffer()),
        "preference-first" => new AuctionMarket(new PreferenceFirst(new PayAsClear(pricing, k)), "preference-first"),
        "huang" => new AuctionMarket(new HuangTradeReduction()),
        "sdr" => new SlotSharingMarket(SupplyDemandRatio.Instance, households),
        "mmr" => new SlotSharingMarket(MidMarketRate.Instance, households),
        "bill-sharing" => new BillSharingMarket(households),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"Unknown mechanism; use one of {string.Join(", ", Names)}."),
    };
}
