using PeerGrid.Application.Markets;
using PeerGrid.Application.Runs;
using PeerGrid.Simulation.Kpis;
using PeerGrid.Simulation.Observers;
using PeerGrid.Simulation.Scenarios;

namespace PeerGrid.Web.Lab;

/// <summary>
/// The scenario lab's runs (a singleton): each operator has at most one run queued or going, the host simulates one run
/// at a time on one core (the live clock keeps the others), and only the last <see cref="KeptRuns"/> runs are kept in
/// memory, results included. <see cref="Changed"/> tells pages about progress (each whole percent) and the end of a run.
/// </summary>
public sealed class LabRuns(ILogger<LabRuns> log) : IDisposable
{
    /// <summary>Runs kept, newest first; older finished runs and their results are dropped.</summary>
    public const int KeptRuns = 8;

    private readonly Lock _lock = new();
    private readonly List<LabRun> _runs = [];
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Raised on the worker's thread after a run's progress, state or results change.</summary>
    public event Action<LabRun>? Changed;

    /// <summary>The operator's kept runs, newest first.</summary>
    public IReadOnlyList<LabRun> RunsOf(string ownerId)
    {
        lock (_lock)
        {
            return [.. _runs.Where(r => r.OwnerId == ownerId)];
        }
    }

    /// <summary>The run, if it is the operator's and still kept; another operator's run is not found.</summary>
    public LabRun? Find(string ownerId, Guid id)
    {
        lock (_lock)
        {
            return _runs.FirstOrDefault(r => r.Id == id && r.OwnerId == ownerId);
        }
    }

    /// <summary>
    /// Queues <paramref name="scenario"/> (validated, within <see cref="LabScenario"/>'s limits) under each mechanism. More than
    /// one mechanism makes a comparison, with grid-only added first as the savings baseline like the CLI's --compare.
    /// Null when the operator already has a run queued or going.
    /// </summary>
    public LabRun? Start(string ownerId, Scenario scenario, IReadOnlyList<string> mechanisms)
    {
        ArgumentOutOfRangeException.ThrowIfZero(mechanisms.Count);
        bool compare = mechanisms.Count > 1;
        var run = new LabRun(Guid.NewGuid(), ownerId, scenario, compare ? CompareMechanisms.WithBaseline(mechanisms) : mechanisms, compare);
        lock (_lock)
        {
            if (_runs.Any(r => r.OwnerId == ownerId && r.IsActive))
            {
                return null;
            }
            _runs.Insert(0, run);
            // Drop the oldest finished runs beyond the limit; active runs stay until they end.
            for (int i = _runs.Count - 1; i >= 0 && _runs.Count > KeptRuns; i--)
            {
                if (!_runs[i].IsActive)
                {
                    _runs.RemoveAt(i);
                }
            }
        }
        _ = Task.Run(() => ExecuteAsync(run));
        return run;
    }

    /// <summary>Asks the operator's run to stop (at the next simulated day); false when there is no such active run.</summary>
    public bool Cancel(string ownerId, Guid id)
    {
        lock (_lock)
        {
            LabRun? run = _runs.FirstOrDefault(r => r.Id == id && r.OwnerId == ownerId);
            if (run is not { IsActive: true })
            {
                return false;
            }
            run.Cancel.Cancel();
            return true;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (LabRun run in _runs.Where(r => r.IsActive))
            {
                run.Cancel.Cancel();
            }
        }
        _oneAtATime.Dispose();
    }

    private async Task ExecuteAsync(LabRun run)
    {
        CancellationToken cancel = run.Cancel.Token;
        try
        {
            await _oneAtATime.WaitAsync(cancel).ConfigureAwait(false);
            try
            {
                Simulate(run, cancel);
            }
            finally
            {
                _oneAtATime.Release();
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            run.End(LabRunState.Cancelled);
        }
#pragma warning disable CA1031 // A failed run must not take the host down: the operator sees a message, the log the exception.
        catch (Exception e)
#pragma warning restore CA1031
        {
            log.LogError(e, "lab run {RunId} of scenario {Scenario} failed", run.Id, run.Scenario.Name);
            run.End(LabRunState.Failed, $"The run stopped with an internal error ({e.GetType().Name}); it is logged. Try a smaller scenario or another mechanism.");
        }
        lock (_lock)
        {
            run.Finished();
        }
        Notify(run);
    }

    private void Simulate(LabRun run, CancellationToken cancel)
    {
        int count = run.Mechanisms.Count;
        for (int i = 0; i < count; i++)
        {
            string mechanism = run.Mechanisms[i];
            int index = i;
            var efficiency = new MarketEfficiency();
            var days = new DailyTotals();
            var slots = new SlotSeries(!MechanismFactory.BillsPerPeriod(mechanism));
            if (run.Progress(mechanism, 100 * i / count))
            {
                Notify(run);
            }
            // The engine reports about once per simulated day; pages hear of each whole percent only.
            RunSummary summary = RunScenario.Simulate(
                run.Scenario with { Mechanism = mechanism },
                [efficiency, days, slots],
                (done, total) =>
                {
                    if (run.Progress(mechanism, (int)(100L * ((long)index * total + done) / ((long)count * total))))
                    {
                        Notify(run);
                    }
                },
                threads: 1,
                cancel: cancel);
            run.Add(new LabMechanismResult(new MechanismRun(mechanism, summary, efficiency.VolumeEfficiency, efficiency.WelfareEfficiency), days.Days, slots));
        }
        run.Complete(run.IsComparison ? CompareMechanisms.Rows([.. run.Results.Select(r => r.Run)]) : []);
    }

    private void Notify(LabRun run)
    {
        Action<LabRun>? handlers = Changed;
        if (handlers is null)
        {
            return;
        }
        foreach (Action<LabRun> handler in handlers.GetInvocationList().Cast<Action<LabRun>>())
        {
            try
            {
                handler(run);
            }
#pragma warning disable CA1031 // One page's failing handler must not stop the run or the other pages' updates.
            catch (Exception e)
#pragma warning restore CA1031
            {
                log.LogWarning(e, "a lab page's update handler failed");
            }
        }
    }
}
