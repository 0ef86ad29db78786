using PeerGrid.Application.Runs;
using PeerGrid.Application.Scenarios;

namespace PeerGrid.Application.Tests.Runs;

/// <summary>The comparison table's welfare-efficiency and operator-revenue columns.</summary>
public sealed class CompareColumnsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "peergrid-compare-" + Guid.NewGuid().ToString("N"));

    public CompareColumnsTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Compare_ReportsWelfareEfficiency_AndTheOperatorsSubscriptionRevenue()
    {
        // A winter night hour: "a" draws 2 kW, "b" runs a 4 kW generator at fuel 0.20 with spare capacity it offers.
        // Values: "a" 0.30, "b"'s cost 0.20 → pay-as-clear trades everything: welfare efficiency 1. The subscription,
        // 31 a month for one day of January, is 1.00 per household under every mechanism but grid-only.
        string path = Path.Combine(_folder, "pair.json");
        File.WriteAllText(path, """
            {
              "name": "pair", "seed": 1, "start": "2025-01-06T00:00", "timeZone": "Europe/Berlin",
              "horizon": { "hours": 1 }, "location": "berlin",
              "tariff": { "import": 0.30, "export": 0.10 },
              "market": { "mechanism": "pay-as-clear", "platformSubscriptionPerMonth": 31 },
              "households": [
                { "id": "a", "appliances": [{ "name": "Load", "kind": "load", "ratedPowerKw": 2, "usage": { "type": "time-windows", "weekday": [{ "from": "00:00", "to": "01:00" }], "weekend": [] } }] },
                { "id": "b", "generators": [{ "type": "dispatchable", "ratedKw": 4, "minLoadFraction": 0, "fuelCostPerKwh": 0.20 }] }
              ]
            }
            """);
        ScenarioFileResult loaded = ScenarioFiles.Load(path);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));

        IReadOnlyList<ComparisonRow> rows = CompareMechanisms.Execute(loaded.Scenario!, ["pay-as-clear", "pay-as-offer"], _folder);

        ComparisonRow grid = rows.Single(r => r.Mechanism == "grid-only");
        Assert.True(double.IsNaN(grid.WelfareEfficiency));
        Assert.Equal(0m, grid.OperatorRevenue);
        ComparisonRow clear = rows.Single(r => r.Mechanism == "pay-as-clear");
        Assert.Equal(1.0, clear.WelfareEfficiency, 9);
        Assert.Equal(2.00m, clear.OperatorRevenue);
        string header = File.ReadLines(Path.Combine(_folder, "comparison.csv")).First();
        Assert.Contains("welfareEfficiency", header, StringComparison.Ordinal);
        Assert.EndsWith("operatorRevenue", header, StringComparison.Ordinal);
    }
}
