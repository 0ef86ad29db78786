using PeerGrid.Domain.Quantities;
using PeerGrid.Domain.Trading;
using PeerGrid.Markets.Auctions;
using PeerGrid.Markets.Strategies;

namespace PeerGrid.Markets.Mechanisms;

/// <summary>
/// A double auction as the engine's market. Each slot every household with a need bids for it and every household
/// with surplus to sell offers it, priced by an <see cref="OrderStrategy"/> (<see cref="OrderPricer"/>): a bid never
/// above min(retail price, the household's maximum) (the grid always sells at retail), an offer never below
/// max(feed-in tariff, the household's minimum) (the grid always buys at that). The default, <see cref="OrderStrategy.Fixed"/>,
/// prices every order at that limit and clears once; the ramp clears the book R times per slot, each round re-entering
/// the remaining energy of every order at a price closer to its limit. Offers from households with renewable
/// generation are green. What the auction leaves unmatched goes to the grid.
/// </summary>
public sealed class AuctionMarket : IMarketMechanism
{
    private readonly IClearingMechanism _clearing;
    private readonly OrderBook _book = new();
    private readonly ClearingResult _result = new();
    private long[] _bidLeft = [];
    private long[] _offerLeft = [];

    public AuctionMarket(IClearingMechanism clearing, string? name = null, OrderStrategy? strategy = null)
    {
        _clearing = clearing;
        Name = name ?? clearing.Name;
        Pricer = new OrderPricer(strategy);
    }

    public string Name { get; }

    /// <summary>Orders trade only within their limits, so the engine may enter batteries and generators (docs/markets.md).</summary>
    public bool TradesFlexibleEnergy => true;

    /// <summary>The households' order pricing, with the adaptive strategy's estimates.</summary>
    public OrderPricer Pricer { get; }

    /// <summary>Money the operator kept in the last slot (Huang's trade-reduction surplus; 0 otherwise).</summary>
    public long LastOperatorSurplusMicros { get; private set; }

    public void Clear(MarketSlot slot)
    {
        int n = slot.NetKwh.Length;
        if (_bidLeft.Length != n)
        {
            _bidLeft = new long[n];
            _offerLeft = new long[n];
        }
        OrderPricer pricer = Pricer;
        pricer.BeginSlot(slot, _bidLeft, _offerLeft);
        long surplus = 0;
        bool[] renewable = slot.IsRenewable, greenOnly = slot.GreenOnly;
        int[][] preferred = slot.PreferredSellers;
        double[] traded = slot.TradedKwh;
        long[] paid = slot.PaidMicros;
        for (int round = 1; round <= pricer.Rounds; round++)
        {
            if (round > 1)
            {
                pricer.PriceRound(round);
            }
            // Household-index order is time priority; a household has a bid or an offer, never both.
            _book.Clear();
            ReadOnlySpan<long> prices = pricer.Prices;
            for (int h = 0; h < n; h++)
            {
                if (_bidLeft[h] > 0)
                {
                    _book.AddBid(h, h, prices[h], _bidLeft[h], greenOnly[h], preferred[h]);
                }
                else if (_offerLeft[h] > 0)
                {
                    _book.AddOffer(h, h, prices[h], _offerLeft[h], renewable[h]);
                }
            }
            if (_book.BidCount == 0 || _book.OfferCount == 0)
            {
                break;
            }
            _clearing.Clear(_book, _result);
            foreach (ref readonly Trade t in _result.Trades)
            {
                double kwh = t.EnergyMicroKwh / (double)MeteredEnergy.MicroKwhPerKwh;
                traded[t.Buyer] += kwh;
                traded[t.Seller] -= kwh;
                paid[t.Buyer] = checked(paid[t.Buyer] + t.BuyerPaysMicros);
                paid[t.Seller] = checked(paid[t.Seller] - t.SellerReceivesMicros);
            }
            surplus = checked(surplus + _result.OperatorSurplusMicros);
            pricer.Observe(_result);
            ReadOnlySpan<Order> bids = _book.Bids, offers = _book.Offers;
            ReadOnlySpan<long> bidsLeft = _result.RemainingBidMicroKwh, offersLeft = _result.RemainingOfferMicroKwh;
            for (int b = 0; b < bids.Length; b++)
            {
                _bidLeft[bids[b].Id] = bidsLeft[b];
            }
            for (int o = 0; o < offers.Length; o++)
            {
                _offerLeft[offers[o].Id] = offersLeft[o];
            }
        }
        LastOperatorSurplusMicros = surplus;
        pricer.EndSlot();
    }
}
