using Microsoft.Extensions.Logging.Abstractions;
using PeerGrid.Application.Runs;
using PeerGrid.Application.Scenarios;
using PeerGrid.Simulation.Scenarios;
using PeerGrid.Web.Lab;

namespace PeerGrid.Web.Tests.Lab;

/// <summary>The scenario lab's runner: runs to the end with progress, compares like the CLI, cancels, keeps runs apart.</summary>
public sealed class LabRunsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly LabRuns _runs = new(NullLogger<LabRuns>.Instance);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "peergrid-lab-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _runs.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Five households for one June day in hourly slots: PV surplus at noon, so peers trade.</summary>
    private static Scenario Small(int days = 1)
    {
        var input = new LabScenarioInput { Name = "lab-test", Days = days, SlotMinutes = 60 };
        foreach (TemplateCount t in input.Households)
        {
            t.Count = t.Template switch { "consumer" => 2, "pv-home" => 2, "pv-battery-home" => 1, _ => 0 };
        }
        ScenarioFileResult loaded = LabScenario.Parse(input.ToJson(null).Json, "lab form", new Dictionary<string, string>());
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        return loaded.Scenario!;
    }

    [Fact]
    public async Task ARun_GoesToCompletion_ReportsProgressUpTo100_AndGivesTheEnginesKpis()
    {
        Scenario scenario = Small();
        var percents = new List<int>();
        _runs.Changed += r => { lock (percents) { percents.Add(r.Percent); } };

        LabRun run = _runs.Start("op-1", scenario, ["pay-as-clear"])!;
        await run.Completion.WaitAsync(Patience);

        Assert.Equal(LabRunState.Completed, run.State);
        Assert.Equal(100, run.Percent);
        Assert.False(run.IsComparison);
        Assert.Empty(run.Comparison);
        lock (percents)
        {
            Assert.Equal(100, percents[^1]);
            Assert.Equal(percents.Order(), percents);
        }
        LabMechanismResult result = Assert.Single(run.Results);
        RunSummary direct = RunScenario.Simulate(scenario with { Mechanism = "pay-as-clear" }, []);
        Assert.Equal(direct.Community, result.Summary.Community);
        Assert.Equal(direct.Fairness, result.Summary.Fairness);
        Assert.True(result.Summary.Community.PeerTradedKwh > 0, "the PV homes' noon surplus is traded");
        DayTotals day = Assert.Single(result.Days);
        Assert.Equal(new DateOnly(2025, 6, 2), day.Day);
        Assert.Equal(result.Summary.Community.PeerTradedKwh, day.PeerTradedKwh, 9);
        Assert.Equal(result.Summary.Community.CostTotal, day.CostMicros / 1_000_000m);
    }

    [Fact]
    public async Task AComparison_HasOneRowPerMechanism_WithTheNumbersOfTheClisCompare()
    {
        Scenario scenario = Small();
        string[] mechanisms = ["grid-only", "pay-as-clear", "sdr"];

        LabRun run = _runs.Start("op-1", scenario, mechanisms)!;
        await run.Completion.WaitAsync(Patience);

        Assert.Equal(LabRunState.Completed, run.State);
        Assert.Equal(mechanisms, run.Comparison.Select(r => r.Mechanism));
        Directory.CreateDirectory(_folder);
        IReadOnlyList<ComparisonRow> cli = CompareMechanisms.Execute(scenario, mechanisms, _folder);
        Assert.Equal(cli, run.Comparison);
        Assert.Equal(File.ReadAllText(Path.Combine(_folder, "comparison.csv")), CompareMechanisms.ToCsv(run.Comparison));
    }

    [Fact]
    public async Task AComparisonWithoutGridOnly_AddsItFirst_AsTheSavingsBaseline()
    {
        LabRun run = _runs.Start("op-1", Small(), ["pay-as-bid", "mmr"])!;
        await run.Completion.WaitAsync(Patience);

        Assert.Equal(["grid-only", "pay-as-bid", "mmr"], run.Comparison.Select(r => r.Mechanism));
        Assert.Equal(0m, run.Comparison[0].SavingsVsGridOnly);
    }

    [Fact]
    public async Task ACancelledRun_EndsCancelled_AndTheOperatorCanStartAnother()
    {
        LabRun run = _runs.Start("op-1", Small(days: 60), ["pay-as-clear", "sdr"])!;
        Assert.True(_runs.Cancel("op-1", run.Id));
        await run.Completion.WaitAsync(Patience);

        Assert.Equal(LabRunState.Cancelled, run.State);
        Assert.False(_runs.Cancel("op-1", run.Id));
        Assert.NotNull(_runs.Start("op-1", Small(), ["grid-only"]));
    }

    [Fact]
    public async Task AnOperator_HasOneRunAtATime_AndNeverSeesAnothersRuns()
    {
        LabRun run = _runs.Start("op-1", Small(days: 30), ["pay-as-clear"])!;

        Assert.Null(_runs.Start("op-1", Small(), ["grid-only"]));
        Assert.Null(_runs.Find("op-2", run.Id));
        Assert.False(_runs.Cancel("op-2", run.Id));
        Assert.Empty(_runs.RunsOf("op-2"));
        Assert.Same(run, _runs.Find("op-1", run.Id));

        Assert.True(_runs.Cancel("op-1", run.Id));
        await run.Completion.WaitAsync(Patience);
    }

    [Fact]
    public async Task OnlyTheLastRunsAreKept()
    {
        var started = new List<LabRun>();
        for (int i = 0; i < LabRuns.KeptRuns + 2; i++)
        {
            LabRun run = _runs.Start("op-1", Small(), ["grid-only"])!;
            await run.Completion.WaitAsync(Patience);
            started.Add(run);
        }

        Assert.Equal(LabRuns.KeptRuns, _runs.RunsOf("op-1").Count);
        Assert.Null(_runs.Find("op-1", started[0].Id));
        Assert.Same(started[^1], _runs.RunsOf("op-1")[0]);
    }
}
