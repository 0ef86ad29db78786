using PeerGrid.Domain.Quantities;
using PeerGrid.Markets.Auctions;
using static PeerGrid.Markets.Tests.Auctions.Units;

namespace PeerGrid.Markets.Tests.Auctions;

public class ClearingStatisticsTests
{
    private readonly OrderBook _book = new();
    private readonly ClearingResult _result = new();
    private readonly ClearingStatistics _statistics = new();

    public ClearingStatisticsTests()
    {
        // pymarket's example: the crossing trades 3 units with welfare (4−1) + (4−2) + (3−2) = 6. Pairing bids with
        // any offer at or below them trades 4: the bid at 1 can also take the offer at 1.
        _book.AddBid(0, 1, Per(4), Kwh(2));
        _book.AddBid(1, 2, Per(3), Kwh(1));
        _book.AddBid(2, 3, Per(1), Kwh(5));
        _book.AddOffer(3, 4, Per(1), Kwh(1));
        _book.AddOffer(4, 5, Per(2), Kwh(4));
        _book.AddOffer(5, 6, Per(6), Kwh(5));
    }

    [Fact]
    public void Measure_PayAsClear_AchievesTheCrossingsVolumeAndFullWelfare()
    {
        new PayAsClear(PricingConvention.EquilibriumInterval, 0.5).Clear(_book, _result);

        EfficiencyStatistics stats = _statistics.Measure(_book, _result);

        Assert.Equal(new EfficiencyStatistics(Kwh(3), Kwh(4), Kwh(3), 0.75, Money.FromDecimal(6), Money.FromDecimal(6), 1.0), stats);
    }

    [Fact]
    public void Measure_PayAsBid_CanTradeMoreThanTheUniformCrossing_NeverMoreThanTheMaximum()
    {
        var book = new OrderBook();
        book.AddBid(0, 1, Per(10), Kwh(1));
        book.AddBid(1, 2, Per(2), Kwh(1));
        book.AddOffer(2, 3, Per(1), Kwh(1));
        book.AddOffer(3, 4, Per(9), Kwh(1));
        new PayAsBid().Clear(book, _result);

        EfficiencyStatistics stats = _statistics.Measure(book, _result);

        // The offer at 9 takes the bid at 10, the offer at 1 the bid at 2: welfare 1 + 1 of the crossing's 9.
        Assert.Equal((Kwh(2), Kwh(2), Kwh(1), 1.0), (stats.TradedMicroKwh, stats.MaximumMicroKwh, stats.UniformCrossingMicroKwh, stats.VolumeRatio));
        Assert.Equal(2 / 9.0, stats.WelfareRatio!.Value, 12);
    }

    [Fact]
    public void Measure_Huang_TradesAQuarterOfTheMaximumVolume_ForHalfTheWelfare()
    {
        new HuangTradeReduction().Clear(_book, _result);

        EfficiencyStatistics stats = _statistics.Measure(_book, _result);

        // One unit between the bid at 4 and the offer at 1: welfare 3 of 6, at the orders' limit prices.
        Assert.Equal(Kwh(1), stats.TradedMicroKwh);
        Assert.Equal(0.25, stats.VolumeRatio);
        Assert.Equal(Money.FromDecimal(3), stats.AchievedWelfare);
        Assert.Equal(0.5, stats.WelfareRatio);
    }

    [Fact]
    public void Measure_WithoutACrossing_HasNoRatios()
    {
        var book = new OrderBook();
        book.AddBid(0, 1, Per(1), Kwh(1));
        book.AddOffer(1, 2, Per(2), Kwh(1));
        new PayAsBid().Clear(book, _result);

        EfficiencyStatistics stats = _statistics.Measure(book, _result);

        Assert.Null(stats.VolumeRatio);
        Assert.Null(stats.WelfareRatio);
        Assert.Equal(0, stats.MaximumMicroKwh);
    }
}
