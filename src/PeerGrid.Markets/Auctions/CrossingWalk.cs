namespace PeerGrid.Markets.Auctions;

/// <summary>One step of the crossing: sorted positions of the bid and offer at the heads, energy, self or not.</summary>
internal readonly record struct CrossingStep(int BidPosition, int OfferPosition, long EnergyMicroKwh, bool Self);

/// <summary>
/// The uniform-price crossing: bids in price-time priority (highest first) meet offers (lowest first) at the two heads
/// while the head bid's price ≥ the head offer's; each step moves min(remaining) and exhausts at least one head.
/// With <c>netSelf</c>, a step whose heads belong to the same participant is a self-netting (decrement-style
/// self-trade prevention) instead of a trade. Shared by <see cref="PayAsClear"/>, <see cref="HuangTradeReduction"/>
/// and <see cref="ClearingStatistics"/> so all three agree on the crossing.
/// </summary>
internal sealed class CrossingWalk
{
    private CrossingStep[] _steps = [];
    private int _count;

    public ReadOnlySpan<CrossingStep> Steps => _steps.AsSpan(0, _count);

    /// <summary>Index in <see cref="Steps"/> of the last step that was a trade (not a netting), or −1.</summary>
    public int LastTradeStep { get; private set; }

    /// <summary>Sorted position of the first bid with energy left when the walk stopped (= bid count if none).</summary>
    public int HeadBid { get; private set; }

    /// <summary>Sorted position of the first offer with energy left when the walk stopped (= offer count if none).</summary>
    public int HeadOffer { get; private set; }

    public void Run(ReadOnlySpan<Order> bids, ReadOnlySpan<Order> offers, ReadOnlySpan<int> bidOrder, ReadOnlySpan<int> offerOrder, bool netSelf)
    {
        int nb = bidOrder.Length, no = offerOrder.Length;
        if (_steps.Length < nb + no)
        {
            _steps = new CrossingStep[Math.Max(nb + no, _steps.Length * 2)];
        }
        _count = 0;
        LastTradeStep = -1;
        int i = 0, j = 0;
        long bidLeft = nb > 0 ? bids[bidOrder[0]].EnergyMicroKwh : 0;
        long offerLeft = no > 0 ? offers[offerOrder[0]].EnergyMicroKwh : 0;
        while (i < nb && j < no)
        {
            ref readonly Order bid = ref bids[bidOrder[i]];
            ref readonly Order offer = ref offers[offerOrder[j]];
            if (bid.PriceMicrosPerKwh < offer.PriceMicrosPerKwh)
            {
                break;
            }
            long energy = Math.Min(bidLeft, offerLeft);
            bool self = netSelf && bid.Participant == offer.Participant;
            if (!self)
            {
                LastTradeStep = _count;
            }
            _steps[_count++] = new CrossingStep(i, j, energy, self);
            bidLeft -= energy;
            offerLeft -= energy;
            if (bidLeft == 0 && ++i < nb)
            {
                bidLeft = bids[bidOrder[i]].EnergyMicroKwh;
            }
            if (offerLeft == 0 && ++j < no)
            {
                offerLeft = offers[offerOrder[j]].EnergyMicroKwh;
            }
        }
        HeadBid = i;
        HeadOffer = j;
    }
}
