using PeerGrid.Domain.Trading;

namespace PeerGrid.Markets.Mechanisms;

/// <summary>
/// How a sharing pool's energy divides between peers and the grid: of the community's demand D and supply S,
/// min(D, S) is shared locally, so each buyer gets the fraction min(1, S/D) of its need from peers and each seller
/// delivers min(1, D/S) of its surplus to peers; the rest goes through the pool to or from the grid.
/// </summary>
internal static class PoolSplit
{
    public static void Apply(MarketSlot slot, double demandKwh, double supplyKwh)
    {
        double buyerPeerShare = demandKwh > 0 ? Math.Min(1, supplyKwh / demandKwh) : 0;
        double sellerPeerShare = supplyKwh > 0 ? Math.Min(1, demandKwh / supplyKwh) : 0;
        double[] net = slot.NetKwh, traded = slot.TradedKwh, pool = slot.PoolGridKwh;
        for (int h = 0; h < net.Length; h++)
        {
            double n = net[h];
            double peer = n * (n > 0 ? buyerPeerShare : sellerPeerShare);
            traded[h] = peer;
            pool[h] = n - peer;
        }
    }

    /// <summary>Σ positive and Σ |negative| net positions (kWh).</summary>
    public static (double Demand, double Supply) Totals(double[] net)
    {
        double demand = 0, supply = 0;
        foreach (double n in net)
        {
            if (n > 0)
            {
                demand += n;
            }
            else
            {
                supply -= n;
            }
        }
        return (demand, supply);
    }
}
