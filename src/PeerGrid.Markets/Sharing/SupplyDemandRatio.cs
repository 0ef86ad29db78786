using PeerGrid.Domain.Quantities;

namespace PeerGrid.Markets.Sharing;

/// <summary>
/// Supply–demand-ratio pricing (Liu et al., IEEE Trans. Power Systems 32(5), 2017, Eqs. (7), (9), (10)).
/// SDR = TSP/TBP. For 0 ≤ SDR &lt; 1: P_sell = λ_sell·λ_buy / ((λ_buy − λ_sell)·SDR + λ_sell) and
/// P_buy = P_sell·SDR + λ_buy·(1 − SDR); for SDR ≥ 1 or TBP = 0: P_sell = P_buy = λ_sell (the formula gives
/// λ_sell at SDR = 1, so the cases meet). Without sellers (SDR = 0) both prices are λ_buy, the formula's value.
/// Needs 0 ≤ λ_sell &lt; λ_buy.
/// </summary>
public sealed class SupplyDemandRatio : ISlotPricingRule
{
    private const long MicrosPerUnit = 1_000_000;

    private SupplyDemandRatio()
    {
    }

    public static SupplyDemandRatio Instance { get; } = new();

    public string Name => "sdr";

    public CommunityPrices Quote(MeteredEnergy demand, MeteredEnergy supply, Price gridBuy, Price gridSell)
    {
        CommunityGrid.ValidatePrices(gridBuy, gridSell, sellMustBeNonNegative: true);
        long tbp = NonNegative(demand.MicroKwh, nameof(demand));
        long tsp = NonNegative(supply.MicroKwh, nameof(supply));
        long buy = gridBuy.MicrosPerKwh, sell = gridSell.MicrosPerKwh;

        if (tbp == 0 || tsp >= tbp)
        {
            // Eq. (10): surplus community; sellers share the feed-in revenue and buyers pay the feed-in price.
            return new CommunityPrices(gridSell, gridSell, new Money(Price.CostMicros(tsp, sell)));
        }
        if (tsp == 0)
        {
            return new CommunityPrices(gridBuy, gridBuy, Money.Zero);
        }

        // With SDR = TSP/TBP substituted, Eq. (7) is P_sell = λ_s·λ_b·TBP / D where D = (λ_b − λ_s)·TSP + λ_s·TBP > 0.
        UInt128 sa = (UInt128)(ulong)sell * (ulong)buy;
        UInt128 d = ((UInt128)(ulong)(buy - sell) * (ulong)tsp) + ((UInt128)(ulong)sell * (ulong)tbp);
        long pSell = checked((long)WideArithmetic.MulDiv(sa, (ulong)tbp, d, UInt128.One).RoundHalfEven());

        // Eq. (9) simplifies to P_buy = λ_b − λ_b·(λ_b − λ_s)·TSP² / (D·TBP); rounding a − T as a whole keeps ties exact.
        UInt128 u = (UInt128)(ulong)buy * (ulong)(buy - sell) * (ulong)tsp;
        long pBuy = checked((long)WideArithmetic.MulDiv(u, (ulong)tsp, d, (ulong)tbp).SubtractFromRoundHalfEven(buy));

        // Sellers' total credit TSP·P_sell in micro-units: λ_s·λ_b·TSP·TBP / (D·10⁶).
        UInt128 credit = WideArithmetic.MulDiv(sa, (UInt128)(ulong)tsp * (ulong)tbp, d, MicrosPerUnit).RoundHalfEven();
        return new CommunityPrices(new Price(pBuy), new Price(pSell), new Money(checked((long)credit)));
    }

    internal static long NonNegative(long microKwh, string name) =>
        microKwh >= 0 ? microKwh : throw new ArgumentOutOfRangeException(name, microKwh, $"{name} must be ≥ 0 µkWh.");
}
