using System.CommandLine;
using System.Diagnostics;
using PeerGrid.Application.Markets;
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
        var compare = new Option<string?>("--compare") { Description = $"Run the scenario under each of these mechanisms (comma-separated) and write a comparison: {string.Join(", ", MechanismFactory.Names)}." };
        var command = new Command("run", "Simulate a scenario and write its results.") { scenario, output, householdSeries, quiet, compare };
        command.SetAction((parse, cancel) => Task.FromResult(Execute(
            parse.GetValue(scenario)!, parse.GetValue(output)!, parse.GetValue(householdSeries), parse.GetValue(quiet), parse.GetValue(compare), stdout, stderr, cancel)));
        return command;
    }

    private static int Execute(FileInfo scenarioFile, DirectoryInfo outDir, bool householdSeries, bool quiet, string? compare, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        ScenarioFileResult loaded = ScenarioFiles.Load(scenarioFile.FullName);
        if (!loaded.IsValid)
        {
            return ErrorReport.Invalid(stderr, scenarioFile.Name, loaded.Errors);
        }
        string[]? mechanisms = null;
        if (compare is not null)
        {
            mechanisms = compare.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string[] unknown = [.. mechanisms.Where(m => !MechanismFactory.Names.Contains(m))];
            if (mechanisms.Length == 0 || unknown.Length > 0)
            {
                stderr.WriteLine($"error: --compare: {(unknown.Length > 0 ? $"unknown mechanism {string.Join(", ", unknown.Select(u => $"'{u}'"))}" : "no mechanism given")}; use a comma-separated list of {string.Join(", ", MechanismFactory.Names)}");
                return PeergridCommand.InvalidInput;
            }
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
        try
        {
            if (mechanisms is not null)
            {
                var rows = CompareMechanisms.Execute(loaded.Scenario!, mechanisms, outDir.FullName, progress is null ? null : (_, done, total) => progress.Report(done, total), cancel);
                progress?.Finish();
                stdout.Write(CompareMechanisms.ToTable(rows, loaded.Scenario!.Currency));
                stdout.WriteLine($"wrote {Path.Combine(outDir.FullName, "comparison.csv")}, comparison.json and one folder per mechanism");
                return PeergridCommand.Ok;
            }
            RunOutcome outcome = RunScenario.Execute(loaded.Scenario!, outDir.FullName, new RunOptions(householdSeries), progress is null ? null : progress.Report, cancel: cancel);
            progress?.Finish();
            stdout.WriteLine(outcome.Describe());
            return PeergridCommand.Ok;
        }
        catch (OperationCanceledException)
        {
            progress?.Clear();
            stderr.WriteLine("cancelled");
            return PeergridCommand.Failed;
        }
    }
}
