using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PeerGrid.Simulation;
using PeerGrid.Simulation.Kpis;
using PeerGrid.Simulation.Observers;
using PeerGrid.Simulation.Scenarios;

namespace PeerGrid.Application.Runs;

/// <summary>What to write besides the summary and the per-slot CSV.</summary>
public sealed record RunOptions(bool HouseholdSeries = false);

/// <summary>Where the results went and the headline figures.</summary>
public sealed record RunOutcome(string SummaryPath, string SlotsPath, string? HouseholdsPath, RunSummary Summary)
{
    public string Describe()
    {
        CommunityKpis c = Summary.Community;
        CultureInfo inv = CultureInfo.InvariantCulture;
        return string.Create(inv, $"""
            {Summary.Scenario}: {c.Households} households × {c.Slots} slots ({Summary.Mechanism})
              demand {c.DemandKwh:N0} kWh, production {c.ProductionKwh:N0} kWh, self-sufficiency {c.SelfSufficiency:P1}, self-consumption {c.SelfConsumption:P1}
              import {c.ImportKwh:N0} kWh, export {c.ExportKwh:N0} kWh, unmet {c.UnmetKwh:N1} kWh, curtailed {c.CurtailedKwh:N1} kWh
              community cost {c.CostTotal:N2} {Summary.Currency} (baseline {c.BaselineCostTotal:N2}, savings {c.Savings:N2})
              largest energy-balance residual {c.MaxEnergyBalanceResidualKwh:E1} kWh
            wrote {SummaryPath}
            wrote {SlotsPath}{(HouseholdsPath is null ? "" : $"\nwrote {HouseholdsPath}")}
            """);
    }
}

/// <summary>The "run a scenario" use case shared by the CLI and the web lab.</summary>
public static class RunScenario
{
    public static readonly JsonSerializerOptions SummaryJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // NaN (e.g. a share of zero savings) is written as "NaN" rather than failing the run.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static RunOutcome Execute(Scenario scenario, string outDir, RunOptions options, Action<int, int>? progress = null, IReadOnlyList<ISimulationObserver>? extraObservers = null, CancellationToken cancel = default)
    {
        string slotsPath = Path.Combine(outDir, "slots.csv");
        string summaryPath = Path.Combine(outDir, "summary.json");
        string? householdsPath = options.HouseholdSeries ? Path.Combine(outDir, "households.csv") : null;

        using var slots = new StreamWriter(slotsPath, append: false, new System.Text.UTF8Encoding(false), 1 << 16);
        using StreamWriter? households = householdsPath is null ? null : new StreamWriter(householdsPath, append: false, new System.Text.UTF8Encoding(false), 1 << 20);
        var observers = new List<ISimulationObserver> { new SlotCsvWriter(slots) };
        if (households is not null)
        {
            observers.Add(new HouseholdSeriesCsvWriter(households));
        }
        if (extraObservers is not null)
        {
            observers.AddRange(extraObservers);
        }
        RunSummary summary = Simulate(scenario, observers, progress, cancel: cancel);
        File.WriteAllText(summaryPath, JsonSerializer.Serialize(summary, SummaryJson) + "\n");
        return new RunOutcome(summaryPath, slotsPath, householdsPath, summary);
    }

    /// <summary>
    /// Simulates <paramref name="scenario"/> under its mechanism and summarises it, writing nothing: the web lab keeps
    /// results in memory. <paramref name="observers"/> see every slot besides the KPI aggregates.
    /// </summary>
    /// <param name="threads">Cores to use (0 = all); results are identical for every value.</param>
    public static RunSummary Simulate(Scenario scenario, IReadOnlyList<ISimulationObserver> observers, Action<int, int>? progress = null, int threads = 0, CancellationToken cancel = default)
    {
        var aggregate = new CommunityAggregator();
        var all = new List<ISimulationObserver>(observers.Count + 2) { aggregate };
        all.AddRange(observers);
        var pricing = scenario.Pricing == MarketSettings.MarginalPair ? PeerGrid.Markets.Auctions.PricingConvention.MarginalPair : PeerGrid.Markets.Auctions.PricingConvention.EquilibriumInterval;
        var market = Markets.MechanismFactory.Create(scenario, pricing);
        var marketTotals = new MarketTotalsObserver(market);
        all.Add(marketTotals);
        // Wallets declared in the scenario are settled in a ledger that never lets them overdraw (docs/markets.md#wallets).
        PeerGrid.Markets.Settlement.Ledger? ledger = Wallets.CreateLedger(scenario);
        var settlement = ledger is null ? null : new PeerGrid.Markets.Settlement.LedgerSettlement(ledger);
        RunTotals totals = Simulator.Run(scenario, market, all, progress, threads, settlement, cancel);
        return Summarise(scenario, totals, aggregate, marketTotals.Totals, ledger);
    }

    public static RunSummary Summarise(Scenario scenario, RunTotals totals, CommunityAggregator aggregate, MarketTotals? market = null, PeerGrid.Markets.Settlement.Ledger? ledger = null)
    {
        var households = new HouseholdKpis[totals.HouseholdIds.Length];
        for (int h = 0; h < households.Length; h++)
        {
            households[h] = KpiCalculator.Household(totals, h);
        }
        CommunityKpis community = KpiCalculator.Community(totals, aggregate);
        return new RunSummary(
            scenario.Name,
            scenario.Seed,
            scenario.Mechanism,
            scenario.Strategy,
            scenario.Currency,
            scenario.StartLocal.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            scenario.TimeZoneId,
            scenario.SlotMinutes,
            totals.SlotCount,
            community.MaxEnergyBalanceResidualKwh,
            community,
            Fairness.Of(totals),
            market ?? new MarketTotals(0, 0, 0, 0, 0),
            households,
            Wallets.Summarise(scenario, ledger, totals));
    }
}
