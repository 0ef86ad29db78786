using PeerGrid.Domain.Quantities;

namespace PeerGrid.Markets.Auctions;

/// <summary>
/// A clearing's efficiency as pymarket reports it (<c>percentage_traded</c>, <c>percentage_welfare</c>): traded volume
/// ÷ maximum volume and welfare ÷ maximum welfare, where welfare = Σ (bid price − offer price) × q over trades at the
/// orders' limit prices. Both maxima are those of pymarket's linear programs, participants ignored as there: the
/// maximum volume pairs any bid with any offer priced at or below it (bilateral pairing can beat the uniform-price
/// crossing: bids 1@10, 1@2 and offers 1@1, 1@9 cross 1 unit but pair 2), and the maximum welfare is the crossing's.
/// </summary>
/// <param name="TradedMicroKwh">Σ trade energy.</param>
/// <param name="MaximumMicroKwh">The largest volume any pairing of bids with offers priced ≤ them can trade.</param>
/// <param name="UniformCrossingMicroKwh">Volume of the uniform-price crossing: the most a single price can clear.</param>
/// <param name="VolumeRatio">Traded ÷ maximum; null when the maximum is 0.</param>
/// <param name="AchievedWelfare">Σ (bid limit − offer limit) × q over trades, rounded half-to-even once at the end.</param>
/// <param name="MaximumWelfare">The crossing's welfare (no pairing does better), rounded the same way.</param>
/// <param name="WelfareRatio">Achieved ÷ maximum from the exact (unrounded) sums; null when the maximum is 0.</param>
public readonly record struct EfficiencyStatistics(
    long TradedMicroKwh,
    long MaximumMicroKwh,
    long UniformCrossingMicroKwh,
    double? VolumeRatio,
    Money AchievedWelfare,
    Money MaximumWelfare,
    double? WelfareRatio);

/// <summary>Measures <see cref="EfficiencyStatistics"/>; keeps sort buffers between calls, like a mechanism.</summary>
public sealed class ClearingStatistics
{
    private readonly PriceTimePriority _bidSorter = new();
    private readonly PriceTimePriority _offerSorter = new();
    private readonly CrossingWalk _walk = new();
    private long[] _reachable = [];

    public EfficiencyStatistics Measure(OrderBook book, ClearingResult result)
    {
        ReadOnlySpan<Order> bids = book.Bids, offers = book.Offers;
        ReadOnlySpan<int> offersAscending = _offerSorter.Sort(offers, highestPriceFirst: false);
        long maxVolume = MaximumPairedVolume(bids, offers, _bidSorter.Sort(bids, highestPriceFirst: false), offersAscending);
        ReadOnlySpan<int> bidsDescending = _bidSorter.Sort(bids, highestPriceFirst: true);
        _walk.Run(bids, offers, bidsDescending, offersAscending, netSelf: false);

        long crossing = 0;
        Int128 maxWelfare = 0; // µ/kWh × µkWh = 10⁻¹² currency units: exact
        foreach (ref readonly CrossingStep step in _walk.Steps)
        {
            crossing += step.EnergyMicroKwh;
            long spread = bids[bidsDescending[step.BidPosition]].PriceMicrosPerKwh - offers[offersAscending[step.OfferPosition]].PriceMicrosPerKwh;
            maxWelfare += (Int128)spread * step.EnergyMicroKwh;
        }
        long traded = 0;
        Int128 welfare = 0;
        foreach (ref readonly Trade t in result.Trades)
        {
            traded += t.EnergyMicroKwh;
            welfare += (Int128)(bids[t.Bid].PriceMicrosPerKwh - offers[t.Offer].PriceMicrosPerKwh) * t.EnergyMicroKwh;
        }
        return new EfficiencyStatistics(
            traded,
            maxVolume,
            crossing,
            maxVolume > 0 ? traded / (double)maxVolume : null,
            ToMoney(welfare),
            ToMoney(maxWelfare),
            maxWelfare > 0 ? (double)welfare / (double)maxWelfare : null);
    }

    /// <summary>
    /// pymarket's maximum_traded_volume without an LP solver. A bid can take any offer priced ≤ it, so the cheaper
    /// bid's choices are a subset of the dearer bid's: serving bids cheapest first, each from the dearest offers it
    /// can reach (a stack of the offers' energy in price order), never takes an offer a later bid needed more. O(n) after sorting.
    /// </summary>
    private long MaximumPairedVolume(ReadOnlySpan<Order> bids, ReadOnlySpan<Order> offers, ReadOnlySpan<int> bidsAscending, ReadOnlySpan<int> offersAscending)
    {
        if (_reachable.Length < offers.Length)
        {
            _reachable = new long[Math.Max(offers.Length, _reachable.Length * 2)];
        }
        long volume = 0;
        int top = 0, next = 0;
        foreach (int b in bidsAscending)
        {
            long price = bids[b].PriceMicrosPerKwh;
            for (; next < offersAscending.Length && offers[offersAscending[next]].PriceMicrosPerKwh <= price; next++)
            {
                _reachable[top++] = offers[offersAscending[next]].EnergyMicroKwh;
            }
            long wanted = bids[b].EnergyMicroKwh;
            while (wanted > 0 && top > 0)
            {
                long energy = Math.Min(wanted, _reachable[top - 1]);
                wanted -= energy;
                volume += energy;
                if ((_reachable[top - 1] -= energy) == 0)
                {
                    top--;
                }
            }
        }
        return volume;
    }

    /// <summary>10⁻¹² currency units to micro-units, rounded half-to-even.</summary>
    private static Money ToMoney(Int128 picos)
    {
        const long Scale = 1_000_000;
        (Int128 quotient, Int128 remainder) = Int128.DivRem(picos, Scale);
        Int128 twice = Int128.Abs(remainder) * 2;
        if (twice > Scale || (twice == Scale && !Int128.IsEvenInteger(quotient)))
        {
            quotient += picos < 0 ? -1 : 1;
        }
        return new Money(checked((long)quotient));
    }
}
