using System.Globalization;
using PeerGrid.Domain.Quantities;
using PeerGrid.Markets.Sharing;
using Xunit.Abstractions;
using static PeerGrid.Markets.Tests.Sharing.SharingTestKit;

namespace PeerGrid.Markets.Tests.Sharing;

public class SupplyDemandRatioTests(ITestOutputHelper output)
{
    private static readonly Price LiuBuy = Price.FromDecimal(1.0m);
    private static readonly Price LiuSell = Price.FromDecimal(0.4m);

    private static CommunityPrices Quote(long tbp, long tsp, Price buy, Price sell) =>
        SupplyDemandRatio.Instance.Quote(new MeteredEnergy(tbp), new MeteredEnergy(tsp), buy, sell);

    [Fact]
    public void Quote_AtSdr0_5458_ReproducesLiusPublishedPricePair()
    {
        // Liu 2017: with λ_sell = 0.4 and λ_buy = 1.0 the pair (P_sell, P_buy) = (0.5498, 0.7543) occurs.
        CommunityPrices p = Quote(10 * Kwh, 5_458_000, LiuBuy, LiuSell);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Liu 2017 check: SDR = 0.5458 → P_sell = {p.Sell}, P_buy = {p.Buy}"));
        Assert.Equal(0.5498m, Math.Round(p.Sell.ToDecimal(), 4));
        Assert.Equal(0.7543m, Math.Round(p.Buy.ToDecimal(), 4));
    }

    [Fact]
    public void LiusPublishedPricePair_OccursExactlyForSdrNear0_546()
    {
        // Scan SDR in steps of 10⁻⁶ and keep every SDR at which both prices round to the published pair.
        long first = -1, last = -1;
        for (long tsp = 500_000; tsp <= 600_000; tsp++)
        {
            CommunityPrices p = Quote(Kwh, tsp, LiuBuy, LiuSell);
            if (Math.Round(p.Sell.ToDecimal(), 4) == 0.5498m && Math.Round(p.Buy.ToDecimal(), 4) == 0.7543m)
            {
                Assert.True(first < 0 || last == tsp - 1, "the matching SDRs form one interval");
                first = first < 0 ? tsp : first;
                last = tsp;
            }
        }
        decimal lo = first / 1e6m, hi = last / 1e6m, mid = (lo + hi) / 2;

        // Inverting Eq. (7) at P_sell = 0.5498 exactly gives SDR = 0.545895, where P_buy = 0.75424: the paper rounds.
        decimal inverted = ((0.4m * 1.0m / 0.5498m) - 0.4m) / (1.0m - 0.4m);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Liu 2017 check: pair (0.5498, 0.7543) for SDR in [{lo}, {hi}], midpoint {mid:0.000000}; Eq. (7) inverted at 0.5498: SDR = {inverted:0.000000}"));
        Assert.True(first > 0);
        Assert.Equal(0.5458m, Math.Round(mid, 4));
        Assert.Equal(0.546m, Math.Round(mid, 3));
    }

    [Fact]
    public void Settle_HalfAsMuchSupplyAsDemand_PricesAndBillsByHand()
    {
        // SDR = 0.5: P_sell = 0.4/(0.6·0.5 + 0.4) = 4/7 = 0.571428…; P_buy = 4/7·0.5 + 0.5 = 11/14 = 0.785714…
        SlotSharingResult r = Settle(SupplyDemandRatio.Instance, 1.0m, 0.4m, 2 * Kwh, -1 * Kwh);

        Assert.Equal(0.571429m, r.SellPrice.ToDecimal());
        Assert.Equal(0.785714m, r.BuyPrice.ToDecimal());
        Assert.Equal([1.571429m, -0.571429m], Bills(r)); // exact 1.5714285…, −0.5714285…
        Assert.Equal(1.0m, r.GridCost.ToDecimal()); // 1 kWh imported at 1.0
        Assert.Equal(r.GridCost.Micros, r.CostMicros.Sum());
    }

    [Fact]
    public void Quote_SdrExactlyOne_GivesTheFeedInPriceOnBothSides_ContinuousWithTheFormula()
    {
        CommunityPrices atOne = Quote(3 * Kwh, 3 * Kwh, LiuBuy, LiuSell);
        CommunityPrices justBelow = Quote(3 * Kwh, (3 * Kwh) - 1, LiuBuy, LiuSell);

        Assert.Equal(LiuSell, atOne.Sell);
        Assert.Equal(LiuSell, atOne.Buy);
        Assert.Equal(1.2m, atOne.SellerCredit.ToDecimal());
        Assert.InRange(justBelow.Sell.MicrosPerKwh - LiuSell.MicrosPerKwh, 0, 1);
        Assert.InRange(justBelow.Buy.MicrosPerKwh - LiuSell.MicrosPerKwh, 0, 1);
    }

    [Fact]
    public void Quote_NoBuyers_GivesTheFeedInPrice_AndNoSellers_TheRetailPrice()
    {
        CommunityPrices noBuyers = Quote(0, 2 * Kwh, LiuBuy, LiuSell);
        CommunityPrices noSellers = Quote(2 * Kwh, 0, LiuBuy, LiuSell);
        CommunityPrices nobody = Quote(0, 0, LiuBuy, LiuSell);

        Assert.Equal((LiuSell, LiuSell, 0.8m), (noBuyers.Buy, noBuyers.Sell, noBuyers.SellerCredit.ToDecimal()));
        Assert.Equal((LiuBuy, LiuBuy, Money.Zero), (noSellers.Buy, noSellers.Sell, noSellers.SellerCredit));
        Assert.Equal((LiuSell, LiuSell, Money.Zero), (nobody.Buy, nobody.Sell, nobody.SellerCredit));
    }

    [Fact]
    public void Quote_ZeroFeedInTariff_PaysSellersNothing_AndBuyersShareTheGridCost()
    {
        CommunityPrices p = Quote(4 * Kwh, 1 * Kwh, LiuBuy, Price.Zero);

        Assert.Equal(Price.Zero, p.Sell);
        Assert.Equal(0.75m, p.Buy.ToDecimal()); // λ_buy·(1 − SDR)
        Assert.Equal(Money.Zero, p.SellerCredit);
    }

    [Fact]
    public void Quote_MatchesTheLiteralFormulas_OnRandomTotalsUpToTheLongRange()
    {
        var random = new Random(2017);
        for (int i = 0; i < 20_000; i++)
        {
            bool huge = i % 3 == 0;
            long maxPrice = huge ? 1_000 : CommunityGrid.MaxAbsPriceMicrosPerKwh;
            long maxEnergy = huge ? long.MaxValue / 2 : 1_000_000_000_000_000;
            long sell = random.NextInt64(0, maxPrice);
            var gridSell = new Price(sell);
            var gridBuy = new Price(random.NextInt64(sell + 1, maxPrice + 1));
            long tbp = random.NextInt64(0, maxEnergy), tsp = random.Next(4) == 0 ? tbp - random.Next(3) : random.NextInt64(0, maxEnergy);
            tsp = Math.Max(tsp, 0);

            CommunityPrices p = Quote(tbp, tsp, gridBuy, gridSell);

            (Fraction buy, Fraction sellPrice) = SharingReference.Sdr(tbp, tsp, gridBuy, gridSell);
            Assert.Equal(buy.RoundHalfEven(), p.Buy.MicrosPerKwh);
            Assert.Equal(sellPrice.RoundHalfEven(), p.Sell.MicrosPerKwh);
            Assert.Equal((tsp * sellPrice / 1_000_000).RoundHalfEven(), p.SellerCredit.Micros);
        }
    }

    [Fact]
    public void Quote_RejectsANegativeFeedInTariff_AndAFeedInTariffNotBelowRetail()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Quote(Kwh, Kwh, LiuBuy, new Price(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quote(Kwh, Kwh, LiuBuy, LiuBuy));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quote(-1, Kwh, LiuBuy, LiuSell));
    }
}
