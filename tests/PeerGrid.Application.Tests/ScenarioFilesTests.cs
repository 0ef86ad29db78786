using PeerGrid.Application.Scenarios;

namespace PeerGrid.Application.Tests;

/// <summary>Loading scenario files with their profile files from disk.</summary>
public sealed class ScenarioFilesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "peergrid-app-" + Guid.NewGuid().ToString("N"));

    public ScenarioFilesTests() => Directory.CreateDirectory(Path.Combine(_folder, "profiles"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteScenario(string profileFile, string unit = "W") =>
        Write("scenario.json", $$"""
            {
              "name": "profiled", "seed": 1, "start": "2025-06-02T00:00", "timeZone": "Europe/Berlin",
              "horizon": { "days": 2 }, "location": "berlin",
              "tariff": { "import": 0.30, "export": 0.08 },
              "profiles": { "office": { "file": "{{profileFile}}", "unit": "{{unit}}" } },
              "households": [
                { "id": "h1", "appliances": [ { "name": "Office", "kind": "office", "ratedPowerKw": 0, "usage": { "type": "profile", "profile": "office" } } ] }
              ]
            }
            """);

    private string Write(string relative, string text)
    {
        string path = Path.Combine(_folder, relative);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Load_ResolvesProfileFilesRelativeToTheScenario()
    {
        // A one-day profile of 500 W in every quarter-hour: 12 kWh per day.
        Write("profiles/office.csv", "time;power\n" + string.Join("\n", Enumerable.Range(0, 96).Select(i => $"{i / 4:00}:{i % 4 * 15:00};500")));

        ScenarioFileResult result = ScenarioFiles.Load(WriteScenario("profiles/office.csv"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var totals = PeerGrid.Simulation.Simulator.Run(result.Scenario!);
        Assert.Equal(24.0, totals.LoadKwh[0], 9);
    }

    [Fact]
    public void Load_AMissingProfileFile_IsAValidationErrorAtTheProfile()
    {
        ScenarioFileResult result = ScenarioFiles.Load(WriteScenario("profiles/missing.csv"));

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal("profiles.office", error.Path);
        Assert.Contains("missing.csv", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ABrokenProfileFile_NamesItsLineAndTheFix()
    {
        Write("profiles/office.csv", "time;power\n00:00;500\n00:15;5,0.0\n");

        ScenarioFileResult result = ScenarioFiles.Load(WriteScenario("profiles/office.csv"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("profiles.office", error.Path);
        Assert.Contains("office.csv line 3", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AMissingScenario_SaysSo()
    {
        ScenarioFileResult result = ScenarioFiles.Load(Path.Combine(_folder, "nope.json"));

        var error = Assert.Single(result.Errors);
        Assert.Contains("does not exist", error.Problem, StringComparison.Ordinal);
    }
}
