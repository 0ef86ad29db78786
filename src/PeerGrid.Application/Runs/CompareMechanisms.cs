using System.Globalization;
using System.Text;
using System.Text.Json;
using PeerGrid.Application.Markets;
using PeerGrid.Simulation;
using PeerGrid.Simulation.Kpis;
using PeerGrid.Simulation.Observers;
using PeerGrid.Simulation.Scenarios;

namespace PeerGrid.Application.Runs;

/// <summary>One mechanism's line in a comparison. Money in currency units; savings against the grid-only run.</summary>
public sealed record ComparisonRow(
    string Mechanism,
    decimal CommunityCost,
    decimal SavingsVsGridOnly,
    decimal BillSpread,
    double GiniOfSavings,
    double ShareOfSavingsToConsumers,
    double SelfSufficiency,
    double PeerVolumeKwh,
    double VolumeEfficiency,
    double WelfareEfficiency,
    double UnmetKwh,
    double ImportKwh,
    double ExportKwh,
    decimal OperatorRevenue);

/// <summary>One mechanism's run in a comparison: its summary and the market's efficiencies (<see cref="MarketEfficiency"/>).</summary>
public sealed record MechanismRun(string Mechanism, RunSummary Summary, double VolumeEfficiency, double WelfareEfficiency);

/// <summary>
/// <c>peergrid run SCENARIO --compare A,B,…</c>: the same scenario (same seed, so the same weather and demand) under each
/// mechanism. Savings are measured against a grid-only run, which is added when not listed. Each run's summary and
/// slots go to DIR/&lt;mechanism&gt;/; the table to DIR/comparison.csv and DIR/comparison.json.
/// </summary>
public static class CompareMechanisms
{
    public static IReadOnlyList<ComparisonRow> Execute(Scenario scenario, IReadOnlyList<string> mechanisms, string outDir, Action<string, int, int>? progress = null, CancellationToken cancel = default)
    {
        var results = new List<MechanismRun>();
        foreach (string name in WithBaseline(mechanisms))
        {
            string dir = Path.Combine(outDir, name);
            Directory.CreateDirectory(dir);
            var efficiency = new MarketEfficiency();
            RunOutcome outcome = RunScenario.Execute(scenario with { Mechanism = name }, dir, new RunOptions(), progress is null ? null : (d, t) => progress(name, d, t), [efficiency], cancel);
            results.Add(new MechanismRun(name, outcome.Summary, efficiency.VolumeEfficiency, efficiency.WelfareEfficiency));
        }
        List<ComparisonRow> rows = Rows(results);
        File.WriteAllText(Path.Combine(outDir, "comparison.json"), ToJson(rows));
        File.WriteAllText(Path.Combine(outDir, "comparison.csv"), ToCsv(rows));
        return rows;
    }

    /// <summary>The mechanisms to run, in order, with grid-only first when not listed: savings are measured against it.</summary>
    public static IReadOnlyList<string> WithBaseline(IReadOnlyList<string> mechanisms)
    {
        var order = new List<string>(mechanisms);
        if (!order.Contains("grid-only"))
        {
            order.Insert(0, "grid-only");
        }
        return order;
    }

    /// <summary>One row per run, in order; <paramref name="runs"/> must include grid-only (<see cref="WithBaseline"/>).</summary>
    public static List<ComparisonRow> Rows(IReadOnlyList<MechanismRun> runs)
    {
        decimal gridOnlyCost = runs.First(r => r.Mechanism == "grid-only").Summary.Community.CostTotal;
        return [.. runs.Select(r => new ComparisonRow(
            r.Mechanism,
            r.Summary.Community.CostTotal,
            gridOnlyCost - r.Summary.Community.CostTotal,
            r.Summary.Fairness.BillSpread,
            r.Summary.Fairness.GiniOfSavings,
            r.Summary.Fairness.ShareOfSavingsToConsumers,
            r.Summary.Community.SelfSufficiency,
            r.Summary.Community.PeerTradedKwh,
            r.VolumeEfficiency,
            r.WelfareEfficiency,
            r.Summary.Community.UnmetKwh,
            r.Summary.Community.ImportKwh,
            r.Summary.Community.ExportKwh,
            r.Summary.Market.OperatorRevenue))];
    }

    /// <summary>comparison.json's content.</summary>
    public static string ToJson(IReadOnlyList<ComparisonRow> rows) => JsonSerializer.Serialize(rows, RunScenario.SummaryJson) + "\n";

    public static string ToCsv(IReadOnlyList<ComparisonRow> rows)
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("mechanism,communityCost,savingsVsGridOnly,billSpread,giniOfSavings,shareOfSavingsToConsumers,selfSufficiency,peerVolumeKwh,volumeEfficiency,welfareEfficiency,unmetKwh,importKwh,exportKwh,operatorRevenue\n");
        foreach (ComparisonRow r in rows)
        {
            sb.Append(inv, $"{r.Mechanism},{r.CommunityCost},{r.SavingsVsGridOnly},{r.BillSpread},{r.GiniOfSavings:R},{r.ShareOfSavingsToConsumers:R},{r.SelfSufficiency:R},{r.PeerVolumeKwh:R},{r.VolumeEfficiency:R},{r.WelfareEfficiency:R},{r.UnmetKwh:R},{r.ImportKwh:R},{r.ExportKwh:R},{r.OperatorRevenue}\n");
        }
        return sb.ToString();
    }

    /// <summary>A fixed-width table for the terminal.</summary>
    public static string ToTable(IReadOnlyList<ComparisonRow> rows, string currency)
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"{"mechanism",-18}{"cost " + currency,14}{"savings",12}{"bill spread",13}{"Gini",7}{"to consumers",14}{"self-suff.",12}{"P2P kWh",12}{"vol. eff.",11}{"welf. eff.",12}{"unmet kWh",11}{"operator",12}\n");
        foreach (ComparisonRow r in rows)
        {
            sb.Append(inv, $"{r.Mechanism,-18}{r.CommunityCost,14:N2}{r.SavingsVsGridOnly,12:N2}{r.BillSpread,13:N2}{r.GiniOfSavings,7:0.00}{Percent(r.ShareOfSavingsToConsumers),14}{r.SelfSufficiency,12:P1}{r.PeerVolumeKwh,12:N0}{Percent(r.VolumeEfficiency),11}{Percent(r.WelfareEfficiency),12}{r.UnmetKwh,11:N1}{r.OperatorRevenue,12:N2}\n");
        }
        return sb.ToString();
    }

    private static string Percent(double v) => double.IsNaN(v) ? "–" : v.ToString("P1", CultureInfo.InvariantCulture);
}
