using PeerGrid.Markets.Sharing;

namespace PeerGrid.Markets.Tests.Sharing;

public class LargestRemainderApportionerTests
{
    [Fact]
    public void Apportion_EqualWeightsAndAnIndivisibleTotal_GivesTheExtraUnitsToTheLowestIndices()
    {
        var apportioner = new LargestRemainderApportioner(3);
        long[] shares = new long[3];

        apportioner.Apportion(200_000, [1, 1, 1], 3, shares);

        Assert.Equal([66_667, 66_667, 66_666], shares);
    }

    [Fact]
    public void Apportion_MatchesANaiveSortingReference_OnRandomWeightsAndTotals()
    {
        var random = new Random(3);
        for (int round = 0; round < 3_000; round++)
        {
            int n = random.Next(1, 60);
            long[] weights = new long[n];
            long scale = random.Next(2) == 0 ? 4 : long.MaxValue / 64 / n; // small weights make many equal remainders
            for (int i = 0; i < n; i++)
            {
                weights[i] = random.Next(4) == 0 ? 0 : random.NextInt64(1, scale);
            }
            if (random.Next(6) == 0)
            {
                weights[random.Next(n)] = 1; // at least one positive weight
            }
            long weightSum = weights.Sum();
            if (weightSum == 0)
            {
                continue;
            }
            // Up to 2⁵⁰ the apportioner estimates quotients with a floating-point reciprocal, beyond it it divides.
            long limit = random.Next(3) switch { 0 => long.MaxValue / 2, 1 => 1L << 50, _ => 1_000_000_000_000 };
            long total = random.NextInt64(-limit, limit);
            long[] shares = new long[n];

            new LargestRemainderApportioner(n).Apportion(total, weights, weightSum, shares);

            Assert.Equal(NaiveHamilton(total, weights, weightSum), shares);
            Assert.Equal(total, shares.Sum());
        }
    }

    [Fact]
    public void KthLargest_MatchesSorting_OnValuesWithManyDuplicates()
    {
        var random = new Random(5);
        for (int round = 0; round < 2_000; round++)
        {
            long[] values = new long[random.Next(1, 300)];
            int distinct = random.Next(1, 20);
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = random.Next(distinct) * 1_000_003L;
            }
            int k = random.Next(1, values.Length + 1);
            long expected = values.OrderDescending().ElementAt(k - 1);

            Assert.Equal(expected, Selection.KthLargest(values, k));
        }
    }

    [Fact]
    public void KthLargest_OnSortedAndReversedRuns_StaysCorrect()
    {
        long[] ascending = Enumerable.Range(0, 10_000).Select(i => (long)i).ToArray();
        long[] descending = ascending.Reverse().ToArray();

        Assert.Equal(9_000, Selection.KthLargest(ascending, 1_000));
        Assert.Equal(0, Selection.KthLargest(descending, 10_000));
    }

    private static long[] NaiveHamilton(long total, long[] weights, long weightSum)
    {
        int n = weights.Length;
        var floors = new long[n];
        var remainders = new Int128[n];
        for (int i = 0; i < n; i++)
        {
            Int128 exact = (Int128)total * weights[i];
            Int128 floor = Int128.DivRem(exact, weightSum).Quotient;
            if (floor * weightSum > exact)
            {
                floor--;
            }
            floors[i] = (long)floor;
            remainders[i] = exact - (floor * weightSum);
        }
        long missing = total - floors.Sum();
        foreach (int i in Enumerable.Range(0, n).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take((int)missing))
        {
            floors[i]++;
        }
        return floors;
    }
}
