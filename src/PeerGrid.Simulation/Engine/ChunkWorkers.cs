namespace PeerGrid.Simulation.Engine;

/// <summary>
/// Runs a per-chunk action on all cores, tens of thousands of times per run: one hand-off per slot phase costs
/// well under a microsecond, where <see cref="Parallel.For(int, int, Action{int})"/> costs several. Workers live
/// for one run; between phases they spin briefly, then block, so a paused run does not burn a core.
/// Which thread runs which chunk varies; results must not depend on it (each chunk writes only its own
/// households and its own partial sums).
/// </summary>
internal sealed class ChunkWorkers : IDisposable
{
    private const int SpinsBeforeBlocking = 2000;

    private readonly Thread[] _threads;
    private readonly SemaphoreSlim _wake = new(0);
    private Action<int> _body = static _ => { };
    private int _chunks;
    private int _remaining;
    private int _phase;
    private int _sleepers;
    private volatile bool _stopping;
    private Exception? _failure;

    /// <summary>The phase in the high 32 bits and the next unclaimed chunk in the low 32: a claim made with a stale
    /// phase fails, so a worker late from one phase can never run a chunk of the next.</summary>
    private long _cursor;

    public ChunkWorkers(int threads)
    {
        _threads = new Thread[Math.Max(0, threads - 1)];
        for (int i = 0; i < _threads.Length; i++)
        {
            _threads[i] = new Thread(WorkerLoop) { IsBackground = true, Name = $"peergrid-engine-{i + 1}" };
            _threads[i].Start();
        }
    }

    /// <summary>Runs <paramref name="body"/>(c) for c = 0 … <paramref name="chunks"/> − 1 and returns when all are done.</summary>
    public void Run(Action<int> body, int chunks)
    {
        _body = body;
        _chunks = chunks;
        Volatile.Write(ref _remaining, chunks);
        int phase = ++_phase;
        Volatile.Write(ref _cursor, (long)phase << 32);
        int sleeping = Volatile.Read(ref _sleepers);
        if (sleeping > 0)
        {
            _wake.Release(sleeping);
        }
        Work(phase);
        var spin = default(SpinWait);
        while (Volatile.Read(ref _remaining) > 0)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }
        if (_failure is { } failure)
        {
            _failure = null;
            throw new AggregateException("An engine worker failed.", failure);
        }
    }

    public void Dispose()
    {
        _stopping = true;
        Volatile.Write(ref _cursor, (long)(++_phase) << 32);
        _wake.Release(_threads.Length);
        foreach (Thread t in _threads)
        {
            t.Join();
        }
        _wake.Dispose();
    }

    private void Work(int phase)
    {
        while (true)
        {
            long cursor = Volatile.Read(ref _cursor);
            int chunk = unchecked((int)cursor);
            if ((int)(cursor >> 32) != phase || chunk >= _chunks)
            {
                return;
            }
            if (Interlocked.CompareExchange(ref _cursor, cursor + 1, cursor) != cursor)
            {
                continue;
            }
            try
            {
                _body(chunk);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _failure, e, null);
            }
            Interlocked.Decrement(ref _remaining);
        }
    }

    private void WorkerLoop()
    {
        int seen = 0;
        while (true)
        {
            int spins = 0;
            int phase;
            while ((phase = (int)(Volatile.Read(ref _cursor) >> 32)) == seen)
            {
                if (++spins < SpinsBeforeBlocking)
                {
                    Thread.SpinWait(20);
                    continue;
                }
                Interlocked.Increment(ref _sleepers);
                // Re-check after announcing: a phase published before the increment woke nobody for us.
                if ((int)(Volatile.Read(ref _cursor) >> 32) == seen)
                {
                    _wake.Wait();
                }
                Interlocked.Decrement(ref _sleepers);
                spins = 0;
            }
            seen = phase;
            if (_stopping)
            {
                return;
            }
            Work(phase);
        }
    }
}
