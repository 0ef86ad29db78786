using PeerGrid.Simulation.Observers;

namespace PeerGrid.Simulation.Kpis;

/// <summary>
/// Volume efficiency of the local market (pymarket's definition): energy traded between households ÷ the most that
/// could have been, Σ over slots of min(total need, total offer) among what households brought to the market.
/// 1 for a pool that shares everything; NaN for grid-only, which forms no book.
/// </summary>
public sealed class MarketEfficiency : ISimulationObserver
{
    public double TradedKwh { get; private set; }
    public double MaxTradableKwh { get; private set; }
    public double VolumeEfficiency => MaxTradableKwh > 0 ? TradedKwh / MaxTradableKwh : double.NaN;

    public void OnStart(RunInfo info)
    {
        TradedKwh = 0;
        MaxTradableKwh = 0;
    }

    public void OnSlot(in CommunitySlot community, HouseholdSlotView households)
    {
        double need = 0, offer = 0;
        foreach (double n in households.MarketNetKwh)
        {
            if (n > 0)
            {
                need += n;
            }
            else
            {
                offer -= n;
            }
        }
        MaxTradableKwh += Math.Min(need, offer);
        TradedKwh += community.PeerTradedKwh;
    }

    public void OnEnd(RunTotals totals)
    {
    }
}
