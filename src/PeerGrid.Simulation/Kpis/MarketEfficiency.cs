using PeerGrid.Simulation.Observers;

namespace PeerGrid.Simulation.Kpis;

/// <summary>
/// Efficiency of the local market over a run, pymarket's two statistics (../shared/REFERENCE.md §1, docs/markets.md):
/// <list type="bullet">
/// <item>volume: energy traded between households ÷ the most that could have been, Σ over slots of min(total need, total
/// offer) among what households brought to the market;</item>
/// <item>welfare: achieved surplus ÷ maximum surplus. Valuations are each order's limit against the grid: a buyer
/// values a kWh at min(its maximum price, retail), what it would otherwise pay; a seller's cost is max(its minimum price,
/// feed-in), what it would otherwise earn (for a generator's offer, its fuel cost; for a charging bid, its threshold).
/// Achieved = Σ buyers' value × energy received − Σ sellers' cost × energy sent (pair-independent, so it applies to
/// auctions, hierarchies with losses and sharing pools alike); maximum = the uniform-price crossing of those valuations
/// per slot (no fees, no losses).</item>
/// </list>
/// Both are NaN for grid-only without wallets, which forms no book. Sized once; nothing allocated per slot.
/// </summary>
public sealed class MarketEfficiency : ISimulationObserver
{
    private long[] _bidPrice = [];
    private double[] _bidKwh = [];
    private long[] _offerPrice = [];
    private double[] _offerKwh = [];

    public double TradedKwh { get; private set; }
    public double MaxTradableKwh { get; private set; }
    public double VolumeEfficiency => MaxTradableKwh > 0 ? TradedKwh / MaxTradableKwh : double.NaN;

    /// <summary>Achieved and maximum surplus over the run, micro-units (a statistic, so in double).</summary>
    public double AchievedWelfareMicros { get; private set; }
    public double MaximumWelfareMicros { get; private set; }
    public double WelfareEfficiency => MaximumWelfareMicros > 0 ? AchievedWelfareMicros / MaximumWelfareMicros : double.NaN;

    public void OnStart(RunInfo info)
    {
        TradedKwh = 0;
        MaxTradableKwh = 0;
        AchievedWelfareMicros = 0;
        MaximumWelfareMicros = 0;
        int n = info.HouseholdIds.Count;
        _bidPrice = new long[n];
        _bidKwh = new double[n];
        _offerPrice = new long[n];
        _offerKwh = new double[n];
    }

    public void OnSlot(in CommunitySlot community, HouseholdSlotView households)
    {
        ReadOnlySpan<double> net = households.MarketNetKwh, traded = households.PeerTradedKwh;
        ReadOnlySpan<long> bidLimit = households.BidLimitMicrosPerKwh, offerLimit = households.OfferLimitMicrosPerKwh;
        long retail = community.BuyMicrosPerKwh, feedIn = community.SellMicrosPerKwh;
        double need = 0, offer = 0, achieved = 0;
        int bids = 0, offers = 0;
        for (int h = 0; h < net.Length; h++)
        {
            double n = net[h];
            if (n > 0)
            {
                long value = Math.Min(bidLimit[h], retail);
                need += n;
                _bidPrice[bids] = -value; // sorted ascending: dearest first
                _bidKwh[bids++] = n;
                achieved += value * Math.Max(traded[h], 0);
            }
            else if (n < 0)
            {
                long cost = Math.Max(offerLimit[h], feedIn);
                offer -= n;
                _offerPrice[offers] = cost;
                _offerKwh[offers++] = -n;
                achieved -= cost * Math.Max(-traded[h], 0);
            }
        }
        MaxTradableKwh += Math.Min(need, offer);
        TradedKwh += community.PeerTradedKwh;
        if (bids > 0 && offers > 0)
        {
            AchievedWelfareMicros += achieved;
            MaximumWelfareMicros += Crossing(bids, offers);
        }
    }

    public void OnEnd(RunTotals totals)
    {
    }

    /// <summary>The most surplus any matching of the slot's orders gives: dearest bids with cheapest offers while they cross.</summary>
    private double Crossing(int bids, int offers)
    {
        Array.Sort(_bidPrice, _bidKwh, 0, bids);
        Array.Sort(_offerPrice, _offerKwh, 0, offers);
        double welfare = 0;
        int b = 0, o = 0;
        double bidLeft = _bidKwh[0], offerLeft = _offerKwh[0];
        while (b < bids && o < offers && -_bidPrice[b] >= _offerPrice[o])
        {
            double q = Math.Min(bidLeft, offerLeft);
            welfare += (-_bidPrice[b] - _offerPrice[o]) * q;
            bidLeft -= q;
            offerLeft -= q;
            if (bidLeft <= 0 && ++b < bids)
            {
                bidLeft = _bidKwh[b];
            }
            if (offerLeft <= 0 && ++o < offers)
            {
                offerLeft = _offerKwh[o];
            }
        }
        return welfare;
    }
}
