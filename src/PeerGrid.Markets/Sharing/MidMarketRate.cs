using PeerGrid.Domain.Quantities;

namespace PeerGrid.Markets.Sharing;

/// <summary>
/// Mid-market-rate pricing (Long et al., IEEE PES GM 2017, Eqs. (15)–(18)). c_mid = (λ_buy + λ_sell)/2.
/// Balanced (GEN = DEM): both prices c_mid. Surplus (GEN &gt; DEM): buy = c_mid, sell = [DEM·c_mid + (GEN − DEM)·λ_sell]/GEN.
/// Deficit (GEN &lt; DEM): sell = c_mid, buy = [GEN·c_mid + (DEM − GEN)·λ_buy]/DEM. GEN and DEM are the community's
/// supply and demand after self-consumption, the same quantities the bills use, so the model balances exactly
/// (the paper prices with one and bills with the other, and then does not). Needs λ_sell &lt; λ_buy.
/// </summary>
public sealed class MidMarketRate : ISlotPricingRule
{
    private const long TwoMicrosPerUnit = 2_000_000;

    private MidMarketRate()
    {
    }

    public static MidMarketRate Instance { get; } = new();

    public string Name => "mmr";

    public CommunityPrices Quote(MeteredEnergy demand, MeteredEnergy supply, Price gridBuy, Price gridSell)
    {
        CommunityGrid.ValidatePrices(gridBuy, gridSell, sellMustBeNonNegative: false);
        long dem = SupplyDemandRatio.NonNegative(demand.MicroKwh, nameof(demand));
        long gen = SupplyDemandRatio.NonNegative(supply.MicroKwh, nameof(supply));
        long buy = gridBuy.MicrosPerKwh, sell = gridSell.MicrosPerKwh;

        // Work with 2·c_mid so every amount stays an integer; exact totals are over the denominator 2·10⁶.
        Int128 twiceMid = (Int128)buy + sell;
        var mid = new Price(Round(twiceMid, 2));
        if (gen > dem)
        {
            // Surplus: the DEM·c_mid that buyers pay plus the feed-in revenue of the excess, shared by GEN.
            Int128 twiceSellerTotal = ((Int128)dem * twiceMid) + (2 * (Int128)(gen - dem) * sell);
            return new CommunityPrices(mid, new Price(Round(twiceSellerTotal, 2 * (Int128)gen)), new Money(Round(twiceSellerTotal, TwoMicrosPerUnit)));
        }

        var sellerCredit = new Money(Round((Int128)gen * twiceMid, TwoMicrosPerUnit));
        if (gen == dem)
        {
            return new CommunityPrices(mid, mid, sellerCredit);
        }

        // Deficit: GEN·c_mid paid to sellers plus the retail cost of the shortfall, shared by DEM.
        Int128 twiceBuyerTotal = ((Int128)gen * twiceMid) + (2 * (Int128)(dem - gen) * buy);
        return new CommunityPrices(new Price(Round(twiceBuyerTotal, 2 * (Int128)dem)), mid, sellerCredit);
    }

    private static long Round(Int128 numerator, Int128 denominator) =>
        checked((long)WideArithmetic.DivRoundHalfEven(numerator, denominator));
}
