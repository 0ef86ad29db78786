namespace PeerGrid.Markets.Hierarchy;

/// <summary>
/// One process-wide background thread that helps a <see cref="HierarchicalMarket"/> clear the independent nodes of a
/// level on a second core while the caller's thread clears the others (both take the next node index from a shared
/// counter). Each node's clearing depends on nothing another node's clearing writes, and the market books the results
/// afterwards in node order, so the outcome is the same whichever thread cleared which node. If another market is using
/// the helper, <see cref="TryRun"/> declines and the caller clears alone. Nothing is allocated per call.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "One instance lives as long as the process, like its background thread.")]
internal sealed class NodeHelper
{
    private static readonly Lazy<NodeHelper> SharedInstance = new(() => new NodeHelper(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly SemaphoreSlim _start = new(0);
    private readonly ManualResetEventSlim _done = new(false);
    private Action<int>? _body;
    private int _count;
    private int _next;
    private int _busy;
    private Exception? _failure;

    private NodeHelper()
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = "PeerGrid market node helper" };
        thread.Start();
    }

    /// <summary>The helper, or null on a single-core machine (nothing to gain).</summary>
    public static NodeHelper? Shared => Environment.ProcessorCount > 1 ? SharedInstance.Value : null;

    /// <summary>Runs <paramref name="body"/>(0 … count − 1) on this thread and the helper; false (nothing run) if the helper is busy.</summary>
    public bool TryRun(Action<int> body, int count)
    {
        if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            return false;
        }
        try
        {
            _body = body;
            _count = count;
            _next = 0;
            _failure = null;
            _done.Reset();
            _start.Release();
            Work(body, count);
            _done.Wait();
            if (_failure is { } failure)
            {
                throw new AggregateException("A market node failed to clear on the helper thread.", failure);
            }
            return true;
        }
        finally
        {
            _body = null;
            Volatile.Write(ref _busy, 0);
        }
    }

    private void Work(Action<int> body, int count)
    {
        int i;
        while ((i = Interlocked.Increment(ref _next) - 1) < count)
        {
            body(i);
        }
    }

    private void Loop()
    {
        while (true)
        {
            _start.Wait();
            try
            {
                Work(_body!, _count);
            }
#pragma warning disable CA1031 // Any failure is handed to the caller's thread and rethrown there.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _failure = e;
                // Let the caller's loop finish quickly.
                Interlocked.Exchange(ref _next, int.MaxValue / 2);
            }
            _done.Set();
        }
    }
}
