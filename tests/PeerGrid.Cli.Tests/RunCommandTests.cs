using System.Text.Json;

namespace PeerGrid.Cli.Tests;

public class RunCommandTests
{
    [Fact]
    public void Run_Demo_WritesSummaryAndSlots_AndExitsZero()
    {
        using var temp = new TempFolder();

        var (code, stdout, stderr) = Peergrid.Invoke("run", Repository.Scenario("demo-10.json"), "--out", temp.Path, "--quiet");

        Assert.True(code == 0, stderr);
        Assert.Contains("wrote", stdout, StringComparison.Ordinal);
        using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(temp.File("summary.json")));
        JsonElement community = summary.RootElement.GetProperty("community");
        Assert.Equal(10, community.GetProperty("households").GetInt32());
        Assert.True(summary.RootElement.GetProperty("maxEnergyBalanceResidualKwh").GetDouble() < 1e-9);
        Assert.Equal(10, summary.RootElement.GetProperty("households").GetArrayLength());
        string[] lines = File.ReadAllLines(temp.File("slots.csv"));
        Assert.Equal(summary.RootElement.GetProperty("slots").GetInt32() + 1, lines.Length);
    }

    [Theory]
    [InlineData("demo-10.json")]
    [InlineData("bench-1000.json")]
    public void Run_Twice_GivesByteIdenticalResults(string scenario)
    {
        using var temp = new TempFolder();
        string a = Path.Combine(temp.Path, "a"), b = Path.Combine(temp.Path, "b");

        Assert.Equal(0, Peergrid.Invoke("run", Repository.Scenario(scenario), "--out", a, "--quiet").ExitCode);
        Assert.Equal(0, Peergrid.Invoke("run", Repository.Scenario(scenario), "--out", b, "--quiet").ExitCode);

        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "summary.json")), File.ReadAllBytes(Path.Combine(b, "summary.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "slots.csv")), File.ReadAllBytes(Path.Combine(b, "slots.csv")));
    }

    [Fact]
    public void Run_WithHouseholdSeries_WritesOneRowPerHouseholdPerSlot()
    {
        using var temp = new TempFolder();

        var (code, _, stderr) = Peergrid.Invoke("run", Repository.Scenario("demo-10.json"), "--out", temp.Path, "--household-series", "--quiet");

        Assert.True(code == 0, stderr);
        int slots = File.ReadAllLines(temp.File("slots.csv")).Length - 1;
        Assert.Equal((slots * 10) + 1, File.ReadLines(temp.File("households.csv")).Count());
    }

    [Fact]
    public void Run_InvalidScenario_ExitsTwo_WritesNothing_AndPrintsNoStackTrace()
    {
        using var temp = new TempFolder();
        string bad = temp.File("bad.json");
        File.WriteAllText(bad, """{ "name": "x", "seed": 1, "start": "2025-01-01T00:00", "timeZone": "Europe/Berlin", "horizon": { "days": -1 }, "location": "berlin", "tariff": { "import": 0.3, "export": 0.1 }, "households": [] }""");
        string outDir = temp.File("out");

        var (code, stdout, stderr) = Peergrid.Invoke("run", bad, "--out", outDir, "--quiet");

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.StartsWith("error: bad.json: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Run_MissingFile_ExitsTwo_WithAOneLineReason()
    {
        var (code, _, stderr) = Peergrid.Invoke("run", "no-such-scenario.json", "--out", Path.GetTempPath(), "--quiet");

        Assert.Equal(2, code);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}

public class CompareCommandTests
{
    [Fact]
    public void Compare_WritesATableRow_PerMechanism_PlusGridOnly()
    {
        using var temp = new TempFolder();

        var (code, stdout, stderr) = Peergrid.Invoke("run", Repository.Scenario("demo-10.json"), "--out", temp.Path, "--compare", "sdr,mmr,bill-sharing", "--quiet");

        Assert.True(code == 0, stderr);
        string[] csv = File.ReadAllLines(temp.File("comparison.csv"));
        Assert.Equal(5, csv.Length);
        Assert.StartsWith("grid-only,", csv[1], StringComparison.Ordinal);
        // The three sharing models split the same community bill (Long 2017): equal totals, to the micro-unit.
        string[] costs = [.. csv.Skip(2).Select(line => line.Split(',')[1])];
        Assert.All(costs, c => Assert.Equal(costs[0], c));
        Assert.True(File.Exists(Path.Combine(temp.Path, "mmr", "summary.json")));
        Assert.Contains("bill-sharing", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_WithAnUnknownMechanism_ExitsTwo_AndListsTheKnownOnes()
    {
        using var temp = new TempFolder();

        var (code, _, stderr) = Peergrid.Invoke("run", Repository.Scenario("demo-10.json"), "--out", temp.Path, "--compare", "sdr,pay-as-magic", "--quiet");

        Assert.Equal(2, code);
        Assert.Contains("'pay-as-magic'", stderr, StringComparison.Ordinal);
        Assert.Contains("grid-only", stderr, StringComparison.Ordinal);
    }
}
