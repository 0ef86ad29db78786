using System.Text.Json.Nodes;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Randomness;
using PeerGrid.Simulation.Scenarios;
using static PeerGrid.Simulation.Tests.Scenarios.ScenarioTestKit;

namespace PeerGrid.Simulation.Tests.Scenarios;

public class TemplateExpansionTests
{
    /// <summary>A template with every quantity variation touches, expanded as a group of 200 at variation 0.3.</summary>
    private static JsonObject EverythingGroup(double variation = 0.3, int count = 200)
    {
        JsonObject s = Minimal();
        s["templates"]!["everything"] = JsonNode.Parse("""
            {
              "baseLoad": { "annualKwh": 3000 },
              "appliances": [
                { "template": "fridge" },
                { "template": "lighting" },
                { "template": "washing-machine" },
                { "name": "EV", "kind": "ev", "ratedPowerKw": 7, "usage": { "type": "profile", "profile": "ev-load", "scale": 2 } },
                { "name": "Late show", "kind": "tv", "ratedPowerKw": 0.1, "usage": { "type": "time-windows", "weekday": [{ "from": "23:00", "to": "01:00" }], "weekend": [{ "from": "00:00", "to": "24:00" }] } }
              ],
              "generators": [
                { "type": "solar-pv", "peakKw": 5, "azimuthDegrees": 350 },
                { "type": "wind", "ratedKw": 5, "powerCurve": [{ "speedMs": 3, "powerKw": 0 }, { "speedMs": 12, "powerKw": 5 }] },
                { "type": "dispatchable", "ratedKw": 3, "fuelCostPerKwh": 0.5 },
                { "type": "profile", "profile": "ev-load", "scale": 1.5 }
              ],
              "batteries": [{ "capacityKwh": 10, "maxChargeKw": 4, "maxDischargeKw": 6 }]
            }
            """);
        s["households"] = JsonNode.Parse($$"""[{ "template": "everything", "count": {{count}}, "variation": {{variation}} }]""");
        return s;
    }

    private static Household TemplateAsListed()
    {
        JsonObject s = EverythingGroup();
        s["households"] = JsonNode.Parse("""[{ "id": "base", "template": "everything" }]""");
        return Valid(Load(s)).Households[0];
    }

    [Fact]
    public void Expansion_WithTheSameSeed_IsIdentical()
    {
        string first = ScenarioWriter.ToJson(Valid(Load(EverythingGroup())));
        string second = ScenarioWriter.ToJson(Valid(Load(EverythingGroup())));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Expansion_WithAnotherSeed_ChangesGroupMembersButNotListedHouseholds()
    {
        JsonObject other = Minimal();
        other["seed"] = 8;
        Scenario a = Valid(Load(Minimal())), b = Valid(Load(other));
        string Text(Scenario s, int i) => ScenarioWriter.ToJson(s with { Seed = 0, Households = [s.Households[i]] });

        Assert.Equal(Text(a, 0), Text(b, 0));
        Assert.Equal(Text(a, 1), Text(b, 1));
        for (int i = 2; i < 5; i++)
        {
            Assert.NotEqual(Text(a, i), Text(b, i));
        }
    }

    [Theory]
    [InlineData(9, "x-1", "x-9")]
    [InlineData(10, "x-01", "x-10")]
    [InlineData(300, "x-001", "x-300")]
    [InlineData(1000, "x-0001", "x-1000")]
    public void ExpandedIds_AreZeroPaddedToTheGroupSizeWidth(int count, string first, string last)
    {
        JsonObject s = Minimal();
        s["households"] = JsonNode.Parse($$"""[{ "template": "consumer", "count": {{count}}, "idPrefix": "x-" }]""");
        IReadOnlyList<Household> households = Valid(Load(s)).Households;
        Assert.Equal(count, households.Count);
        Assert.Equal(first, households[0].Id);
        Assert.Equal(last, households[^1].Id);
    }

    [Fact]
    public void GroupWithoutIdPrefix_UsesTheTemplateName()
    {
        JsonObject s = Minimal();
        s["households"] = JsonNode.Parse("""[{ "template": "pv-home", "count": 12 }]""");
        Assert.Equal("pv-home-01", Valid(Load(s)).Households[0].Id);
    }

    [Fact]
    public void Variation_KeepsEveryQuantityWithinItsDocumentedBounds()
    {
        const double V = 0.3;
        Household t = TemplateAsListed();
        IReadOnlyList<Household> group = Valid(Load(EverythingGroup(V))).Households;

        foreach (Household h in group)
        {
            var errors = new ValidationErrors();
            h.Validate("h", errors);
            Assert.True(errors.IsEmpty, string.Join("; ", errors.All));

            AssertFactor(t.BaseLoad!.AnnualKwh, h.BaseLoad!.AnnualKwh, V);
            for (int i = 0; i < t.Appliances.Count; i++)
            {
                AssertFactor(t.Appliances[i].RatedPowerKw, h.Appliances[i].RatedPowerKw, V);
            }
            Assert.Equal(t.Appliances[0].Usage, h.Appliances[0].Usage);
            AssertShifted((TimeWindowUsage)t.Appliances[1].Usage, (TimeWindowUsage)h.Appliances[1].Usage, V);
            AssertShifted((DeferrableUsage)t.Appliances[2].Usage, (DeferrableUsage)h.Appliances[2].Usage, V);
            Assert.Equal(h.Appliances[3].RatedPowerKw / 7 * 2, ((ProfileUsage)h.Appliances[3].Usage).Scale, 12);
            var lateShow = (TimeWindowUsage)h.Appliances[4].Usage;
            AssertShifted((TimeWindowUsage)t.Appliances[4].Usage, lateShow, V);
            Assert.Equal(t.Appliances[4].Usage is TimeWindowUsage u ? u.Weekend : null, lateShow.Weekend);

            var pv = (SolarPv)h.Generators[0];
            AssertFactor(5, pv.PeakKw, V);
            double turn = Math.Abs(((pv.AzimuthDegrees - 350 + 540) % 360) - 180);
            Assert.True(turn <= V * 150 && pv.AzimuthDegrees is >= 0 and < 360 && pv.AzimuthDegrees == Math.Round(pv.AzimuthDegrees), $"azimuth {pv.AzimuthDegrees}");
            var wind = (WindTurbine)h.Generators[1];
            AssertFactor(5, wind.RatedKw, V);
            Assert.Equal(wind.RatedKw, wind.PowerCurve![1].PowerKw, 12);
            AssertFactor(3, ((DispatchableGenerator)h.Generators[2]).RatedKw, V);
            AssertFactor(1.5, ((ProfileGenerator)h.Generators[3]).Scale, V);

            Battery b = h.Batteries[0];
            double f = b.CapacityKwh / 10;
            AssertFactor(10, b.CapacityKwh, V);
            Assert.Equal(4 * f, b.MaxChargeKw, 12);
            Assert.Equal(6 * f, b.MaxDischargeKw, 12);
        }
        // 200 households at ±30 % spread out: neither all equal nor all at one end.
        Assert.True(group.Select(h => h.BaseLoad!.AnnualKwh).Distinct().Count() == group.Count);
        Assert.InRange(group.Average(h => h.BaseLoad!.AnnualKwh), 2850, 3150);
    }

    private static void AssertFactor(double template, double varied, double v)
    {
        double f = varied / template;
        Assert.True(f >= 1 - v - 1e-12 && f < 1 + v + 1e-12, $"factor {f} outside [{1 - v}, {1 + v})");
    }

    private static int ShiftBetween(MinuteOfDay from, MinuteOfDay to)
    {
        int d = ((to.Value - from.Value) % 1440 + 1440) % 1440;
        return d > 720 ? d - 1440 : d;
    }

    private static void AssertShiftWithin(int shift, double v) =>
        Assert.True(shift % 5 == 0 && Math.Abs(shift) <= v * 300, $"shift {shift} min");

    private static void AssertShifted(TimeWindowUsage template, TimeWindowUsage varied, double v)
    {
        TimeWindow[] t = [.. template.Weekday, .. template.Weekend], h = [.. varied.Weekday, .. varied.Weekend];
        int? shift = null;
        for (int i = 0; i < t.Length; i++)
        {
            Assert.Equal(t[i].LengthMinutes, h[i].LengthMinutes);
            if (t[i].LengthMinutes == 1440)
            {
                continue;
            }
            int s = ShiftBetween(t[i].Start, h[i].Start);
            Assert.Equal(shift ?? s, s);
            shift = s;
            AssertShiftWithin(s, v);
        }
    }

    private static void AssertShifted(DeferrableUsage template, DeferrableUsage varied, double v)
    {
        Assert.Equal(template.WindowMinutes, varied.WindowMinutes);
        Assert.Equal((template.RunMinutes, template.Days), (varied.RunMinutes, varied.Days));
        int s = ShiftBetween(template.EarliestStart, varied.EarliestStart);
        Assert.Equal(s, ShiftBetween(template.Deadline, varied.Deadline));
        AssertShiftWithin(s, v);
    }

    [Fact]
    public void VariationStream_IsKeyedBySeedAndIndexInTheExpandedList()
    {
        // Documented contract: household k of the expanded list draws from For(seed, HouseholdVariation, k),
        // and its first draw scales baseLoad.annualKwh by 1 − v + 2v·u.
        Scenario s = Valid(Load(Minimal()));
        for (int k = 2; k < 5; k++)
        {
            DeterministicRandom random = DeterministicRandom.For(7, Streams.HouseholdVariation, (ulong)k);
            double expected = 3500 * (1 - 0.1 + (0.2 * random.NextDouble()));
            Assert.Equal(expected, s.Households[k].BaseLoad!.AnnualKwh, 9);
        }
    }

    [Fact]
    public void VariationZero_CopiesTheTemplateExactly()
    {
        JsonObject s = EverythingGroup(variation: 0, count: 3);
        ((JsonArray)s["households"]!).Add(JsonNode.Parse("""{ "id": "base", "template": "everything" }"""));
        Scenario scenario = Valid(Load(s));
        string Body(Household h) => ScenarioWriter.ToJson(scenario with { Households = [h with { Id = "x" }] });
        Assert.All(scenario.Households.Take(3), h => Assert.Equal(Body(scenario.Households[3]), Body(h)));
    }

    [Fact]
    public void ListedHousehold_IsNotVaried_EvenWhenItUsesATemplate()
    {
        JsonObject s = Minimal();
        ((JsonArray)s["households"]!).Add(JsonNode.Parse("""{ "id": "solo", "template": "pv-family" }"""));
        Scenario scenario = Valid(Load(s));

        Household h01 = scenario.Households[0];
        Assert.Equal(3200, h01.BaseLoad!.AnnualKwh);
        Assert.Equal([0.1, 2.2, 6], h01.Appliances.Select(a => a.RatedPowerKw));
        Assert.Equal(ApplianceTemplates.Get("fridge"), h01.Appliances[0]);

        Household solo = scenario.Households[^1];
        Assert.Equal(3500, solo.BaseLoad!.AnnualKwh);
        Assert.Equal(6, ((SolarPv)solo.Generators[0]).PeakKw);
        Assert.Equal(180, ((SolarPv)solo.Generators[0]).AzimuthDegrees);
        Assert.Equal(((TimeWindowUsage)ApplianceTemplates.Get("lighting").Usage).Weekday, ((TimeWindowUsage)solo.Appliances[1].Usage).Weekday);
    }

    // ---- overrides (JSON Merge Patch) ----

    private static Household LoadOne(string entry)
    {
        JsonObject s = Minimal();
        s["households"] = new JsonArray(JsonNode.Parse(entry));
        return Valid(Load(s)).Households[0];
    }

    [Fact]
    public void OverrideObjects_MergeFieldByField()
    {
        Household h = LoadOne("""{ "id": "a", "template": "pv-battery-home", "preferences": { "sellSurplus": false } }""");
        Assert.Equal(StorageMode.StoreFirst, h.Preferences.StorageMode);
        Assert.False(h.Preferences.SellSurplus);
    }

    [Fact]
    public void OverrideLists_ReplaceTheTemplatesList()
    {
        Household h = LoadOne("""{ "id": "a", "template": "pv-home", "appliances": [{ "template": "kettle" }] }""");
        Assert.Equal(["Kettle"], h.Appliances.Select(a => a.Name));
        Assert.Single(h.Generators);
    }

    [Fact]
    public void OverrideNull_RemovesTheTemplatesField()
    {
        Household h = LoadOne("""{ "id": "a", "template": "consumer", "baseLoad": null }""");
        Assert.Null(h.BaseLoad);
    }

    [Fact]
    public void ApplianceOverride_ChangesOnlyTheGivenFields()
    {
        Household h = LoadOne("""{ "id": "a", "appliances": [{ "template": "ev-charger", "ratedPowerKw": 11, "usage": { "deadline": "06:00" } }] }""");
        Appliance ev = h.Appliances[0];
        var usage = (DeferrableUsage)ev.Usage;
        Assert.Equal(("EV charger", "ev-charger", 11.0), (ev.Name, ev.Kind, ev.RatedPowerKw));
        Assert.Equal((90, "18:00", "06:00"), (usage.RunMinutes, usage.EarliestStart.ToString(), usage.Deadline.ToString()));
    }

    [Fact]
    public void UsageOverrideWithAnotherType_ReplacesTheUsageWhole()
    {
        Household h = LoadOne("""{ "id": "a", "appliances": [{ "template": "fridge", "usage": { "type": "time-windows", "weekday": [{ "from": "10:00", "to": "11:00" }] } }] }""");
        var usage = Assert.IsType<TimeWindowUsage>(h.Appliances[0].Usage);
        Assert.Equal(usage.Weekday, usage.Weekend);
    }

    [Fact]
    public void ScenarioTemplate_CanExtendABuiltInOne()
    {
        JsonObject s = Minimal();
        s["templates"]!["big-pv"] = JsonNode.Parse("""{ "template": "pv-home", "generators": [{ "type": "solar-pv", "peakKw": 12 }] }""");
        s["households"] = JsonNode.Parse("""[{ "id": "a", "template": "big-pv" }]""");
        Household h = Valid(Load(s)).Households[0];
        Assert.Equal(12, ((SolarPv)h.Generators[0]).PeakKw);
        Assert.Equal(3000, h.BaseLoad!.AnnualKwh);
    }

    [Fact]
    public void ScenarioTemplate_WinsOverABuiltInOfTheSameName()
    {
        JsonObject s = Minimal();
        s["templates"]!["consumer"] = JsonNode.Parse("""{ "baseLoad": { "annualKwh": 1234 } }""");
        s["households"] = JsonNode.Parse("""[{ "id": "a", "template": "consumer" }]""");
        Assert.Equal(1234, Valid(Load(s)).Households[0].BaseLoad!.AnnualKwh);
    }
}
