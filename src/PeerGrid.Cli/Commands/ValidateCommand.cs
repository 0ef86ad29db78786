using System.CommandLine;
using PeerGrid.Application.Scenarios;

namespace PeerGrid.Cli.Commands;

/// <summary><c>peergrid validate SCENARIO</c>: report every problem in a scenario file, or confirm it is valid.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "The scenario file (JSON)." };
        var command = new Command("validate", "Check a scenario file without running it.") { scenario };
        command.SetAction(parse =>
        {
            FileInfo file = parse.GetValue(scenario)!;
            ScenarioFileResult loaded = ScenarioFiles.Load(file.FullName);
            if (!loaded.IsValid)
            {
                return ErrorReport.Invalid(stderr, file.Name, loaded.Errors);
            }
            var s = loaded.Scenario!;
            stdout.WriteLine($"{file.Name}: valid — {s.Households.Count} households, {s.SlotMinutes}-minute slots, mechanism {s.Mechanism}");
            return PeergridCommand.Ok;
        });
        return command;
    }
}
