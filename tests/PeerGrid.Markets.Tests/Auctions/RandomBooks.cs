using PeerGrid.Markets.Auctions;

namespace PeerGrid.Markets.Tests.Auctions;

/// <summary>
/// Seeded random books small enough for the naive references: a few dozen orders, prices on a coarse grid (many ties)
/// or arbitrary micros (rounding), small participant pools (self pairs are common) or one participant per order.
/// </summary>
internal static class RandomBooks
{
    public static void Fill(OrderBook book, int seed, bool oneParticipantPerOrder = false)
    {
        var random = new Random(seed); // test data only
        book.Clear();
        int bids = random.Next(0, 25), offers = random.Next(0, 25);
        int pool = random.Next(4) == 0 ? 2 : random.Next(2, 12);
        bool coarse = random.Next(3) != 0;
        int[] preferred = new int[3];
        for (int i = 0; i < bids; i++)
        {
            int participant = oneParticipantPerOrder ? i : random.Next(pool);
            int count = random.Next(4) == 0 ? random.Next(1, 4) : 0;
            for (int p = 0; p < count; p++)
            {
                preferred[p] = oneParticipantPerOrder ? 1000 + random.Next(offers + 1) : random.Next(pool);
            }
            book.AddBid(i, participant, Price(random, coarse), Energy(random, coarse), random.Next(5) == 0, preferred.AsSpan(0, count));
        }
        for (int i = 0; i < offers; i++)
        {
            int participant = oneParticipantPerOrder ? 1000 + i : random.Next(pool);
            book.AddOffer(100 + i, participant, Price(random, coarse), Energy(random, coarse), random.Next(2) == 0);
        }
    }

    private static long Price(Random random, bool coarse) => coarse
        ? random.Next(-1, 12) * 25_000L
        : random.NextInt64(-50_000, 400_000);

    private static long Energy(Random random, bool coarse) => coarse
        ? random.Next(1, 6) * 500_000L
        : random.NextInt64(1, 3_000_000);
}
