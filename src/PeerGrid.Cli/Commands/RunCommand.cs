using System.CommandLine;
using System.Diagnostics;
using PeerGrid.Application.Runs;
using PeerGrid.Application.Scenarios;

namespace PeerGrid.Cli.Commands;

/// <summary><c>peergrid run SCENARIO --out DIR</c>: validate, simulate, write summary.json and slots.csv.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "The scenario file (JSON)." };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Folder for summary.json and slots.csv (created if missing).", Required = true };
        var householdSeries = new Option<bool>("--household-series") { Description = "Also write households.csv: every household's values in every slot (large)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar." };
        var command = new Command("run", "Simulate a scenario and write its results.") { scenario, output, householdSeries, quiet };
        command.SetAction((parse, cancel) => Task.FromResult(Execute(
            parse.GetValue(scenario)!, parse.GetValue(output)!, parse.GetValue(householdSeries), parse.GetValue(quiet), stdout, stderr, cancel)));
        return command;
    }

    private static int Execute(FileInfo scenarioFile, DirectoryInfo outDir, bool householdSeries, bool quiet, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        ScenarioFileResult loaded = ScenarioFiles.Load(scenarioFile.FullName);
        if (!loaded.IsValid)
        {
            return ErrorReport.Invalid(stderr, scenarioFile.Name, loaded.Errors);
        }
        try
        {
            Directory.CreateDirectory(outDir.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: --out {outDir.FullName}: cannot create the folder ({e.Message}); choose a folder you can write to");
            return PeergridCommand.InvalidInput;
        }

        var progress = quiet ? null : new ProgressBar(stderr, Stopwatch.StartNew());
        RunOutcome outcome;
        try
        {
            outcome = RunScenario.Execute(loaded.Scenario!, outDir.FullName, new RunOptions(householdSeries), progress is null ? null : progress.Report, cancel);
        }
        catch (OperationCanceledException)
        {
            progress?.Clear();
            stderr.WriteLine("cancelled");
            return PeergridCommand.Failed;
        }
        progress?.Finish();
        stdout.WriteLine(outcome.Describe());
        return PeergridCommand.Ok;
    }
}
