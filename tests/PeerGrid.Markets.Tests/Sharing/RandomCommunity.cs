using PeerGrid.Domain.Quantities;

namespace PeerGrid.Markets.Tests.Sharing;

/// <summary>Seeded random communities: net positions per slot and time-varying grid prices. Test data only.</summary>
internal sealed class RandomCommunity
{
    public RandomCommunity(int seed, int maxParticipants = 40, int maxSlots = 24)
    {
        var random = new Random(seed);
        int n = random.Next(1, maxParticipants + 1);
        int slots = random.Next(1, maxSlots + 1);
        Net = new long[slots][];
        GridBuy = new Price[slots];
        GridSell = new Price[slots];

        // Mix scales so sums hit every regime: tiny (µkWh) positions, household-size ones, and whole-feeder ones.
        long scale = random.Next(3) switch { 0 => 10, 1 => 5_000_000, _ => 2_000_000_000 };
        double sellerShare = random.NextDouble();
        for (int t = 0; t < slots; t++)
        {
            long sell = random.Next(0, 200_001);
            GridSell[t] = new Price(sell);
            GridBuy[t] = new Price(sell + random.Next(1, 400_001));
            Net[t] = new long[n];
            for (int i = 0; i < n; i++)
            {
                long magnitude = random.Next(5) == 0 ? 0 : random.NextInt64(1, scale + 1);
                Net[t][i] = random.NextDouble() < sellerShare ? -magnitude : magnitude;
            }
        }
        Participants = n;
    }

    public int Participants { get; }
    public long[][] Net { get; }
    public Price[] GridBuy { get; }
    public Price[] GridSell { get; }
    public int Slots => Net.Length;
}
