using PeerGrid.Domain.Quantities;

namespace PeerGrid.Domain.Tests;

public class MoneyAndPriceTests
{
    [Fact]
    public void CostOf_ThreeKwhAtThirtyCents_IsNinetyCentsExactly()
    {
        Money cost = Price.FromDecimal(0.30m).CostOf(MeteredEnergy.FromKwh(3));

        Assert.Equal(Money.FromDecimal(0.90m), cost);
        Assert.Equal("0.900000", cost.ToString());
    }

    [Theory]
    [InlineData(1, 500_000, 0)]   // 0.5 micro rounds to even 0
    [InlineData(3, 500_000, 2)]   // 1.5 → 2
    [InlineData(5, 500_000, 2)]   // 2.5 → 2
    [InlineData(-3, 500_000, -2)] // −1.5 → −2
    [InlineData(-5, 500_000, -2)] // −2.5 → −2
    [InlineData(7, 300_000, 2)]   // 2.1 → 2
    public void MulDivRound_RoundsHalfToEven(long a, long b, long expected)
    {
        Assert.Equal(expected, Price.MulDivRound(a, b, 1_000_000));
    }

    [Fact]
    public void MulDivRound_MatchesDecimalReference_OnRandomOperands_IncludingWideProducts()
    {
        var random = new Random(12345); // test data only; the engine never uses System.Random
        for (int i = 0; i < 20_000; i++)
        {
            long a = random.NextInt64(-10_000_000_000_000, 10_000_000_000_000);
            long b = random.NextInt64(-10_000_000, 10_000_000);
            decimal exact = (decimal)a * b / 1_000_000m;
            long expected = (long)Math.Round(exact, MidpointRounding.ToEven);

            Assert.Equal(expected, Price.MulDivRound(a, b, 1_000_000));
        }
    }

    [Fact]
    public void MoneyArithmetic_Overflows_Loudly()
    {
        var max = new Money(long.MaxValue);

        Assert.Throws<OverflowException>(() => max + new Money(1));
        Assert.Throws<OverflowException>(() => -new Money(long.MinValue));
    }

    [Fact]
    public void FromDecimal_RejectsAmountsFinerThanAMicroUnit()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.FromDecimal(0.0000001m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Price.FromDecimal(0.1234567m));
        Assert.Equal(123_456, Price.FromDecimal(0.123456m).MicrosPerKwh);
    }

    [Fact]
    public void MeteredEnergy_RoundsHalfToEvenToTheMicroKwh()
    {
        Assert.Equal(2, MeteredEnergy.FromKwh(0.0000025).MicroKwh);
        Assert.Equal(1_500_000, MeteredEnergy.FromKwh(1.5).MicroKwh);
        Assert.Throws<ArgumentOutOfRangeException>(() => MeteredEnergy.FromKwh(double.NaN));
    }

    [Fact]
    public void PriceFromDouble_RoundsAndRejectsNonFinite()
    {
        Assert.Equal(549_800, Price.FromDouble(0.5498).MicrosPerKwh);
        Assert.Throws<ArgumentOutOfRangeException>(() => Price.FromDouble(double.PositiveInfinity));
    }

    [Fact]
    public void PowerTimesDuration_IsEnergy()
    {
        Energy e = new Power(2) * TimeSpan.FromMinutes(15);

        Assert.Equal(0.5, e.Kwh);
        Assert.Equal(500_000, e.ToMetered().MicroKwh);
    }
}
