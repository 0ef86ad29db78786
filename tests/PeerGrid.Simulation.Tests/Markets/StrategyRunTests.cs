using System.Text.Json;
using System.Text.Json.Nodes;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Domain.Trading;
using PeerGrid.Markets.Auctions;
using PeerGrid.Markets.Hierarchy;
using PeerGrid.Markets.Mechanisms;
using PeerGrid.Markets.Strategies;
using PeerGrid.Simulation.Observers;
using PeerGrid.Simulation.Scenarios;
using PeerGrid.Simulation.Tests.Engine;
using PeerGrid.Simulation.Tests.Scenarios;
using static PeerGrid.Simulation.Tests.Engine.TestScenarios;

namespace PeerGrid.Simulation.Tests.Markets;

/// <summary>The order strategies (fixed, ramp, adaptive) inside the engine, and their scenario format.</summary>
public class StrategyRunTests
{
    /// <summary>Two neighbours for one hour (four 15-minute slots), retail 0.30, feed-in 0.10: A needs 0.5 kWh per slot, B has 0.5 kWh spare.</summary>
    private static Scenario Neighbours(decimal? maxBuy = null, decimal? minSell = null)
    {
        var profiles = new Dictionary<string, PeerGrid.Simulation.Profiles.Profile> { ["gen"] = ConstantDaily("gen", 2) };
        var a = House("a", appliances: [Window(2, "00:00", "01:00")], preferences: Preferences.Default with { MaxBuyPrice = maxBuy });
        var b = House("b", generators: [new ProfileGenerator("roof", true, "gen")], preferences: Preferences.Default with { MinSellPrice = minSell });
        return Build([a, b], profiles: profiles);
    }

    private static IClearingMechanism Clearing(string name) => name switch
    {
        "pay-as-clear" => new PayAsClear(PricingConvention.EquilibriumInterval, 0.5),
        "pay-as-bid" => new PayAsBid(),
        "pay-as-offer" => new PayAsOffer(),
        "huang" => new HuangTradeReduction(),
        "preference-first" => new PreferenceFirst(new PayAsClear(PricingConvention.EquilibriumInterval, 0.5)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown mechanism"),
    };

    private static readonly string[] Mechanisms = ["pay-as-clear", "pay-as-bid", "pay-as-offer", "preference-first", "huang"];

    private static OrderStrategy Strategy(string name, int rounds) => name switch
    {
        "fixed" => OrderStrategy.Fixed,
        "ramp" => OrderStrategy.Ramp(rounds),
        _ => OrderStrategy.Adaptive(),
    };

    [Fact]
    public void RampOfTwoRounds_UnderPayAsClear_TradesAtTwentyCents()
    {
        // Round 1: bid 0.10 + (0.30 − 0.10)·½ = 0.20, offer 0.30 − (0.30 − 0.10)·½ = 0.20: they trade at 0.20.
        RunTotals t = Simulator.Run(Neighbours(), new AuctionMarket(Clearing("pay-as-clear"), strategy: OrderStrategy.Ramp(2)));

        Assert.Equal(400_000, t.NetCostMicros(0)); // 2 kWh × 0.20
        Assert.Equal(-400_000, t.NetCostMicros(1));
        Assert.Equal(2.0, t.PeerBoughtKwh[0], 12);
        Assert.Equal(0, t.ImportKwh[0], 12);
    }

    [Theory]
    [InlineData("pay-as-clear")]
    [InlineData("pay-as-bid")]
    [InlineData("pay-as-offer")]
    [InlineData("preference-first")]
    [InlineData("huang")]
    public void RampOfOneRound_EqualsFixed(string mechanism)
    {
        Scenario scenario = RandomScenarios.Create(5, householdCount: 8);

        RunTotals a = Simulator.Run(scenario, new AuctionMarket(Clearing(mechanism)));
        RunTotals b = Simulator.Run(scenario, new AuctionMarket(Clearing(mechanism), strategy: OrderStrategy.Ramp(1)));

        Assert.Equal(a.PeerNetPaidMicros, b.PeerNetPaidMicros);
        Assert.Equal(a.PeerBoughtKwh, b.PeerBoughtKwh);
        Assert.Equal(a.PeerSoldKwh, b.PeerSoldKwh);
        Assert.Equal(a.ImportMicroKwh, b.ImportMicroKwh);
        Assert.Equal(a.ExportMicroKwh, b.ExportMicroKwh);
    }

    [Theory]
    [InlineData("pay-as-clear", 510_000)] // round 4: the middle of the offer 0.25 and the bid 0.26
    [InlineData("pay-as-bid", 520_000)]   // 0.26: the bid of round 4 (rounds 1–3 bid 0.14, 0.18, 0.22)
    [InlineData("pay-as-offer", 500_000)] // 0.25: the offer of round 4 (rounds 1–3 offer 0.2875, 0.275, 0.2625)
    public void RampOfFourRounds_WithANarrowGap_TradesInTheLastRoundOnly(string mechanism, long buyerPays)
    {
        RunTotals t = Simulator.Run(Neighbours(maxBuy: 0.26m, minSell: 0.25m), new AuctionMarket(Clearing(mechanism), strategy: OrderStrategy.Ramp(4)));

        Assert.Equal(buyerPays, t.NetCostMicros(0));
        Assert.Equal(-buyerPays, t.NetCostMicros(1));
        Assert.Equal(2.0, t.PeerBoughtKwh[0], 12);
    }

    [Fact]
    public void Adaptive_UnderPayAsBid_FollowsItsEstimate_SlotBySlot()
    {
        var market = new AuctionMarket(Clearing("pay-as-bid"), strategy: OrderStrategy.Adaptive());

        RunTotals t = Simulator.Run(Neighbours(), market);

        // e = 0.20, 0.203, 0.206045, 0.2091356; the bid ⌊e·1.05⌋ = 0.21, 0.21315, 0.216347, 0.219592 is the price of
        // each slot's 0.5 kWh (0.1081735 rounds half-to-even to 0.108174).
        Assert.Equal(105_000 + 106_575 + 108_174 + 109_796, t.NetCostMicros(0));
        Assert.Equal(-(105_000 + 106_575 + 108_174 + 109_796), t.NetCostMicros(1));
        Assert.Equal(212_272.52, market.Pricer.Estimate(0), 6); // 0.7·209135.6 + 0.3·219592
    }

    public static TheoryData<ulong, string, string> RandomCases()
    {
        var data = new TheoryData<ulong, string, string>();
        string[] strategies = ["fixed", "ramp", "adaptive"];
        ulong seed = 1;
        foreach (string strategy in strategies)
        {
            foreach (string mechanism in Mechanisms)
            {
                data.Add(seed++, mechanism, strategy);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void RandomScenarios_KeepEnergyMoneyAndLimits(ulong seed, string mechanism, string strategy)
    {
        Scenario scenario = RandomScenarios.Create(seed, householdCount: 8);
        var checking = new CheckingMarket(new AuctionMarket(Clearing(mechanism), strategy: Strategy(strategy, rounds: 1 + (int)(seed % 9))));

        RunTotals t = Simulator.Run(scenario, checking);

        Assert.True(checking.Slots > 0);
        Assert.True(t.MaxResidualKwh < 1e-9, $"residual {t.MaxResidualKwh}");
        Assert.Equal(t.PeerBoughtKwh.Sum(), t.PeerSoldKwh.Sum(), 9);
        long peerMoney = t.PeerNetPaidMicros.Sum();
        Assert.Equal(checking.SurplusMicros, peerMoney);
        if (mechanism == "huang")
        {
            Assert.True(peerMoney >= 0, "Huang's operator keeps a non-negative surplus");
        }
        else
        {
            Assert.Equal(0, peerMoney);
        }
    }

    [Theory]
    [InlineData("ramp", "pay-as-clear")]
    [InlineData("ramp", "huang")]
    [InlineData("adaptive", "pay-as-bid")]
    [InlineData("adaptive", "preference-first")]
    public void InAHierarchyWithFeesAndLosses_TheEngineStaysBalanced(string strategy, string mechanism)
    {
        Scenario scenario = RandomScenarios.Create(21, householdCount: 12);
        var topology = new HierarchyTopology([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3], [0, 0, 1, 1], [0, 0], [0.3, null, 0.2, null], [null, 0.25, null, 0.4]);
        var charges = new HierarchyCharges(GridFee.PerKwh(10_000), GridFee.Percent(2), GridFee.PerKwh(20_000), 0.02, 5_000);
        var market = new HierarchicalMarket(topology, charges, () => Clearing(mechanism), strategy: Strategy(strategy, 5));
        var totals = new FeeTotals(market);

        RunTotals t = Simulator.Run(scenario, totals);

        Assert.True(t.MaxResidualKwh < 1e-9, $"residual {t.MaxResidualKwh}");
        Assert.True(t.PeerBoughtKwh.Sum() > 0, "households trade");
        Assert.Equal(totals.CollectedMicros, t.PeerNetPaidMicros.Sum());
        Assert.Equal(t.PeerSoldKwh.Sum() - t.PeerBoughtKwh.Sum(), totals.LossesKwh, 9);
    }

    private sealed class FeeTotals(HierarchicalMarket inner) : IMarketMechanism
    {
        public string Name => inner.Name;

        public long CollectedMicros { get; private set; }

        public double LossesKwh { get; private set; }

        public void Clear(MarketSlot slot)
        {
            inner.Clear(slot);
            CollectedMicros += inner.LastGridFeesMicrosTotal + inner.LastPlatformFeesMicros + inner.LastOperatorSurplusMicros;
            LossesKwh += inner.LastLossesKwh;
        }
    }

    [Theory]
    [InlineData("ramp")]
    [InlineData("adaptive")]
    public void TwoRuns_AreIdentical(string strategy)
    {
        Scenario scenario = RandomScenarios.Create(11, householdCount: 10);

        RunTotals a = Simulator.Run(scenario, new AuctionMarket(Clearing("pay-as-clear"), strategy: Strategy(strategy, 6)));
        RunTotals b = Simulator.Run(scenario, new AuctionMarket(Clearing("pay-as-clear"), strategy: Strategy(strategy, 6)));

        Assert.Equal(a.PeerNetPaidMicros, b.PeerNetPaidMicros);
        Assert.Equal(a.PeerBoughtKwh, b.PeerBoughtKwh);
        Assert.Equal(a.ImportMicroKwh, b.ImportMicroKwh);
        Assert.Equal(a.ExportMicroKwh, b.ExportMicroKwh);
    }

    /// <summary>
    /// Wraps the market and checks every slot from the engine's book: no buyer pays more than its limit per kWh and no
    /// seller gets less than its limit (up to half a micro-unit of rounding per trade), energy within each net position,
    /// and Σ payments = the operator's surplus.
    /// </summary>
    private sealed class CheckingMarket(AuctionMarket inner) : IMarketMechanism
    {
        public string Name => inner.Name;

        public int Slots { get; private set; }

        public long SurplusMicros { get; private set; }

        public void Clear(MarketSlot slot)
        {
            inner.Clear(slot);
            Slots++;
            int n = slot.NetKwh.Length;
            long paid = 0;
            for (int h = 0; h < n; h++)
            {
                paid += slot.PaidMicros[h];
                double traded = slot.TradedKwh[h];
                // A household trades at most once per round with each other household.
                double rounding = 0.5 * n * inner.Pricer.Rounds;
                if (traded > 0)
                {
                    Assert.True(traded <= slot.NetKwh[h] + 1e-12, "a buyer receives at most its need");
                    long limit = Math.Min(slot.BidLimitMicrosPerKwh[h], slot.GridBuyMicrosPerKwh);
                    Assert.True(slot.PaidMicros[h] <= (limit * traded) + rounding, $"slot {slot.Slot}: buyer {h} pays {slot.PaidMicros[h]} for {traded} kWh, above its limit {limit}");
                }
                else if (traded < 0)
                {
                    Assert.True(-traded <= -slot.NetKwh[h] + 1e-12, "a seller delivers at most its surplus");
                    long limit = Math.Max(slot.OfferLimitMicrosPerKwh[h], slot.GridSellMicrosPerKwh);
                    Assert.True(-slot.PaidMicros[h] >= (limit * -traded) - rounding, $"slot {slot.Slot}: seller {h} receives {-slot.PaidMicros[h]} for {-traded} kWh, below its limit {limit}");
                }
                else
                {
                    Assert.Equal(0, slot.PaidMicros[h]);
                }
            }
            Assert.Equal(inner.LastOperatorSurplusMicros, paid);
            SurplusMicros += paid;
        }
    }

    // ---- the scenario format ----

    /// <summary>The test context supports only grid-only, which ignores the strategy but reads and writes it all the same.</summary>
    private static JsonObject WithStrategy(string market)
    {
        JsonObject s = ScenarioTestKit.Minimal();
        s["market"] = JsonNode.Parse(market);
        return s;
    }

    [Fact]
    public void WithoutAStrategy_HouseholdsUseFixedLimits()
    {
        Scenario s = ScenarioTestKit.Valid(ScenarioTestKit.Load(ScenarioTestKit.Minimal()));

        Assert.Equal("fixed", s.Strategy);
        Assert.Equal(10, s.Rounds);
        Assert.Equal(0.3, s.AdaptiveAlpha);
        Assert.Equal(0.05, s.AdaptiveMargin);
    }

    [Fact]
    public void TheScenarioFile_NamesTheStrategyAndItsParameters()
    {
        Scenario ramp = ScenarioTestKit.Valid(ScenarioTestKit.Load(WithStrategy("""{ "mechanism": "grid-only", "strategy": "ramp", "rounds": 25 }""")));
        Scenario rampDefault = ScenarioTestKit.Valid(ScenarioTestKit.Load(WithStrategy("""{ "mechanism": "grid-only", "strategy": "ramp" }""")));
        Scenario adaptive = ScenarioTestKit.Valid(ScenarioTestKit.Load(WithStrategy("""{ "mechanism": "grid-only", "strategy": "adaptive", "adaptiveAlpha": 0.5, "adaptiveMargin": 0 }""")));

        Assert.Equal(("ramp", 25), (ramp.Strategy, ramp.Rounds));
        Assert.Equal(10, rampDefault.Rounds);
        Assert.Equal(("adaptive", 0.5, 0.0), (adaptive.Strategy, adaptive.AdaptiveAlpha, adaptive.AdaptiveMargin));
    }

    [Theory]
    [InlineData("""{ "mechanism": "grid-only", "strategy": "ramp", "rounds": 7 }""")]
    [InlineData("""{ "mechanism": "grid-only", "strategy": "adaptive", "adaptiveAlpha": 0.25, "adaptiveMargin": 0.1 }""")]
    [InlineData("""{ "mechanism": "grid-only", "strategy": "fixed" }""")]
    public void TheWriter_WritesTheStrategyBack_AndTheSchemaAcceptsIt(string market)
    {
        Scenario s = ScenarioTestKit.Valid(ScenarioTestKit.Load(WithStrategy(market)));

        string written = ScenarioWriter.ToJson(s);
        Scenario again = ScenarioTestKit.Valid(ScenarioTestKit.Load(written));

        Assert.Equal(written, ScenarioWriter.ToJson(again));
        Assert.Equal((s.Strategy, s.Rounds, s.AdaptiveAlpha, s.AdaptiveMargin), (again.Strategy, again.Rounds, again.AdaptiveAlpha, again.AdaptiveMargin));
        JsonElement schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(ScenarioTestKit.RepositoryRoot(), "docs", "scenario.schema.json"))).RootElement;
        Assert.Empty(new JsonSchemaSubset(schema).Validate(JsonDocument.Parse(written).RootElement));
        Assert.Empty(new JsonSchemaSubset(schema).Validate(JsonDocument.Parse(WithStrategy(market).ToJsonString()).RootElement));
    }

    public static TheoryData<string, string, string> Mistakes() => new()
    {
        { """{ "strategy": "rampe" }""", "market.strategy", "unknown value 'rampe'" },
        { """{ "strategy": "ramp", "rounds": 0 }""", "market.rounds", "must be from 1 to 100 (got 0)" },
        { """{ "strategy": "ramp", "rounds": 101 }""", "market.rounds", "must be from 1 to 100 (got 101)" },
        { """{ "strategy": "ramp", "rounds": 2.5 }""", "market.rounds", "expected a whole number" },
        { """{ "rounds": 10 }""", "market.rounds", "applies only to the ramp strategy, but the strategy is 'fixed'" },
        { """{ "strategy": "ramp", "adaptiveAlpha": 0.3 }""", "market.adaptiveAlpha", "applies only to the adaptive strategy, but the strategy is 'ramp'" },
        { """{ "strategy": "adaptive", "rounds": 3 }""", "market.rounds", "applies only to the ramp strategy" },
        { """{ "adaptiveMargin": 0.1 }""", "market.adaptiveMargin", "applies only to the adaptive strategy" },
        { """{ "strategy": "adaptive", "adaptiveAlpha": 0 }""", "market.adaptiveAlpha", "must be above 0 and at most 1 (got 0)" },
        { """{ "strategy": "adaptive", "adaptiveAlpha": 1.5 }""", "market.adaptiveAlpha", "must be above 0 and at most 1" },
        { """{ "strategy": "adaptive", "adaptiveMargin": -0.1 }""", "market.adaptiveMargin", "must be between 0 and 1 (got -0.1)" },
        { """{ "strategy": 3 }""", "market.strategy", "expected" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void AMistakeInTheStrategy_IsReportedOnce_AtItsPath_WithAFix(string market, string path, string problem)
    {
        ScenarioLoadResult result = ScenarioTestKit.Load(WithStrategy(market));

        Assert.False(result.IsValid);
        ValidationError error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.Fix));
    }

    [Fact]
    public void TheSchemaTheLoaderAndTheMarkets_NameTheSameStrategies()
    {
        JsonElement schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(ScenarioTestKit.RepositoryRoot(), "docs", "scenario.schema.json"))).RootElement;
        JsonElement market = schema.GetProperty("properties").GetProperty("market").GetProperty("properties");

        Assert.Equal(MarketSettings.Strategies, [.. market.GetProperty("strategy").GetProperty("enum").EnumerateArray().Select(v => v.GetString()!)]);
        Assert.Equal(MarketSettings.Strategies, OrderStrategy.Names);
        Assert.Equal(MarketSettings.MaxRounds, OrderStrategy.MaxRounds);
        Assert.Equal(MarketSettings.DefaultRounds, market.GetProperty("rounds").GetProperty("default").GetInt32());
        Assert.Equal(MarketSettings.DefaultAdaptiveAlpha, OrderStrategy.DefaultAlpha);
        Assert.Equal(MarketSettings.DefaultAdaptiveMargin, OrderStrategy.DefaultMargin);
    }

    [Fact]
    public void AnUnknownStrategy_SuggestsTheNearestName()
    {
        ValidationError error = Assert.Single(ScenarioTestKit.Load(WithStrategy("""{ "strategy": "adaptiv", "adaptiveAlpha": 0.3 }""")).Errors);

        Assert.Equal("market.strategy", error.Path);
        Assert.Contains("adaptive", error.Fix, StringComparison.Ordinal);
    }
}
