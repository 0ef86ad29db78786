using PeerGrid.Application.Markets;
using PeerGrid.Domain.Trading;
using PeerGrid.Markets.Auctions;
using PeerGrid.Markets.Mechanisms;
using PeerGrid.Simulation.Scenarios;

namespace PeerGrid.Application.Platform;

/// <summary>The open market of a live community, built so that its trades can be reported.</summary>
internal static class LiveMechanisms
{
    /// <summary>
    /// A flat auction without a platform fee is built here around a <see cref="RecordingClearing"/> (pairwise trades);
    /// every other mechanism comes from <see cref="MechanismFactory"/> and reports one trade per household against the
    /// pool (<paramref name="recorder"/> null). Bill Sharing bills per month and is refused.
    /// </summary>
    public static IMarketMechanism Create(Scenario day, out RecordingClearing? recorder)
    {
        string name = day.Mechanism;
        if (!MechanismFactory.Names.Contains(name) || name == "bill-sharing")
        {
            throw new ArgumentException($"Mechanism '{name}' cannot run live; use one of {string.Join(", ", MechanismFactory.Names.Where(n => n != "bill-sharing"))}.", nameof(day));
        }
        PricingConvention pricing = day.Pricing == MarketSettings.MarginalPair ? PricingConvention.MarginalPair : PricingConvention.EquilibriumInterval;
        recorder = null;
        if (!MechanismFactory.Auctions.Contains(name) || day.PlatformFeePerKwh != 0)
        {
            return MechanismFactory.Create(day, pricing);
        }
        IClearingMechanism clearing = name switch
        {
            "pay-as-clear" => new PayAsClear(pricing, day.PricingK),
            "pay-as-bid" => new PayAsBid(),
            "pay-as-offer" => new PayAsOffer(),
            "preference-first" => new PreferenceFirst(new PayAsClear(pricing, day.PricingK)),
            _ => new HuangTradeReduction(),
        };
        recorder = new RecordingClearing(clearing);
        return new AuctionMarket(recorder, name);
    }
}
