using PeerGrid.Domain.Households;
using PeerGrid.Domain.Quantities;
using PeerGrid.Domain.Trading;
using PeerGrid.Markets.Auctions;
using PeerGrid.Markets.Hierarchy;
using PeerGrid.Markets.Mechanisms;
using PeerGrid.Markets.Sharing;
using PeerGrid.Markets.Strategies;
using PeerGrid.Simulation.Scenarios;

namespace PeerGrid.Application.Markets;

/// <summary>Builds the market mechanism a scenario (or <c>--compare</c>) names, sized for its households.</summary>
public static class MechanismFactory
{
    /// <summary>The mechanisms this build runs, by their names in scenario files and on the command line.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["grid-only", "pay-as-clear", "pay-as-bid", "pay-as-offer", "preference-first", "huang", "sdr", "mmr", "bill-sharing"];

    /// <summary>The double auctions: the mechanisms that nest in a market hierarchy (docs/markets-hierarchy.md).</summary>
    public static IReadOnlyList<string> Auctions { get; } = ["pay-as-clear", "pay-as-bid", "pay-as-offer", "preference-first", "huang"];

    /// <summary>Whether <paramref name="name"/> bills households per billing period rather than per slot (bill-sharing): its slots have no P2P price.</summary>
    public static bool BillsPerPeriod(string name) => name == "bill-sharing";

    /// <param name="k">Pay-as-clear's point in the price interval, 0 … 1 (../shared/REFERENCE.md §1).</param>
    /// <param name="strategy">How households price their auction orders; default <see cref="OrderStrategy.Fixed"/>. The sharing models and grid-only ignore it.</param>
    public static IMarketMechanism Create(string name, int households, PricingConvention pricing = PricingConvention.EquilibriumInterval, double k = 0.5, OrderStrategy? strategy = null) => name switch
    {
        "grid-only" => new GridOnlyMarket(),
        "pay-as-clear" or "pay-as-bid" or "pay-as-offer" or "huang" => new AuctionMarket(Clearing(name, pricing, k)(), strategy: strategy),
        "preference-first" => new AuctionMarket(Clearing(name, pricing, k)(), "preference-first", strategy),
        "sdr" => new SlotSharingMarket(SupplyDemandRatio.Instance, households),
        "mmr" => new SlotSharingMarket(MidMarketRate.Instance, households),
        "bill-sharing" => new BillSharingMarket(households),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"Unknown mechanism; use one of {string.Join(", ", Names)}."),
    };

    /// <summary>
    /// The scenario's mechanism. An auction in a scenario with a market hierarchy or a platform fee runs as a
    /// <see cref="HierarchicalMarket"/> with that auction at every node; the sharing models and grid-only stay flat.
    /// Auctions price households' orders by the scenario's strategy (<see cref="Strategy"/>).
    /// </summary>
    public static IMarketMechanism Create(Scenario scenario, PricingConvention pricing)
    {
        string name = scenario.Mechanism;
        OrderStrategy strategy = Strategy(scenario);
        if (!Auctions.Contains(name) || (scenario.Hierarchy is null && scenario.PlatformFeePerKwh == 0))
        {
            return Create(name, scenario.Households.Count, pricing, scenario.PricingK, strategy);
        }
        return new HierarchicalMarket(Topology(scenario), Charges(scenario), Clearing(name, pricing, scenario.PricingK), name, strategy);
    }

    /// <summary>The scenario's order strategy: "fixed", "ramp" with its rounds, or "adaptive" with its α and margin.</summary>
    public static OrderStrategy Strategy(Scenario scenario) => scenario.Strategy switch
    {
        MarketSettings.FixedStrategy => OrderStrategy.Fixed,
        MarketSettings.RampStrategy => OrderStrategy.Ramp(scenario.Rounds),
        MarketSettings.AdaptiveStrategy => OrderStrategy.Adaptive(scenario.AdaptiveAlpha, scenario.AdaptiveMargin),
        _ => throw new ArgumentException($"Unknown order strategy '{scenario.Strategy}'; use one of {string.Join(", ", MarketSettings.Strategies)}.", nameof(scenario)),
    };

    /// <summary>
    /// Cells, communities and regions as indices. Communities keep the scenario's order, with the implicit one (for
    /// cells that name none) last; regions are numbered in order of first mention, the implicit one last.
    /// Capacities go from kW to kWh per slot.
    /// </summary>
    public static HierarchyTopology Topology(Scenario scenario)
    {
        IReadOnlyList<Household> households = scenario.Households;
        if (scenario.Hierarchy is not { } h)
        {
            return HierarchyTopology.Flat(households.Count);
        }
        var communityIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (HierarchyCommunity c in h.Communities)
        {
            communityIndex[c.Id] = communityIndex.Count;
        }
        int implicitCommunity = h.Cells.Any(c => c.Community is null) ? communityIndex.Count : -1;
        int[] communityOfCell = [.. h.Cells.Select(c => c.Community is { } id ? communityIndex[id] : implicitCommunity)];

        var regionIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (HierarchyCommunity c in h.Communities)
        {
            if (c.Region is { } r)
            {
                regionIndex.TryAdd(r, regionIndex.Count);
            }
        }
        int implicitRegion = regionIndex.Count;
        var regionOfCommunity = new List<int>(h.Communities.Select(c => c.Region is { } r ? regionIndex[r] : implicitRegion));
        if (implicitCommunity >= 0)
        {
            regionOfCommunity.Add(implicitRegion);
        }

        var cellIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (HierarchyCell c in h.Cells)
        {
            cellIndex[c.Id] = cellIndex.Count;
        }
        int[] cellOf = new int[households.Count];
        for (int i = 0; i < cellOf.Length; i++)
        {
            string? cell = households[i].Cell;
            cellOf[i] = cell is not null && cellIndex.TryGetValue(cell, out int index)
                ? index
                : throw new ArgumentException($"Household '{households[i].Id}' names cell '{cell}', which the hierarchy does not define.", nameof(scenario));
        }
        double slotHours = scenario.SlotMinutes / 60.0;
        return new HierarchyTopology(
            cellOf,
            communityOfCell,
            regionOfCommunity,
            [.. h.Cells.Select(c => c.ImportCapacityKw * slotHours)],
            [.. h.Cells.Select(c => c.ExportCapacityKw * slotHours)]);
    }

    /// <summary>The scenario's fees (currency units → micro-units, percent → parts per million), loss and platform fee.</summary>
    public static HierarchyCharges Charges(Scenario scenario)
    {
        MarketHierarchy? h = scenario.Hierarchy;
        return new HierarchyCharges(
            Fee(h?.CellFee),
            Fee(h?.CommunityFee),
            Fee(h?.RegionFee),
            h?.LossPerLevel ?? 0,
            Price.FromDecimal(scenario.PlatformFeePerKwh).MicrosPerKwh);
    }

    private static GridFee Fee(LevelFee? fee) => fee is null
        ? GridFee.None
        : new GridFee(
            fee.PerKwh is { } perKwh ? Price.FromDecimal(perKwh).MicrosPerKwh : 0,
            fee.Percent is { } percent ? GridFee.Percent(percent).PartsPerMillion : 0);

    private static Func<IClearingMechanism> Clearing(string name, PricingConvention pricing, double k) => name switch
    {
        "pay-as-clear" => () => new PayAsClear(pricing, k),
        "pay-as-bid" => () => new PayAsBid(),
        "pay-as-offer" => () => new PayAsOffer(),
        "preference-first" => () => new PreferenceFirst(new PayAsClear(pricing, k)),
        "huang" => () => new HuangTradeReduction(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"'{name}' is not an auction; use one of {string.Join(", ", Auctions)}."),
    };
}
