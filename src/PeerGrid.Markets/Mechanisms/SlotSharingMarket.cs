using PeerGrid.Domain.Quantities;
using PeerGrid.Domain.Trading;
using PeerGrid.Markets.Sharing;

namespace PeerGrid.Markets.Mechanisms;

/// <summary>
/// A per-slot sharing model (SDR or MMR) as the engine's market: every household's net position goes to the
/// community pool, which prices it with the rule and settles the community's remainder with the grid. Bills are
/// budget-balanced to the micro-unit (docs/markets-sharing.md).
/// </summary>
public sealed class SlotSharingMarket : IMarketMechanism
{
    private readonly SlotSharingSettler _settler;
    private readonly SlotSharingResult _result;
    private readonly long[] _netMicroKwh;

    public SlotSharingMarket(ISlotPricingRule rule, int households)
    {
        _settler = new SlotSharingSettler(rule, households);
        _result = new SlotSharingResult(households);
        _netMicroKwh = new long[households];
        Name = rule.Name;
    }

    public string Name { get; }

    public void Clear(MarketSlot slot)
    {
        double[] net = slot.NetKwh;
        for (int h = 0; h < net.Length; h++)
        {
            _netMicroKwh[h] = MeteredEnergy.MicroKwhOf(net[h]);
        }
        _settler.Settle(_netMicroKwh, new Price(slot.GridBuyMicrosPerKwh), new Price(slot.GridSellMicrosPerKwh), _result);
        Array.Copy(_result.CostMicros, slot.PaidMicros, net.Length);
        slot.PoolGridCostMicros = _result.GridCost.Micros;
        var (demand, supply) = PoolSplit.Totals(net);
        PoolSplit.Apply(slot, demand, supply);
    }
}
