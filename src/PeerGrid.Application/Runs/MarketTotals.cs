using PeerGrid.Domain.Trading;
using PeerGrid.Markets.Hierarchy;
using PeerGrid.Markets.Mechanisms;
using PeerGrid.Simulation.Observers;

namespace PeerGrid.Application.Runs;

/// <summary>
/// What the market itself earned and lost over a run (currency units, kWh): network fees for the grid operator,
/// platform fees and trade-reduction surplus for the community operator, energy lost between cells, and energy the
/// cells' capacities refused; the platform subscriptions households paid and could not pay.
/// <see cref="OperatorRevenue"/> is what the platform operator keeps: platform fees + surplus + subscriptions.
/// </summary>
public sealed record MarketTotals(
    decimal GridFees,
    decimal PlatformFees,
    decimal OperatorSurplus,
    double TransferLossesKwh,
    double CongestedKwh,
    decimal PlatformSubscriptions = 0,
    decimal PlatformSubscriptionsUnpaid = 0)
{
    public decimal OperatorRevenue => PlatformFees + OperatorSurplus + PlatformSubscriptions;
}

/// <summary>Sums the market's per-slot totals; the engine calls observers after each slot's clearing.</summary>
internal sealed class MarketTotalsObserver(IMarketMechanism market) : ISimulationObserver
{
    private long _gridFees, _platformFees, _surplus, _subscriptions, _unpaid;
    private double _losses, _congested;

    public MarketTotals Totals => new(_gridFees / 1_000_000m, _platformFees / 1_000_000m, _surplus / 1_000_000m, _losses, _congested, _subscriptions / 1_000_000m, _unpaid / 1_000_000m);

    public void OnStart(RunInfo info)
    {
    }

    public void OnSlot(in CommunitySlot community, HouseholdSlotView households)
    {
        switch (market)
        {
            case HierarchicalMarket h:
                _gridFees = checked(_gridFees + h.LastGridFeesMicrosTotal);
                _platformFees = checked(_platformFees + h.LastPlatformFeesMicros);
                _surplus = checked(_surplus + h.LastOperatorSurplusMicros);
                _losses += h.LastLossesKwh;
                foreach (double kwh in h.LastCongestedExportKwh)
                {
                    _congested += kwh;
                }
                foreach (double kwh in h.LastCongestedImportKwh)
                {
                    _congested += kwh;
                }
                break;
            case AuctionMarket a:
                _surplus = checked(_surplus + a.LastOperatorSurplusMicros);
                break;
        }
    }

    public void OnEnd(RunTotals totals)
    {
        _subscriptions = 0;
        _unpaid = 0;
        for (int h = 0; h < totals.SubscriptionMicros.Length; h++)
        {
            _subscriptions = checked(_subscriptions + totals.SubscriptionMicros[h]);
            _unpaid = checked(_unpaid + totals.SubscriptionUnpaidMicros[h]);
        }
    }
}
