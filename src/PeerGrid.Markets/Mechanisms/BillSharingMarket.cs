using PeerGrid.Domain.Quantities;
using PeerGrid.Domain.Trading;
using PeerGrid.Markets.Sharing;

namespace PeerGrid.Markets.Mechanisms;

/// <summary>
/// Bill Sharing (Long et al. 2017) as the engine's market: energy flows through the community pool every slot, and
/// the community's actual grid bill for each billing period is split by each household's imports and exports when
/// the period closes (each local calendar month and the run's end).
/// </summary>
public sealed class BillSharingMarket : IMarketMechanism
{
    private readonly BillSharingPeriod _period;
    private readonly BillSharingResult _result;
    private readonly long[] _netMicroKwh;

    public BillSharingMarket(int households)
    {
        _period = new BillSharingPeriod(households);
        _result = new BillSharingResult(households);
        _netMicroKwh = new long[households];
    }

    public string Name => "bill-sharing";

    public void Clear(MarketSlot slot)
    {
        double[] net = slot.NetKwh;
        for (int h = 0; h < net.Length; h++)
        {
            _netMicroKwh[h] = MeteredEnergy.MicroKwhOf(net[h]);
        }
        _period.AddSlot(_netMicroKwh, new Price(slot.GridBuyMicrosPerKwh), new Price(slot.GridSellMicrosPerKwh));
        // The pool pays the utility every slot; households repay it when the billing period closes.
        long communityNet = 0;
        foreach (long n in _netMicroKwh)
        {
            communityNet = checked(communityNet + n);
        }
        slot.PoolGridCostMicros = CommunityGrid.Cost(new MeteredEnergy(communityNet), new Price(slot.GridBuyMicrosPerKwh), new Price(slot.GridSellMicrosPerKwh)).Micros;
        var (demand, supply) = PoolSplit.Totals(net);
        PoolSplit.Apply(slot, demand, supply);
    }

    public void CloseBillingPeriod(long[] paidMicros)
    {
        if (_period.Slots == 0)
        {
            return;
        }
        _period.Close(_result);
        for (int h = 0; h < paidMicros.Length; h++)
        {
            paidMicros[h] = checked(paidMicros[h] + _result.BillMicros[h]);
        }
        _period.Reset();
    }
}
