using PeerGrid.Domain.Trading;
using PeerGrid.Simulation.Engine;
using PeerGrid.Simulation.Observers;
using PeerGrid.Simulation.Scenarios;

namespace PeerGrid.Simulation;

/// <summary>Runs a scenario. The entry point for the CLI, the web host and the benchmarks.</summary>
public static class Simulator
{
    /// <summary>
    /// Simulates <paramref name="scenario"/> (validated by the scenario loader) and streams results to the observers.
    /// The result depends only on the scenario (which holds the seed) and the market mechanism.
    /// </summary>
    /// <param name="progress">Called with (slots done, slots total) about once per simulated day.</param>
    /// <param name="threads">Cores to use (default: all). Results are identical for every value.</param>
    /// <param name="settlement">Where money goes (a ledger of wallets); null = exact bills only, no wallet limits.</param>
    public static RunTotals Run(
        Scenario scenario,
        IMarketMechanism? market = null,
        IReadOnlyList<ISimulationObserver>? observers = null,
        Action<int, int>? progress = null,
        int threads = 0,
        ISlotSettlement? settlement = null,
        CancellationToken cancel = default)
    {
        CommunityModel model = CommunityCompiler.Compile(scenario);
        market ??= new GridOnlyMarket();
        var info = new RunInfo(scenario.Name, scenario.Seed, model.Calendar, model.HouseholdIds, market.Name);
        var engine = new SimulationEngine(model, market, observers ?? [], threads > 0 ? threads : Environment.ProcessorCount, settlement);
        return engine.Run(info, progress, cancel);
    }

    /// <summary>
    /// Compiles <paramref name="scenario"/> (validated) for stepping slot by slot (<see cref="SlotStepper"/>): the live
    /// platform's clock, which sets battery state between slots and reads each slot's results.
    /// </summary>
    /// <param name="market">The mechanism (default grid-only); it should keep no memory across slots if steps are to be independent of each other.</param>
    /// <param name="settlement">Where each slot's money goes and what wallets can spend; null = exact bills only, no limits.</param>
    /// <param name="threads">Cores to use (default 1; more only pays for thousands of households). Results are identical for every value.</param>
    public static SlotStepper CreateStepper(Scenario scenario, IMarketMechanism? market = null, ISlotSettlement? settlement = null, int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        CommunityModel model = CommunityCompiler.Compile(scenario);
        return new SlotStepper(model, scenario.Households, scenario.Seed, market ?? new GridOnlyMarket(), settlement, threads);
    }
}
