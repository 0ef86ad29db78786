using PeerGrid.Domain.Quantities;

namespace PeerGrid.Markets.Sharing;

/// <summary>
/// Settles one slot of a per-slot sharing model (<see cref="SupplyDemandRatio"/>, <see cref="MidMarketRate"/>) for a
/// fixed number of participants. Sized once; <see cref="Settle"/> does not allocate, so the engine can call it every
/// slot for 100,000 participants. Not thread-safe: one settler per thread.
/// </summary>
/// <remarks>
/// Budget balance to the micro-unit: the sellers' total credit (supply × exact sell price) is rounded half-to-even;
/// buyers together pay that credit plus the community's grid bill. Each total is then split by the largest-remainder
/// method in proportion to energy, so every bill is within 2 micro-units of its exact amount (sellers within 1.5) and
/// Σ bills = grid bill exactly (docs/markets-sharing.md).
/// </remarks>
public sealed class SlotSharingSettler
{
    private readonly LargestRemainderApportioner apportioner;
    private readonly long[] sellerShares;

    public SlotSharingSettler(ISlotPricingRule rule, int participants)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfNegative(participants);
        Rule = rule;
        apportioner = new LargestRemainderApportioner(participants);
        sellerShares = new long[participants];
    }

    public ISlotPricingRule Rule { get; }

    public int Participants => sellerShares.Length;

    /// <summary>
    /// Prices and bills one slot. <paramref name="netMicroKwh"/>: each participant's net position after
    /// self-consumption, µkWh (&gt; 0 buyer, &lt; 0 seller), one per participant. Overwrites <paramref name="result"/>.
    /// </summary>
    public void Settle(ReadOnlySpan<long> netMicroKwh, Price gridBuy, Price gridSell, SlotSharingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (netMicroKwh.Length != Participants || result.Participants != Participants)
        {
            throw new ArgumentException($"Expected {Participants} net positions and a result for {Participants}; got {netMicroKwh.Length} and {result.Participants}.", nameof(netMicroKwh));
        }

        long[] import = result.ImportMicroKwh, export = result.ExportMicroKwh;
        long demand = 0, supply = 0;
        for (int i = 0; i < netMicroKwh.Length; i++)
        {
            long np = netMicroKwh[i];
            long imp = Math.Max(np, 0);
            long exp = checked(imp - np);
            import[i] = imp;
            export[i] = exp;
            demand = checked(demand + imp);
            supply = checked(supply + exp);
        }

        CommunityPrices prices = Rule.Quote(new MeteredEnergy(demand), new MeteredEnergy(supply), gridBuy, gridSell);
        long gridCost = CommunityGrid.CostMicros(checked(demand - supply), gridBuy.MicrosPerKwh, gridSell.MicrosPerKwh);
        long buyerCharge = checked(gridCost + prices.SellerCredit.Micros);
        if ((demand == 0 && buyerCharge != 0) || (supply == 0 && prices.SellerCredit != Money.Zero))
        {
            throw new InvalidOperationException($"Pricing rule '{Rule.Name}' quoted a seller credit of {prices.SellerCredit} that does not balance the grid bill {new Money(gridCost)}.");
        }

        long[] cost = result.CostMicros;
        apportioner.Apportion(buyerCharge, import, demand, cost);
        apportioner.Apportion(prices.SellerCredit.Micros, export, supply, sellerShares);
        for (int i = 0; i < cost.Length; i++)
        {
            cost[i] = checked(cost[i] - sellerShares[i]);
        }
        result.SetTotals(new MeteredEnergy(demand), new MeteredEnergy(supply), prices, new Money(gridCost), new Money(buyerCharge));
    }
}
