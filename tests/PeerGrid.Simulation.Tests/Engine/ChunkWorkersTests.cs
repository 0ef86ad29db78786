using PeerGrid.Simulation.Engine;

namespace PeerGrid.Simulation.Tests.Engine;

public class ChunkWorkersTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void EveryChunk_RunsExactlyOnce_InEveryPhase(int threads)
    {
        const int Chunks = 7, Phases = 20_000;
        int[] runs = new int[Chunks];
        using var workers = new ChunkWorkers(threads);

        for (int phase = 0; phase < Phases; phase++)
        {
            workers.Run(c => Interlocked.Increment(ref runs[c]), Chunks);
            // Every chunk of this phase has finished before Run returns.
            Assert.All(runs, r => Assert.Equal(phase + 1, Volatile.Read(ref r)));
        }
    }

    [Fact]
    public void AFailingChunk_FailsTheRun_AndTheWorkersStayUsable()
    {
        using var workers = new ChunkWorkers(2);

        var error = Assert.Throws<AggregateException>(() => workers.Run(c => { if (c == 3) { throw new InvalidOperationException("boom"); } }, 5));
        Assert.IsType<InvalidOperationException>(error.InnerException);

        int total = 0;
        workers.Run(c => Interlocked.Add(ref total, c), 5);
        Assert.Equal(10, total);
    }
}
