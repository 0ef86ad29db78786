using PeerGrid.Application.Scenarios;
using PeerGrid.Domain;
using PeerGrid.Web.Lab;

namespace PeerGrid.Web.Tests.Lab;

/// <summary>What the lab accepts: the scenario readers' rules and messages, uploads held in memory, the lab's limits.</summary>
public sealed class LabScenarioTests
{
    private static readonly Dictionary<string, string> NoFiles = [];

    /// <summary>A daily load profile: 24 hourly rows at 400 W.</summary>
    private static string DailyLoadCsv() => "time,power\n" + string.Concat(Enumerable.Range(0, 24).Select(h => $"{h:00}:00,400\n"));

    private static string Scenario(string households, string profiles = "{}", string horizon = """{ "days": 1 }""") => $$"""
        {
          "name": "upload", "seed": 7, "start": "2025-06-02T00:00", "timeZone": "Europe/Berlin", "horizon": {{horizon}},
          "slotMinutes": 60, "location": "berlin", "tariff": { "import": 0.30, "export": 0.08 },
          "profiles": {{profiles}},
          "households": {{households}}
        }
        """;

    [Fact]
    public void ABadUpload_IsRefused_WithTheReadersFieldProblemAndFix()
    {
        string json = Scenario("""[{ "template": "pv-home", "count": 0 }]""", horizon: """{ "days": -1 }""");

        ScenarioFileResult result = LabScenario.Parse(json, "bad.json", NoFiles);

        Assert.False(result.IsValid);
        Assert.Equal(ScenarioFiles.Parse(json, "bad.json", NoFiles).Errors, result.Errors);
        Assert.Contains(result.Errors, e => e.Path.StartsWith("horizon", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Path == "households[0].count");
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Fix)));
    }

    [Fact]
    public void BrokenJson_IsASyntaxErrorWithItsPosition()
    {
        ValidationError error = Assert.Single(LabScenario.Parse("{ \"name\": ", "broken.json", NoFiles).Errors);
        Assert.StartsWith("broken.json:1:", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUploadedProfile_IsFoundByItsFileName_AndNothingIsReadFromDisk()
    {
        string households = """[{ "id": "m1", "appliances": [{ "name": "Meter", "kind": "measured", "ratedPowerKw": 0, "usage": { "type": "profile", "profile": "meter" } }] }]""";
        var files = new Dictionary<string, string> { ["load.csv"] = DailyLoadCsv() };

        ScenarioFileResult ok = LabScenario.Parse(Scenario(households, """{ "meter": { "file": "profiles/load.csv", "unit": "W" } }"""), "s.json", files);
        Assert.True(ok.IsValid, string.Join("\n", ok.Errors));

        // A path that climbs out of any folder names a file that was not uploaded: refused, no file system access.
        ScenarioFileResult climbing = LabScenario.Parse(Scenario(households, """{ "meter": { "file": "../../../etc/passwd", "unit": "W" } }"""), "s.json", files);
        ValidationError error = Assert.Single(climbing.Errors);
        Assert.Equal("profiles.meter", error.Path);
        Assert.Contains("passwd was not uploaded", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AProfileThatIsNotACsv_IsRefusedWithTheCsvReadersMessage()
    {
        string households = """[{ "id": "m1", "template": "consumer", "generators": [{ "type": "profile", "profile": "pv" }] }]""";
        var files = new Dictionary<string, string> { ["pv.csv"] = "time,power\n00:00,abc\n" };

        ValidationError error = Assert.Single(LabScenario.Parse(Scenario(households, """{ "pv": { "file": "pv.csv", "unit": "W" } }"""), "s.json", files).Errors);

        Assert.Equal("profiles.pv", error.Path);
        Assert.Contains("pv.csv", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFormsScenario_WithAnUploadedPvProfile_IsValid()
    {
        var input = new LabScenarioInput { Days = 2, ProfileKind = "pv", ProfileUnit = "W", ProfileHouseholds = 3 };
        string pv = "time,power\n" + string.Concat(Enumerable.Range(0, 24).Select(h => $"{h:00}:00,{(h is >= 8 and <= 16 ? 2000 : 0)}\n"));

        ScenarioFileResult result = LabScenario.Parse(input.ToJson("roof.csv").Json, "lab form", new Dictionary<string, string> { ["roof.csv"] = pv });

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(4 + 4 + 2 + 3, result.Scenario!.Households.Count);
    }

    [Fact]
    public void AScenarioBeyondTheLabsLimits_IsRefusedWithAFix()
    {
        ScenarioFileResult result = LabScenario.Parse(Scenario("""[{ "template": "consumer", "count": 2001 }]""", horizon: """{ "days": 400 }"""), "big.json", NoFiles);

        Assert.Equal(["households", "horizon"], result.Errors.Select(e => e.Path));
        Assert.All(result.Errors, e => Assert.Contains("peergrid run", e.Fix, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryExample_IsAValidLabScenario()
    {
        Assert.Contains("demo-10.json", LabExamples.Names);
        foreach (string name in LabExamples.Names)
        {
            ScenarioFileResult result = LabScenario.Parse(LabExamples.Read(name)!, name, NoFiles);
            Assert.True(result.IsValid, name + ": " + string.Join("\n", result.Errors));
        }
        Assert.Null(LabExamples.Read("../PeerGrid.Web.csproj"));
    }
}
