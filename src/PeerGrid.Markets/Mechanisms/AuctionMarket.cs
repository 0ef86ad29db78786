using PeerGrid.Domain.Quantities;
using PeerGrid.Domain.Trading;
using PeerGrid.Markets.Auctions;

namespace PeerGrid.Markets.Mechanisms;

/// <summary>
/// A double auction as the engine's market. Each slot every household with a need bids for it and every household
/// with surplus to sell offers it, with a fixed-limit strategy: a bid never above the retail price (the grid always
/// sells at that price) nor the household's own maximum, an offer never below the feed-in tariff (the grid always
/// buys at that) nor the household's own minimum. Offers from households with renewable generation are green.
/// What the auction leaves unmatched goes to the grid.
/// </summary>
public sealed class AuctionMarket : IMarketMechanism
{
    private readonly IClearingMechanism _clearing;
    private readonly OrderBook _book = new();
    private readonly ClearingResult _result = new();

    public AuctionMarket(IClearingMechanism clearing, string? name = null)
    {
        _clearing = clearing;
        Name = name ?? clearing.Name;
    }

    public string Name { get; }

    /// <summary>Money the operator kept in the last slot (Huang's trade-reduction surplus; 0 otherwise).</summary>
    public long LastOperatorSurplusMicros { get; private set; }

    public void Clear(MarketSlot slot)
    {
        _book.Clear();
        double[] net = slot.NetKwh;
        long gridBuy = slot.GridBuyMicrosPerKwh, gridSell = slot.GridSellMicrosPerKwh;
        for (int h = 0; h < net.Length; h++)
        {
            // Orders round down to the µkWh: a household never offers energy it does not have nor buys more than it
            // needs (the remainder, under a µkWh, goes to the grid), so the energy balance closes exactly.
            double n = net[h];
            if (n > 0)
            {
                long energy = FloorMicroKwh(n);
                if (energy > 0)
                {
                    _book.AddBid(h, h, Math.Min(slot.BidLimitMicrosPerKwh[h], gridBuy), energy);
                }
            }
            else if (n < 0)
            {
                long energy = FloorMicroKwh(-n);
                if (energy > 0)
                {
                    _book.AddOffer(h, h, Math.Max(slot.OfferLimitMicrosPerKwh[h], gridSell), energy, slot.IsRenewable[h]);
                }
            }
        }
        if (_book.BidCount == 0 || _book.OfferCount == 0)
        {
            LastOperatorSurplusMicros = 0;
            return;
        }
        _clearing.Clear(_book, _result);
        double[] traded = slot.TradedKwh;
        long[] paid = slot.PaidMicros;
        foreach (ref readonly Trade t in _result.Trades)
        {
            double kwh = t.EnergyMicroKwh / (double)MeteredEnergy.MicroKwhPerKwh;
            traded[t.Buyer] += kwh;
            traded[t.Seller] -= kwh;
            paid[t.Buyer] = checked(paid[t.Buyer] + t.BuyerPaysMicros);
            paid[t.Seller] = checked(paid[t.Seller] - t.SellerReceivesMicros);
        }
        LastOperatorSurplusMicros = _result.OperatorSurplusMicros;
    }

    private static long FloorMicroKwh(double kwh)
    {
        long micro = MeteredEnergy.MicroKwhOf(kwh);
        return micro / (double)MeteredEnergy.MicroKwhPerKwh > kwh ? micro - 1 : micro;
    }
}
