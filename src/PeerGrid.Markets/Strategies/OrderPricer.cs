using PeerGrid.Domain.Quantities;
using PeerGrid.Domain.Trading;
using PeerGrid.Markets.Auctions;

namespace PeerGrid.Markets.Strategies;

/// <summary>
/// Forms the households' orders for <see cref="Mechanisms.AuctionMarket"/> and <see cref="Hierarchy.HierarchicalMarket"/>
/// and prices them by an <see cref="OrderStrategy"/>. One per market, sized once per run; nothing is allocated per slot.
/// <para>Per slot the market calls <see cref="BeginSlot"/> (energies and limits), then for each round r = 1 … <see cref="Rounds"/>
/// <see cref="PriceRound"/> and clears a book of every order's remaining energy at <see cref="Prices"/>, passing each
/// real clearing to <see cref="Observe"/>; and finally <see cref="EndSlot"/> once (the adaptive strategy learns there).</para>
/// <list type="bullet">
/// <item>Energy: a household with net need n &gt; 0 bids ⌊n⌋ µkWh, one with surplus offers ⌊−n⌋ µkWh (rounded down, so it
/// never buys more than it needs nor sells what it does not have; under a µkWh it has no order).</item>
/// <item>Limits: a bid's is min(household maximum, retail), an offer's max(household minimum, feed-in).</item>
/// <item>Prices, never beyond the limit: see <see cref="StrategyKind"/> and docs/markets.md.</item>
/// </list>
/// </summary>
public sealed class OrderPricer
{
    private const long MaxPrice = OrderBook.MaxAbsPriceMicrosPerKwh;

    private long[] _limit = [];
    private long[] _price = [];
    private sbyte[] _side = [];
    private double[] _estimate = [];
    private bool _estimating;
    private long _retail;
    private long _feedIn;
    private double _observedPriceTimesVolume;
    private double _observedVolume;

    public OrderPricer(OrderStrategy? strategy = null)
    {
        Strategy = strategy ?? OrderStrategy.Fixed;
    }

    public OrderStrategy Strategy { get; }

    /// <summary>Clearings per slot: the ramp's R, otherwise 1.</summary>
    public int Rounds => Strategy.Rounds;

    /// <summary>Per household, its order's limit in the current slot (µ/kWh); meaningless where it has no order.</summary>
    public ReadOnlySpan<long> Limits => _limit;

    /// <summary>Per household, its order's price in the current round (µ/kWh); meaningless where it has no order.</summary>
    public ReadOnlySpan<long> Prices => _price;

    /// <summary>
    /// Adaptive: household <paramref name="household"/>'s estimate of the clearing price (µ/kWh, unrounded) for the next
    /// slot; NaN before the first slot and for the other strategies.
    /// </summary>
    public double Estimate(int household) => _estimating ? _estimate[household] : double.NaN;

    /// <summary>
    /// Starts a slot: writes each household's bid energy to <paramref name="bidMicroKwh"/> and offer energy to
    /// <paramref name="offerMicroKwh"/> (µkWh, 0 where none; a household has at most one), its limit to
    /// <see cref="Limits"/> and its first round's price to <see cref="Prices"/>. May be called again for the same slot
    /// (the hierarchy re-clears a congested slot); it changes no learnt state.
    /// </summary>
    public void BeginSlot(MarketSlot slot, Span<long> bidMicroKwh, Span<long> offerMicroKwh)
    {
        double[] net = slot.NetKwh;
        int n = net.Length;
        if (_limit.Length != n)
        {
            _limit = new long[n];
            _price = new long[n];
            _side = new sbyte[n];
            _estimate = Strategy.Kind == StrategyKind.Adaptive ? new double[n] : [];
            _estimating = false;
        }
        _retail = slot.GridBuyMicrosPerKwh;
        _feedIn = slot.GridSellMicrosPerKwh;
        for (int h = 0; h < n; h++)
        {
            double kwh = net[h];
            long bid = 0, offer = 0;
            sbyte side = 0;
            if (kwh > 0)
            {
                bid = FloorMicroKwh(kwh);
                if (bid > 0)
                {
                    side = 1;
                    _limit[h] = Clamp(Math.Min(slot.BidLimitMicrosPerKwh[h], _retail));
                }
            }
            else if (kwh < 0)
            {
                offer = FloorMicroKwh(-kwh);
                if (offer > 0)
                {
                    side = -1;
                    _limit[h] = Clamp(Math.Max(slot.OfferLimitMicrosPerKwh[h], _feedIn));
                }
            }
            bidMicroKwh[h] = bid;
            offerMicroKwh[h] = offer;
            _side[h] = side;
        }
        if (Strategy.Kind == StrategyKind.Adaptive && !_estimating)
        {
            // Every estimate starts at the middle of the first slot's grid prices.
            Array.Fill(_estimate, (_retail + (double)_feedIn) / 2);
            _estimating = true;
        }
        PriceRound(1);
    }

    /// <summary>Sets <see cref="Prices"/> for round <paramref name="round"/> (1 … <see cref="Rounds"/>) of the current slot.</summary>
    public void PriceRound(int round)
    {
        switch (Strategy.Kind)
        {
            case StrategyKind.Ramp:
                PriceRamp(round, Strategy.Rounds);
                break;
            case StrategyKind.Adaptive:
                PriceAdaptive();
                break;
            default:
                Array.Copy(_limit, _price, _limit.Length);
                break;
        }
    }

    /// <summary>
    /// Records a real clearing of the slot (any round, any market node) for the adaptive strategy: its price (the
    /// mechanism's clearing price, or the volume-weighted mean trade price where it has none) weighted by its volume.
    /// </summary>
    public void Observe(ClearingResult result)
    {
        if (Strategy.Kind != StrategyKind.Adaptive || result.TradedMicroKwh == 0)
        {
            return;
        }
        double volume = result.TradedMicroKwh;
        if (result.ClearingPriceMicrosPerKwh is { } price)
        {
            _observedPriceTimesVolume += price * volume;
        }
        else
        {
            foreach (ref readonly Trade t in result.Trades)
            {
                // Buyer and seller prices differ only under Huang; the trade's price is then their middle.
                _observedPriceTimesVolume += (t.BuyerPriceMicrosPerKwh + (double)t.SellerPriceMicrosPerKwh) / 2 * t.EnergyMicroKwh;
            }
        }
        _observedVolume += volume;
    }

    /// <summary>
    /// Ends the slot. Adaptive: if anything traded, every household's estimate e becomes (1 − α)·e + α·p, p the slot's
    /// observed price (volume-weighted over every clearing passed to <see cref="Observe"/>); if nothing traded, each
    /// household that had an order moves toward its own limit, (1 − α)·e + α·limit, and the others keep theirs.
    /// </summary>
    public void EndSlot()
    {
        if (Strategy.Kind == StrategyKind.Adaptive)
        {
            double alpha = Strategy.Alpha, keep = 1 - alpha;
            if (_observedVolume > 0)
            {
                double p = _observedPriceTimesVolume / _observedVolume;
                for (int h = 0; h < _estimate.Length; h++)
                {
                    _estimate[h] = (keep * _estimate[h]) + (alpha * p);
                }
            }
            else
            {
                for (int h = 0; h < _estimate.Length; h++)
                {
                    if (_side[h] != 0)
                    {
                        _estimate[h] = (keep * _estimate[h]) + (alpha * _limit[h]);
                    }
                }
            }
        }
        _observedPriceTimesVolume = 0;
        _observedVolume = 0;
    }

    /// <summary>
    /// Round r of R: a bid at min(limit, feed-in + ⌊(limit − feed-in)·r/R⌋), an offer at
    /// max(limit, retail − ⌊(retail − limit)·r/R⌋) (bids rounded down, offers up); round R is the limit.
    /// </summary>
    private void PriceRamp(int round, int rounds)
    {
        for (int h = 0; h < _side.Length; h++)
        {
            long limit = _limit[h];
            _price[h] = _side[h] switch
            {
                > 0 => Math.Min(limit, checked(_feedIn + FloorDiv(checked((limit - _feedIn) * round), rounds))),
                < 0 => Math.Max(limit, checked(_retail - FloorDiv(checked((_retail - limit) * round), rounds))),
                _ => limit,
            };
        }
    }

    /// <summary>A bid at min(limit, ⌊e·(1 + margin)⌋), an offer at max(limit, ⌈e·(1 − margin)⌉), e the household's estimate.</summary>
    private void PriceAdaptive()
    {
        double up = 1 + Strategy.Margin, down = 1 - Strategy.Margin;
        for (int h = 0; h < _side.Length; h++)
        {
            long limit = _limit[h];
            _price[h] = _side[h] switch
            {
                > 0 => Math.Min(limit, ToPrice(Math.Floor(_estimate[h] * up))),
                < 0 => Math.Max(limit, ToPrice(Math.Ceiling(_estimate[h] * down))),
                _ => limit,
            };
        }
    }

    /// <summary>⌊a ÷ b⌋ for b &gt; 0.</summary>
    private static long FloorDiv(long a, long b)
    {
        long q = a / b;
        return (a % b != 0 && a < 0) ? q - 1 : q;
    }

    private static long ToPrice(double whole) => (long)Math.Clamp(whole, -MaxPrice, MaxPrice);

    private static long Clamp(long price) => Math.Clamp(price, -MaxPrice, MaxPrice);

    /// <summary>⌊kwh⌋ in µkWh: never above <paramref name="kwh"/>.</summary>
    public static long FloorMicroKwh(double kwh)
    {
        long micro = MeteredEnergy.MicroKwhOf(kwh);
        return micro / (double)MeteredEnergy.MicroKwhPerKwh > kwh ? micro - 1 : micro;
    }
}
