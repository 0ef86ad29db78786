using PeerGrid.Domain.Quantities;
using PeerGrid.Markets.Sharing;
using static PeerGrid.Markets.Tests.Sharing.SharingTestKit;

namespace PeerGrid.Markets.Tests.Sharing;

/// <summary>Hand-computed cases at Long 2017's tariff: λ_buy = 0.15, λ_sell = 0.05, so c_mid = 0.10.</summary>
public class MidMarketRateTests
{
    [Fact]
    public void Settle_Balanced_BothSidesPayTheMidPrice()
    {
        SlotSharingResult r = Settle(MidMarketRate.Instance, 0.15m, 0.05m, 2 * Kwh, -2 * Kwh);

        Assert.Equal((0.10m, 0.10m), (r.BuyPrice.ToDecimal(), r.SellPrice.ToDecimal()));
        Assert.Equal([0.2m, -0.2m], Bills(r));
        Assert.Equal((Money.Zero, MeteredEnergy.Zero, MeteredEnergy.Zero), (r.GridCost, r.GridImport, r.GridExport));
    }

    [Fact]
    public void Settle_Surplus_BuyersPayMid_SellersShareMidAndFeedIn()
    {
        // GEN = 3 > DEM = 1: sell = (1·0.10 + 2·0.05)/3 = 0.0666…; buyer pays 0.10; the grid takes 2 kWh at 0.05.
        SlotSharingResult r = Settle(MidMarketRate.Instance, 0.15m, 0.05m, 1 * Kwh, -3 * Kwh);

        Assert.Equal((0.10m, 0.066667m), (r.BuyPrice.ToDecimal(), r.SellPrice.ToDecimal()));
        Assert.Equal([0.1m, -0.2m], Bills(r));
        Assert.Equal((-0.1m, 2 * Kwh), (r.GridCost.ToDecimal(), r.GridExport.MicroKwh));
    }

    [Fact]
    public void Settle_Deficit_SellersGetMid_BuyersShareMidAndRetail()
    {
        // GEN = 1 < DEM = 4: buy = (1·0.10 + 3·0.15)/4 = 0.1375; the grid supplies 3 kWh at 0.15 = 0.45.
        SlotSharingResult r = Settle(MidMarketRate.Instance, 0.15m, 0.05m, 3 * Kwh, -1 * Kwh, 1 * Kwh);

        Assert.Equal((0.1375m, 0.10m), (r.BuyPrice.ToDecimal(), r.SellPrice.ToDecimal()));
        Assert.Equal([0.4125m, -0.1m, 0.1375m], Bills(r));
        Assert.Equal((0.45m, 3 * Kwh), (r.GridCost.ToDecimal(), r.GridImport.MicroKwh));
    }

    [Fact]
    public void Settle_ThreeEqualSellersAndAnIndivisibleCredit_GivesTheSpareMicrosToTheLowestIndices()
    {
        // Sellers share 0.2 = 200,000 micros three ways: 66,666.67 each; the two spare micros go to indices 1 and 2.
        SlotSharingResult r = Settle(MidMarketRate.Instance, 0.15m, 0.05m, 1 * Kwh, -1 * Kwh, -1 * Kwh, -1 * Kwh);

        Assert.Equal([100_000, -66_667, -66_667, -66_666], r.CostMicros);
        Assert.Equal(r.GridCost.Micros, r.CostMicros.Sum());
    }

    [Fact]
    public void Quote_HalfMicroMidPrice_PublishesHalfToEven_ButBillsExactly()
    {
        // c_mid = (0.000003 + 0.000000)/2 = 1.5 micros/kWh → published 2; 1,000 kWh at 1.5 = 1,500 micros exactly.
        CommunityPrices p = MidMarketRate.Instance.Quote(new MeteredEnergy(1_000 * Kwh), new MeteredEnergy(1_000 * Kwh), new Price(3), Price.Zero);

        Assert.Equal(new Price(2), p.Buy);
        Assert.Equal(1_500, p.SellerCredit.Micros);
    }

    [Fact]
    public void Quote_MatchesTheLiteralFormulas_OnRandomTotals_IncludingNegativePrices()
    {
        var random = new Random(2018);
        for (int i = 0; i < 20_000; i++)
        {
            long sell = random.NextInt64(-1_000_000, 1_000_000);
            var gridSell = new Price(sell);
            var gridBuy = new Price(random.NextInt64(sell + 1, 2_000_000));
            long dem = random.NextInt64(0, 1_000_000_000_000), gen = random.Next(4) == 0 ? dem : random.NextInt64(0, 1_000_000_000_000);

            CommunityPrices p = MidMarketRate.Instance.Quote(new MeteredEnergy(dem), new MeteredEnergy(gen), gridBuy, gridSell);

            (Fraction buy, Fraction sellPrice) = SharingReference.Mmr(dem, gen, gridBuy, gridSell);
            Assert.Equal(buy.RoundHalfEven(), p.Buy.MicrosPerKwh);
            Assert.Equal(sellPrice.RoundHalfEven(), p.Sell.MicrosPerKwh);
            Assert.Equal((gen * sellPrice / 1_000_000).RoundHalfEven(), p.SellerCredit.Micros);
        }
    }
}
