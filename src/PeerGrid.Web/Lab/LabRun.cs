using PeerGrid.Application.Runs;
using PeerGrid.Simulation.Observers;
using PeerGrid.Simulation.Scenarios;

namespace PeerGrid.Web.Lab;

public enum LabRunState
{
    Queued,
    Running,
    Completed,
    Cancelled,
    Failed,
}

/// <summary>One mechanism's results in a lab run: the CLI's summary, the market's efficiencies, the daily totals and the community's per-slot series.</summary>
public sealed record LabMechanismResult(MechanismRun Run, IReadOnlyList<DayTotals> Days, SlotSeries Slots)
{
    public string Mechanism => Run.Mechanism;
    public RunSummary Summary => Run.Summary;
}

/// <summary>
/// A scenario run in the lab under one or more mechanisms (the same scenario and seed each time), owned by the
/// operator who started it. Written by <see cref="LabRuns"/>' worker only; pages read it on their render thread, so
/// every field is replaced whole (never mutated in place) and readers see a consistent value.
/// </summary>
public sealed class LabRun
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal LabRun(Guid id, string ownerId, Scenario scenario, IReadOnlyList<string> mechanisms, bool compare)
    {
        Id = id;
        OwnerId = ownerId;
        Scenario = scenario;
        Mechanisms = mechanisms;
        IsComparison = compare;
    }

    public Guid Id { get; }
    public string OwnerId { get; }
    public Scenario Scenario { get; }

    /// <summary>The mechanisms in run order; a comparison starts with grid-only, its savings baseline.</summary>
    public IReadOnlyList<string> Mechanisms { get; }

    /// <summary>True when more than one mechanism was chosen: the run then has <see cref="Comparison"/> rows.</summary>
    public bool IsComparison { get; }

    public LabRunState State { get; private set; } = LabRunState.Queued;

    /// <summary>Whole percent of all mechanisms' slots simulated, 0 … 100.</summary>
    public int Percent { get; private set; }

    /// <summary>The mechanism being simulated now, or null.</summary>
    public string? Current { get; private set; }

    public IReadOnlyList<LabMechanismResult> Results { get; private set; } = [];

    /// <summary>The CLI's --compare rows (one per mechanism, in run order) once a comparison completes; else empty.</summary>
    public IReadOnlyList<ComparisonRow> Comparison { get; private set; } = [];

    /// <summary>Why the run failed, for the operator (no stack trace; the exception is logged).</summary>
    public string? Error { get; private set; }

    public bool IsActive => State is LabRunState.Queued or LabRunState.Running;

    /// <summary>Completes when the run has ended, whatever the outcome.</summary>
    public Task Completion => _done.Task;

    internal CancellationTokenSource Cancel { get; } = new();

    public LabMechanismResult? ResultOf(string mechanism) => Results.FirstOrDefault(r => r.Mechanism == mechanism);

    /// <summary>Sets the progress; true when the whole percent changed (worth telling the pages).</summary>
    internal bool Progress(string mechanism, int percent)
    {
        State = LabRunState.Running;
        bool changed = percent != Percent || mechanism != Current;
        Current = mechanism;
        Percent = percent;
        return changed;
    }

    internal void Add(LabMechanismResult result) => Results = [.. Results, result];

    internal void Complete(IReadOnlyList<ComparisonRow> comparison)
    {
        Comparison = comparison;
        Percent = 100;
        Current = null;
        State = LabRunState.Completed;
    }

    internal void End(LabRunState state, string? error = null)
    {
        Current = null;
        Error = error;
        State = state;
    }

    internal void Finished()
    {
        Cancel.Dispose();
        _done.TrySetResult();
    }
}
