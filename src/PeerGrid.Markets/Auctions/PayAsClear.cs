using PeerGrid.Domain;

namespace PeerGrid.Markets.Auctions;

/// <summary>
/// Uniform-price double auction (shared/REFERENCE.md §1): bids in price-time priority (highest first) meet offers
/// (lowest first) while the best bid ≥ the best offer, which trades the largest volume the book allows; every trade
/// settles at one clearing price chosen by <see cref="PricingConvention"/> and k, rounded half-to-even to the
/// micro-unit. A participant's own bid and offer meeting at the heads are netted, not traded (docs/markets-auctions.md).
/// </summary>
public sealed class PayAsClear : IClearingMechanism
{
    private readonly PriceTimePriority _bidSorter = new();
    private readonly PriceTimePriority _offerSorter = new();
    private readonly CrossingWalk _walk = new();

    /// <param name="k">Where in the price range the price falls, 0 … 1 (0 = offer side / lo, 1 = bid side / hi).</param>
    public PayAsClear(PricingConvention convention, double k)
    {
        if (!Enum.IsDefined(convention))
        {
            throw new ArgumentOutOfRangeException(nameof(convention), convention, "Unknown pricing convention.");
        }
        Convention = convention;
        K = Preconditions.InRange(k, 0, 1);
    }

    public PricingConvention Convention { get; }

    public double K { get; }

    public string Name => "pay-as-clear";

    public void Clear(OrderBook book, ClearingResult result)
    {
        result.Reset(book);
        ReadOnlySpan<Order> bids = book.Bids, offers = book.Offers;
        ReadOnlySpan<int> bidOrder = _bidSorter.Sort(bids, highestPriceFirst: true);
        ReadOnlySpan<int> offerOrder = _offerSorter.Sort(offers, highestPriceFirst: false);
        _walk.Run(bids, offers, bidOrder, offerOrder, netSelf: true);

        long price = _walk.LastTradeStep >= 0 ? ClearingPrice(bids, offers, bidOrder, offerOrder) : 0;
        foreach (ref readonly CrossingStep step in _walk.Steps)
        {
            int b = bidOrder[step.BidPosition], o = offerOrder[step.OfferPosition];
            if (step.Self)
            {
                result.AddNetting(b, o, bids[b].Participant, step.EnergyMicroKwh);
            }
            else
            {
                result.AddTrade(b, o, bids[b].Participant, offers[o].Participant, step.EnergyMicroKwh, price, price);
            }
        }
        result.ClearingPriceMicrosPerKwh = _walk.LastTradeStep >= 0 ? price : null;
        result.Complete();
    }

    /// <summary>
    /// lo + k·(hi − lo) rounded half-to-even. Marginal pair: lo/hi = the last traded offer/bid. Equilibrium interval:
    /// lo = max(last traded offer, best bid left with energy), hi = min(last traded bid, best offer left with energy),
    /// so a partly filled marginal order pins the price to its own. Either way lo ≤ hi and the price lies between
    /// every traded offer and every traded bid.
    /// </summary>
    private long ClearingPrice(ReadOnlySpan<Order> bids, ReadOnlySpan<Order> offers, ReadOnlySpan<int> bidOrder, ReadOnlySpan<int> offerOrder)
    {
        CrossingStep last = _walk.Steps[_walk.LastTradeStep];
        long hi = bids[bidOrder[last.BidPosition]].PriceMicrosPerKwh;
        long lo = offers[offerOrder[last.OfferPosition]].PriceMicrosPerKwh;
        if (Convention == PricingConvention.EquilibriumInterval)
        {
            if (_walk.HeadBid < bidOrder.Length)
            {
                lo = Math.Max(lo, bids[bidOrder[_walk.HeadBid]].PriceMicrosPerKwh);
            }
            if (_walk.HeadOffer < offerOrder.Length)
            {
                hi = Math.Min(hi, offers[offerOrder[_walk.HeadOffer]].PriceMicrosPerKwh);
            }
        }
        return Interpolate(lo, hi, K);
    }

    /// <summary>
    /// round_half_even(lo + k·(hi − lo)), computed exactly: k is taken at its exact binary value (0.5 and 0.25 are
    /// exact; 0.3 is 0.29999999999999998890…) as mantissa / 2^shift, and the product with hi − lo (&lt; 2⁴⁰) fits an
    /// Int128, so a price exactly halfway between two micro-units goes to the even one with no double rounding.
    /// </summary>
    internal static long Interpolate(long lo, long hi, double k)
    {
        long bits = BitConverter.DoubleToInt64Bits(k);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xF_FFFF_FFFF_FFFF;
        if (exponent == 0)
        {
            exponent = 1; // subnormal
        }
        else
        {
            mantissa |= 1L << 52;
        }
        int shift = 1075 - exponent; // k = mantissa / 2^shift, shift ≥ 52 because k ≤ 1
        if (mantissa == 0 || shift > 100)
        {
            return lo; // k·(hi − lo) < 2⁵³⁻¹⁰⁰ × 2⁴⁰ < ½
        }
        Int128 scaled = (Int128)mantissa * (hi - lo);
        Int128 whole = scaled >> shift;
        Int128 remainder = scaled - (whole << shift);
        Int128 half = Int128.One << (shift - 1);
        long price = lo + (long)whole;
        if (remainder > half || (remainder == half && (price & 1) != 0))
        {
            price++;
        }
        return price;
    }
}
