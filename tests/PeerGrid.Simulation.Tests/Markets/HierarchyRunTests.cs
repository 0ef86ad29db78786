using System.Text.Json;
using System.Text.Json.Nodes;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Domain.Trading;
using PeerGrid.Markets.Auctions;
using PeerGrid.Markets.Hierarchy;
using PeerGrid.Markets.Mechanisms;
using PeerGrid.Simulation.Observers;
using PeerGrid.Simulation.Randomness;
using PeerGrid.Simulation.Scenarios;
using PeerGrid.Simulation.Tests.Engine;
using PeerGrid.Simulation.Tests.Scenarios;
using static PeerGrid.Simulation.Tests.Engine.TestScenarios;

namespace PeerGrid.Simulation.Tests.Markets;

/// <summary>The market hierarchy inside the engine, and its scenario format.</summary>
public class HierarchyRunTests
{
    /// <summary>Cell fee 0.01/kWh, community fee 2 %, region fee 0.02/kWh, 1 % loss per crossing, platform fee 0.005/kWh.</summary>
    private static readonly HierarchyCharges Charges = new(GridFee.PerKwh(10_000), GridFee.Percent(2), GridFee.PerKwh(20_000), 0.01, 5_000);

    private static Func<IClearingMechanism> Clearing(string name) => name switch
    {
        "pay-as-clear" => () => new PayAsClear(PricingConvention.EquilibriumInterval, 0.5),
        "pay-as-bid" => () => new PayAsBid(),
        "pay-as-offer" => () => new PayAsOffer(),
        "huang" => () => new HuangTradeReduction(),
        _ => () => new PreferenceFirst(new PayAsClear(PricingConvention.EquilibriumInterval, 0.5)),
    };

    /// <summary>One hour-long slot: seller 0 has 1 kW spare (1 kWh), buyer 1 needs 2 kW (2 kWh); retail 0.30, feed-in 0.10.</summary>
    private static Scenario SellerAndBuyer()
    {
        var profiles = new Dictionary<string, PeerGrid.Simulation.Profiles.Profile> { ["gen"] = ConstantDaily("gen", 1) };
        Household seller = House("seller", generators: [new ProfileGenerator("roof", true, "gen")]);
        Household buyer = House("buyer", appliances: [Window(2, "00:00", "01:00")]);
        return Build([seller, buyer], hours: 1, slotMinutes: 60, profiles: profiles);
    }

    [Fact]
    public void TwoCells_SellerAndBuyer_PayTheHandComputedBills()
    {
        var market = new HierarchicalMarket(new HierarchyTopology([0, 1], [0, 0], [0]), Charges, Clearing("pay-as-offer"));

        RunTotals t = Simulator.Run(SellerAndBuyer(), market);

        // Community market: offer 0.10 + 0.01 + 2 % × 0.10 = 0.112 meets the bid 0.30 × 0.9801 − 0.005 − 0.01. 1 kWh
        // trades at 0.112; the seller gets 0.10, the buyer pays 0.10 + 2 × 0.01 + 0.002 + 0.005 = 0.127 for the 0.9801 kWh
        // that arrive and imports the other 1.0199 kWh at 0.30 = 0.30597.
        Assert.Equal(-100_000, t.NetCostMicros(0));
        Assert.Equal(127_000 + 305_970, t.NetCostMicros(1));
        Assert.Equal(1.0, t.PeerSoldKwh[0], 12);
        Assert.Equal(0.9801, t.PeerBoughtKwh[1], 12);
        Assert.Equal(1.0199, t.ImportKwh[1], 12);
        Assert.Equal(0, t.ExportKwh[0], 12);
        Assert.Equal(22_000, market.LastGridFeesMicrosTotal);
        Assert.Equal(5_000, market.LastPlatformFeesMicros);
        Assert.Equal(0.0199, market.LastLossesKwh, 12);
        Assert.True(t.MaxResidualKwh < 1e-9);
    }

    [Fact]
    public void ACellExportCapacityBelowTheDemand_LetsExactlyTheCapacityCross_AndTheRestGoesToTheGrid()
    {
        var topology = new HierarchyTopology([0, 1], [0, 0], [0], exportCapacityKwh: [0.4, null]);
        var market = new HierarchicalMarket(topology, Charges, Clearing("pay-as-offer"));

        RunTotals t = Simulator.Run(SellerAndBuyer(), market);

        // 0.4 kWh crosses: the seller gets 0.04 and exports 0.6 kWh at 0.10; the buyer pays 0.0508 for 0.39204 kWh and
        // imports 1.60796 kWh at 0.30 = 0.482388. The other 0.6 kWh was refused for capacity.
        Assert.Equal(0.4, t.PeerSoldKwh[0], 12);
        Assert.Equal(0.6, t.ExportKwh[0], 12);
        Assert.Equal(-40_000 - 60_000, t.NetCostMicros(0));
        Assert.Equal(0.39204, t.PeerBoughtKwh[1], 12);
        Assert.Equal(50_800 + 482_388, t.NetCostMicros(1));
        Assert.Equal(0.4, market.LastCellExportKwh[0], 12);
        Assert.Equal(0.6, market.LastCongestedExportKwh[0], 12);
        Assert.True(t.MaxResidualKwh < 1e-9);
    }

    [Fact]
    public void ABuyer_BuysFromItsOwnCell_BeforeACheaperSellerInAnotherCell()
    {
        var profiles = new Dictionary<string, PeerGrid.Simulation.Profiles.Profile> { ["gen"] = ConstantDaily("gen", 1) };
        Household buyer = House("buyer", appliances: [Window(1, "00:00", "01:00")]);
        Household near = House("near", generators: [new ProfileGenerator("roof", true, "gen")], preferences: Preferences.Default with { MinSellPrice = 0.20m });
        Household far = House("far", generators: [new ProfileGenerator("roof", true, "gen")]);
        Scenario s = Build([buyer, near, far], hours: 1, slotMinutes: 60, profiles: profiles);
        var market = new HierarchicalMarket(new HierarchyTopology([0, 0, 1], [0, 0], [0]), Charges, Clearing("pay-as-offer"));

        RunTotals t = Simulator.Run(s, market);

        // In the cell: 1 kWh at 0.20 + 0.01; the buyer pays 0.20 + 0.01 + 0.005 = 0.215. The cheaper far seller exports.
        Assert.Equal(1.0, t.PeerSoldKwh[1], 12);
        Assert.Equal(0, t.PeerSoldKwh[2]);
        Assert.Equal(215_000, t.NetCostMicros(0));
        Assert.Equal(1.0, t.ExportKwh[2], 12);
    }

    public static TheoryData<ulong, string> FlatCases()
    {
        var data = new TheoryData<ulong, string>();
        string[] names = ["pay-as-clear", "pay-as-bid", "pay-as-offer", "preference-first", "huang"];
        for (ulong s = 1; s <= 10; s++)
        {
            data.Add(s, names[(int)(s % (ulong)names.Length)]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FlatCases))]
    public void AFlatHierarchyWithoutCharges_RunsExactlyLikeTheFlatAuction(ulong seed, string mechanism)
    {
        Scenario scenario = RandomScenarios.Create(seed, householdCount: 8);

        RunTotals flat = Simulator.Run(scenario, new AuctionMarket(Clearing(mechanism)()));
        RunTotals nested = Simulator.Run(scenario, new HierarchicalMarket(HierarchyTopology.Flat(8), HierarchyCharges.None, Clearing(mechanism)));

        for (int h = 0; h < 8; h++)
        {
            Assert.Equal(flat.NetCostMicros(h), nested.NetCostMicros(h));
            Assert.Equal(flat.PeerNetPaidMicros[h], nested.PeerNetPaidMicros[h]);
            Assert.Equal(flat.PeerBoughtKwh[h], nested.PeerBoughtKwh[h]);
            Assert.Equal(flat.PeerSoldKwh[h], nested.PeerSoldKwh[h]);
            Assert.Equal(flat.ImportMicroKwh[h], nested.ImportMicroKwh[h]);
            Assert.Equal(flat.ExportMicroKwh[h], nested.ExportMicroKwh[h]);
        }
    }

    public static TheoryData<ulong, string> RandomCases()
    {
        var data = new TheoryData<ulong, string>();
        string[] names = ["pay-as-clear", "pay-as-bid", "pay-as-offer", "preference-first", "huang"];
        for (ulong s = 1; s <= 15; s++)
        {
            data.Add(s, names[(int)(s % (ulong)names.Length)]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void RandomHierarchies_KeepTheEngineBalanced_MoneyAndEnergyIdentities_AndCellCapacities(ulong seed, string mechanism)
    {
        Scenario scenario = RandomScenarios.Create(seed, householdCount: 12);
        var r = new DeterministicRandom(seed + 1000);
        int cells = 1 + r.NextInt(5);
        int communities = 1 + r.NextInt(3);
        int[] cellOf = [.. Enumerable.Range(0, 12).Select(_ => r.NextInt(cells))];
        int[] communityOf = [.. Enumerable.Range(0, cells).Select(_ => r.NextInt(communities))];
        int[] regionOf = [.. Enumerable.Range(0, communities).Select(c => c % 2)];
        double?[] Capacity(ref DeterministicRandom random)
        {
            var result = new double?[cells];
            for (int c = 0; c < cells; c++)
            {
                result[c] = random.NextDouble() < 0.5 ? random.NextDouble(0, 0.5) : null;
            }
            return result;
        }
        var topology = new HierarchyTopology(cellOf, communityOf, regionOf, Capacity(ref r), Capacity(ref r));
        var charges = new HierarchyCharges(
            GridFee.PerKwh(r.NextInt(30_000)),
            GridFee.Percent(r.NextInt(50) / 10m),
            GridFee.PerKwh(r.NextInt(30_000)),
            r.NextDouble(0, 0.1),
            r.NextInt(10_000));
        var checking = new CheckingMarket(new HierarchicalMarket(topology, charges, Clearing(mechanism)), topology);

        RunTotals t = Simulator.Run(scenario, checking);

        Assert.True(t.MaxResidualKwh < 1e-9, $"residual {t.MaxResidualKwh}");
        Assert.True(checking.Slots > 0);
        Assert.Equal(checking.FeesMicros, t.PeerNetPaidMicros.Sum());
        Assert.Equal(t.PeerSoldKwh.Sum() - t.PeerBoughtKwh.Sum(), checking.LossesKwh, 9);
    }

    /// <summary>Wraps the market and checks every slot's identities straight from the engine's book.</summary>
    private sealed class CheckingMarket(HierarchicalMarket inner, HierarchyTopology topology) : IMarketMechanism
    {
        public string Name => inner.Name;

        public int Slots { get; private set; }

        public long FeesMicros { get; private set; }

        public double LossesKwh { get; private set; }

        public void Clear(MarketSlot slot)
        {
            inner.Clear(slot);
            Slots++;
            long paid = 0;
            double sent = 0, received = 0;
            for (int h = 0; h < slot.NetKwh.Length; h++)
            {
                paid += slot.PaidMicros[h];
                double traded = slot.TradedKwh[h];
                if (traded > 0)
                {
                    received += traded;
                    Assert.True(traded <= slot.NetKwh[h] + 1e-12, "a buyer receives at most its need");
                }
                else if (traded < 0)
                {
                    sent -= traded;
                    Assert.True(-traded <= -slot.NetKwh[h] + 1e-12, "a seller sends at most its surplus");
                }
            }
            long collected = inner.LastGridFeesMicrosTotal + inner.LastPlatformFeesMicros + inner.LastOperatorSurplusMicros;
            Assert.Equal(collected, paid);
            Assert.True(Math.Abs(sent - received - inner.LastLossesKwh) < 1e-9, $"slot {slot.Slot}: sent − received = losses");
            for (int c = 0; c < topology.CellCount; c++)
            {
                Assert.True(inner.LastCellExportKwh[c] <= (topology.ExportCapacityKwh(c) ?? double.MaxValue) + 1e-9, $"slot {slot.Slot}: cell {c} export within capacity");
                Assert.True(inner.LastCellImportKwh[c] <= (topology.ImportCapacityKwh(c) ?? double.MaxValue) + 1e-9, $"slot {slot.Slot}: cell {c} import within capacity");
            }
            FeesMicros += collected;
            LossesKwh += inner.LastLossesKwh;
        }
    }

    // ---- the scenario format ----

    private static JsonObject WithHierarchy()
    {
        JsonObject s = ScenarioTestKit.Minimal();
        s["market"] = JsonNode.Parse("""
            {
              "mechanism": "grid-only",
              "platformFeePerKwh": 0.005,
              "hierarchy": {
                "cells": [
                  { "id": "c1", "community": "north", "importCapacityKw": 50, "exportCapacityKw": 40 },
                  { "id": "c2", "community": "north" },
                  { "id": "c3" }
                ],
                "communities": [{ "id": "north", "region": "r1" }],
                "fees": { "cell": { "perKwh": 0.01 }, "community": { "percent": 2 }, "region": { "perKwh": 0.02 } },
                "lossPerLevel": 0.01
              }
            }
            """);
        s.Household(0)["cell"] = "c1";
        s.Household(1)["cell"] = "c2";
        ((JsonObject)s["templates"]!["pv-family"]!)["cell"] = "c3";
        return s;
    }

    [Fact]
    public void TheScenarioFile_DescribesTheHierarchy_AndEachHouseholdsCell()
    {
        Scenario s = ScenarioTestKit.Valid(ScenarioTestKit.Load(WithHierarchy()));

        MarketHierarchy h = Assert.IsType<MarketHierarchy>(s.Hierarchy);
        Assert.Equal(0.005m, s.PlatformFeePerKwh);
        Assert.Equal([new HierarchyCell("c1", "north", 50, 40), new HierarchyCell("c2", "north"), new HierarchyCell("c3")], h.Cells);
        Assert.Equal([new HierarchyCommunity("north", "r1")], h.Communities);
        Assert.Equal(new LevelFee(PerKwh: 0.01m), h.CellFee);
        Assert.Equal(new LevelFee(Percent: 2m), h.CommunityFee);
        Assert.Equal(new LevelFee(PerKwh: 0.02m), h.RegionFee);
        Assert.Equal(0.01, h.LossPerLevel);
        Assert.Equal("c1,c2,c3,c3,c3", string.Join(",", s.Households.Select(x => x.Cell)));
    }

    [Fact]
    public void WithoutAHierarchy_TheMarketIsFlat()
    {
        Scenario s = ScenarioTestKit.Valid(ScenarioTestKit.Load(ScenarioTestKit.Minimal()));

        Assert.Null(s.Hierarchy);
        Assert.Equal(0, s.PlatformFeePerKwh);
        Assert.All(s.Households, h => Assert.Null(h.Cell));
    }

    [Fact]
    public void TheWriter_WritesTheHierarchyBack_AndTheSchemaAcceptsIt()
    {
        Scenario s = ScenarioTestKit.Valid(ScenarioTestKit.Load(WithHierarchy()));

        string written = ScenarioWriter.ToJson(s);
        Scenario again = ScenarioTestKit.Valid(ScenarioTestKit.Load(written));

        Assert.Equal(written, ScenarioWriter.ToJson(again));
        Assert.Equal(s.Hierarchy!.Cells, again.Hierarchy!.Cells);
        JsonElement schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(ScenarioTestKit.RepositoryRoot(), "docs", "scenario.schema.json"))).RootElement;
        Assert.Empty(new JsonSchemaSubset(schema).Validate(JsonDocument.Parse(written).RootElement));
        Assert.Empty(new JsonSchemaSubset(schema).Validate(JsonDocument.Parse(WithHierarchy().ToJsonString()).RootElement));
    }

    public static TheoryData<string, string, string, string> Mistakes() => new()
    {
        { "/households/0/cell", "\"c9\"", "households", "household 'h01' names cell 'c9', which market.hierarchy.cells does not define" },
        { "/households/1/cell", "(remove)", "households", "household 'h02' names no cell, but the market has a hierarchy" },
        { "/templates/pv-family/cell", "\"c4\"", "households", "households 'pvf-1', 'pvf-2', 'pvf-3' name cell 'c4'" },
        { "/market/hierarchy/cells/1/community", "\"nort\"", "market.hierarchy.cells[1].community", "unknown community 'nort' (declared: 'north')" },
        { "/market/hierarchy/cells/1/id", "\"c1\"", "market.hierarchy.cells[1].id", "'c1' is already the id of another cell" },
        { "/market/hierarchy/cells/0/exportCapacityKw", "-1", "market.hierarchy.cells[0].exportCapacityKw", "must be ≥ 0 kW" },
        { "/market/hierarchy/fees/cell", "{ \"perKwh\": 0.01, \"percent\": 2 }", "market.hierarchy.fees.cell.percent", "either per kWh or a percentage, not both" },
        { "/market/hierarchy/fees/region", "{ }", "market.hierarchy.fees.region", "gives neither \"perKwh\" nor \"percent\"" },
        { "/market/hierarchy/fees/community", "{ \"percent\": 120 }", "market.hierarchy.fees.community.percent", "must be between 0 and 100" },
        { "/market/hierarchy/fees/community", "{ \"percent\": 2.00001 }", "market.hierarchy.fees.community.percent", "more than 4 decimal places" },
        { "/market/hierarchy/fees/cell", "{ \"perKwh\": -0.01 }", "market.hierarchy.fees.cell.perKwh", "must be between 0 and 10" },
        { "/market/hierarchy/lossPerLevel", "0.6", "market.hierarchy.lossPerLevel", "must be between 0 and 0.5" },
        { "/market/platformFeePerKwh", "0.0000001", "market.platformFeePerKwh", "more than 6 decimal places" },
        { "/market/hierarchy/cells", "[]", "market.hierarchy.cells", "the list is empty" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void AMistakeInTheHierarchy_IsReportedOnce_AtItsPath(string jsonPath, string value, string path, string problem)
    {
        JsonObject s = WithHierarchy();
        string[] parts = jsonPath.Trim('/').Split('/');
        JsonNode node = s;
        foreach (string part in parts[..^1])
        {
            node = int.TryParse(part, out int i) ? node[i]! : node[part]!;
        }
        if (value == "(remove)")
        {
            ((JsonObject)node).Remove(parts[^1]);
        }
        else
        {
            node[parts[^1]] = JsonNode.Parse(value);
        }

        ScenarioLoadResult result = ScenarioTestKit.Load(s);

        Assert.False(result.IsValid);
        ValidationError error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.Fix));
    }

    [Fact]
    public void AnUnknownCell_ListsTheCellsThatExist()
    {
        JsonObject s = WithHierarchy();
        s.Household(0)["cell"] = "c9";

        ValidationError error = Assert.Single(ScenarioTestKit.Load(s).Errors);

        Assert.Contains("use one of 'c1', 'c2', 'c3'", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void ACellWithoutAHierarchy_IsAnError()
    {
        JsonObject s = ScenarioTestKit.Minimal();
        s.Household(0)["cell"] = "c1";

        ValidationError error = Assert.Single(ScenarioTestKit.Load(s).Errors);

        Assert.Equal("households", error.Path);
        Assert.Contains("the market has no hierarchy", error.Problem, StringComparison.Ordinal);
    }
}
