using System.Numerics;
using PeerGrid.Markets.Sharing;

namespace PeerGrid.Markets.Tests.Sharing;

public class WideArithmeticTests
{
    [Fact]
    public void Multiply_MatchesBigInteger_OnRandom128BitOperands()
    {
        var random = new Random(7);
        for (int i = 0; i < 5_000; i++)
        {
            UInt128 x = RandomUInt128(random, random.Next(1, 129));
            UInt128 y = RandomUInt128(random, random.Next(1, 129));
            UInt128 high = WideArithmetic.Multiply(x, y, out UInt128 low);

            BigInteger expected = (BigInteger)x * (BigInteger)y;
            Assert.Equal(expected, ((BigInteger)high << 128) + (BigInteger)low);
        }
    }

    [Fact]
    public void MulDiv_FloorAndHalfComparison_MatchBigInteger_IncludingExactHalves()
    {
        var random = new Random(11);
        int checkedCases = 0;
        for (int i = 0; i < 20_000; i++)
        {
            UInt128 d1 = RandomUInt128(random, random.Next(1, 100)) | UInt128.One;
            UInt128 d2 = RandomUInt128(random, random.Next(1, 28)) + UInt128.One;
            UInt128 x = RandomUInt128(random, random.Next(1, 128));
            UInt128 y = RandomUInt128(random, random.Next(1, 128));
            if (i % 4 == 0)
            {
                // Force an exact half: x·y = (2q + 1)·d1·d2 / 2 with d1·d2 even.
                d2 = (d2 & ~UInt128.One) + 2;
                x = d1 * d2 / 2;
                y = (UInt128)(ulong)random.NextInt64(0, 1L << 40) * 2 + 1;
            }
            var product = (BigInteger)x * (BigInteger)y;
            var divisor = (BigInteger)d1 * (BigInteger)d2;
            if (product / (BigInteger)d1 >= BigInteger.One << 128)
            {
                continue; // outside the documented precondition
            }

            WideQuotient q = WideArithmetic.MulDiv(x, y, d1, d2);
            checkedCases++;

            BigInteger floor = BigInteger.DivRem(product, divisor, out BigInteger remainder);
            Assert.Equal(floor, (BigInteger)q.Floor);
            Assert.Equal(remainder.IsZero, q.IsExact);
            if (!remainder.IsZero)
            {
                Assert.Equal((2 * remainder).CompareTo(divisor), q.VsHalf);
            }
            Assert.Equal(new Fraction(product, divisor).RoundHalfEven(), (BigInteger)q.RoundHalfEven());
            if (floor < BigInteger.One << 120)
            {
                Assert.Equal(new Fraction((1_000_000 * divisor) - product, divisor).RoundHalfEven(), (BigInteger)q.SubtractFromRoundHalfEven(1_000_000));
            }
        }
        Assert.True(checkedCases > 8_000, $"only {checkedCases} cases met the precondition");
    }

    [Theory]
    [InlineData(5, 2, 2)]
    [InlineData(7, 2, 4)]
    [InlineData(-5, 2, -2)]
    [InlineData(-7, 2, -4)]
    [InlineData(-7, 3, -2)]
    [InlineData(8, 3, 3)]
    public void DivRoundHalfEven_RoundsTiesToEven_ForBothSigns(long n, long d, long expected)
    {
        Assert.Equal((Int128)expected, WideArithmetic.DivRoundHalfEven(n, d));
    }

    private static UInt128 RandomUInt128(Random random, int bits)
    {
        var value = new UInt128((ulong)random.NextInt64() ^ ((ulong)random.Next() << 63), (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63));
        return bits >= 128 ? value : value & ((UInt128.One << bits) - UInt128.One);
    }
}
