namespace PeerGrid.Cli.Tests;

public class ValidateCommandTests
{
    [Theory]
    [InlineData("demo-10.json")]
    [InlineData("bench-1000.json")]
    [InlineData("bench-100k.json")]
    public void Validate_EverySampleScenario_IsValid(string scenario)
    {
        var (code, stdout, stderr) = Peergrid.Invoke("validate", Repository.Scenario(scenario));

        Assert.True(code == 0, stderr);
        Assert.Contains("valid", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ListsEveryProblem_OneLineEach_WithFieldAndFix()
    {
        using var temp = new TempFolder();
        string bad = temp.File("bad.json");
        File.WriteAllText(bad, """
            {
              "name": "bad", "seed": 1, "start": "2025-01-01T00:00", "timeZone": "Europe/Berlin",
              "horizon": { "days": 1 }, "slotMinutes": 15, "location": "berlin",
              "tariff": { "import": 0.3, "export": 0.1 },
              "households": [
                { "id": "a", "batteries": [ { "name": "b", "capacityKwh": -5, "maxChargeKw": 2, "maxDischargeKw": 2 } ] },
                { "id": "b", "generators": [ { "type": "solar-pv", "name": "roof", "peakKw": 0 } ] }
              ]
            }
            """);

        var (code, _, stderr) = Peergrid.Invoke("validate", bad);

        Assert.Equal(2, code);
        string[] lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("households[0].batteries[0].capacityKwh", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("households[1].generators[0].peakKw", StringComparison.Ordinal));
        Assert.Contains("2 problems; nothing was run", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenJson_NamesTheLine()
    {
        using var temp = new TempFolder();
        string bad = temp.File("broken.json");
        File.WriteAllText(bad, "{\n  \"name\": \"x\",\n  \"seed\": \n}");

        var (code, _, stderr) = Peergrid.Invoke("validate", bad);

        Assert.Equal(2, code);
        Assert.Contains("line", stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
