using System.Text.Json.Nodes;
using PeerGrid.Domain;
using PeerGrid.Simulation.Scenarios;
using static PeerGrid.Simulation.Tests.Scenarios.ScenarioTestKit;

namespace PeerGrid.Simulation.Tests.Scenarios;

/// <summary>
/// The validator's catalogue: one mistake at a time in an otherwise valid scenario, each reported once at the
/// field's path with a problem and a fix. The texts asserted here are what users read.
/// </summary>
public class ScenarioValidationTests
{
    private static void AssertOnlyError(ScenarioLoadResult result, string path, string problem, string fix)
    {
        Assert.False(result.IsValid);
        ValidationError error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.Contains(fix, error.Fix, StringComparison.Ordinal);
    }

    private static JsonNode Battery(JsonObject s) => s.Household(0)["batteries"]![0]!;

    // ---- devices: the domain's own rules, reached through the loader ----

    [Fact]
    public void NegativeBatteryCapacity_IsReportedAtItsPath()
    {
        var r = LoadChanged(s => Battery(s)["capacityKwh"] = -5);
        AssertOnlyError(r, "households[0].batteries[0].capacityKwh", "must be a number > 0 kWh (got -5)", "set a positive value in kWh");
    }

    [Fact]
    public void MinSocNotBelowMaxSoc_IsReportedAtMinSoc()
    {
        var r = LoadChanged(s =>
        {
            Battery(s)["minSoc"] = 0.9;
            Battery(s)["maxSoc"] = 0.8;
        });
        AssertOnlyError(r, "households[0].batteries[0].minSoc", "minSoc 0.9 must be below maxSoc 0.8", "lower minSoc or raise maxSoc");
    }

    [Fact]
    public void UnknownGeneratorType_SuggestsTheNearestAndListsAll()
    {
        var r = LoadChanged(s => s.Household(0)["generators"]![0]!["type"] = "solar");
        AssertOnlyError(r, "households[0].generators[0].type", "unknown value 'solar'", "did you mean 'solar-pv'? use one of 'solar-pv', 'wind', 'dispatchable', 'profile'");
    }

    [Fact]
    public void WindSpeedsOutOfOrder_AreReportedAtTheTurbine()
    {
        var r = LoadChanged(s => s.Household(0)["generators"]![0] = JsonNode.Parse("""{ "type": "wind", "ratedKw": 5, "cutInMs": 13 }"""));
        AssertOnlyError(r, "households[0].generators[0]", "speeds must rise: cut-in 13 < rated 12 ≤ cut-out 25 m/s", "order cutInMs < ratedSpeedMs ≤ cutOutMs");
    }

    [Fact]
    public void RatingInWattsInsteadOfKilowatts_IsCaughtByTheDomainRule()
    {
        var r = LoadChanged(s => s.Household(0)["appliances"]![2]!["ratedPowerKw"] = 6000);
        AssertOnlyError(r, "households[0].appliances[2].ratedPowerKw", "6000 kW is more than a household connection carries", "give the rating in kW, not W");
    }

    [Fact]
    public void DeferrableRunLongerThanItsWindow_IsReported()
    {
        var r = LoadChanged(s => s.Household(0)["appliances"]![1]!["usage"] = JsonNode.Parse("""{ "runMinutes": 600, "earliestStart": "08:00", "deadline": "12:00" }"""));
        AssertOnlyError(r, "households[0].appliances[1].usage.runMinutes", "the job runs 600 min but its window 08:00–12:00 is only 240 min", "shorten the run or widen the window");
    }

    // ---- shape: unknown names, wrong types, missing fields ----

    [Fact]
    public void MisspelledProperty_SuggestsTheRealName()
    {
        var r = LoadChanged(s => Battery(s)["capacityKwhh"] = 5);
        AssertOnlyError(r, "households[0].batteries[0].capacityKwhh", "unknown property 'capacityKwhh'", "did you mean 'capacityKwh'?");
    }

    [Fact]
    public void MisspelledTopLevelProperty_SuggestsTheRealName()
    {
        var r = LoadChanged(s => s["slotMinute"] = 30);
        AssertOnlyError(r, "slotMinute", "unknown property 'slotMinute'", "did you mean 'slotMinutes'?");
    }

    [Fact]
    public void UnrecognisableProperty_ListsTheAllowedNames()
    {
        var r = LoadChanged(s => s.Household(0)["preferences"]!["colour"] = "green");
        AssertOnlyError(r, "households[0].preferences.colour", "unknown property 'colour'", "remove it; allowed here: deferrablePolicy, greenOnly, gridChargeBelowPrice, maxBuyPrice");
    }

    [Fact]
    public void StringWhereANumberBelongs_SaysToDropTheQuotes()
    {
        var r = LoadChanged(s => s.Household(0)["generators"]![0]!["peakKw"] = "6");
        AssertOnlyError(r, "households[0].generators[0].peakKw", "expected a number but got a string (\"6\")", "write 6 without quotes");
    }

    [Fact]
    public void WordWhereANumberBelongs_GivesAnExample()
    {
        var r = LoadChanged(s => Battery(s)["capacityKwh"] = "ten");
        AssertOnlyError(r, "households[0].batteries[0].capacityKwh", "expected a number but got a string (\"ten\")", "give a number, e.g. 10 (usable kWh)");
    }

    [Fact]
    public void StringWhereABooleanBelongs_SaysToDropTheQuotes()
    {
        var r = LoadChanged(s => s.Household(0)["appliances"]![2]!["isOn"] = "true");
        AssertOnlyError(r, "households[0].appliances[2].isOn", "expected true or false but got a string (\"true\")", "write true without quotes");
    }

    [Fact]
    public void NumberTooLargeForADouble_IsRejectedNotTreatedAsInfinity()
    {
        // JSON has no NaN or Infinity, but 1e400 overflows a double: it must not slip through as +∞.
        string json = Minimal().ToJsonString().Replace("\"capacityKwh\":10,\"maxChargeKw\"", "\"capacityKwh\":1e400,\"maxChargeKw\"", StringComparison.Ordinal);
        AssertOnlyError(Load(json), "households[0].batteries[0].capacityKwh", "the number 1e400 is too large to represent", "use a realistic value");
    }

    [Fact]
    public void FractionalCount_AsksForAWholeNumber()
    {
        var r = LoadChanged(s => s.Household(2)["count"] = 2.5);
        AssertOnlyError(r, "households[2].count", "expected a whole number but got 2.5", "drop the fraction");
    }

    [Fact]
    public void MissingRequiredFields_AreEachNamedInOnePass()
    {
        var r = LoadChanged(s =>
        {
            s.Remove("name");
            ((JsonObject)s["tariff"]!).Remove("export");
            ((JsonObject)Battery(s)).Remove("capacityKwh");
        });
        Assert.Equal(
            [
                new ValidationError("name", "is missing", "add \"name\": \"demo-10\""),
                new ValidationError("tariff.export", "is missing", "add \"export\": 0.08 (currency per kWh) or { \"price\": 0.08, \"periods\": [ … ] }"),
                new ValidationError("households[0].batteries[0].capacityKwh", "is missing", "add \"capacityKwh\": 10 (usable kWh)"),
            ],
            r.Errors);
    }

    [Fact]
    public void RepeatedKey_IsReported()
    {
        string json = Minimal().ToJsonString().Replace("\"seed\":7", "\"seed\":7,\"seed\":8", StringComparison.Ordinal);
        AssertOnlyError(Load(json), "seed", "'seed' is given more than once in the same object", "keep one of them");
    }

    [Fact]
    public void JsonSyntaxError_GivesTheLineAndPosition()
    {
        const string Json = "{\n  \"name\": \"x\",\n  \"seed\": 1\n  \"start\": \"2025-06-01T00:00\"\n}";
        AssertOnlyError(Load(Json), "test.json:4:3", "JSON syntax error at line 4, position 3:", "check for a missing comma");
    }

    [Fact]
    public void RootThatIsNotAnObject_IsReported()
    {
        AssertOnlyError(Load("[1, 2]"), "(root)", "expected the scenario as a JSON object { … } but got a list [ … ]", "write the scenario as an object");
    }

    // ---- time ----

    [Fact]
    public void TimeOfDay25_IsNotATime()
    {
        var r = LoadChanged(s => s.Household(0)["appliances"]![2]!["usage"]!["weekend"]![0]!["from"] = "25:00");
        AssertOnlyError(r, "households[0].appliances[2].usage.weekend[0].from", "'25:00' is not a time of day", "write the time as \"hh:mm\" from \"00:00\" to \"24:00\"");
    }

    [Fact]
    public void MisspelledDay_SuggestsTheDayName()
    {
        var r = LoadChanged(s => s.Household(0)["appliances"]![1]!["usage"] = JsonNode.Parse("""{ "days": ["mon", "thurs"] }"""));
        AssertOnlyError(r, "households[0].appliances[1].usage.days[1]", "'thurs' is not a day", "did you mean 'thu'? use 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'");
    }

    [Fact]
    public void UnknownTimeZone_SuggestsTheIanaId()
    {
        var r = LoadChanged(s => s["timeZone"] = "Europe/Berln");
        AssertOnlyError(r, "timeZone", "unknown time zone 'Europe/Berln'", "did you mean 'Europe/Berlin'? use an IANA time zone id such as \"Europe/Berlin\"");
    }

    [Fact]
    public void CityAsTimeZone_SuggestsRegionSlashCity()
    {
        var r = LoadChanged(s => s["timeZone"] = "Lagos");
        AssertOnlyError(r, "timeZone", "unknown time zone 'Lagos'", "did you mean 'Africa/Lagos'?");
    }

    [Fact]
    public void StartInsideTheSpringDaylightSavingGap_IsRejected()
    {
        var r = LoadChanged(s => s["start"] = "2025-03-30T02:30");
        AssertOnlyError(r, "start", "2025-03-30T02:30 does not exist in Europe/Berlin: the clocks skip that hour", "start at a time outside the skipped hour");
    }

    [Fact]
    public void StartWithAUtcOffset_IsRejectedAsNotLocal()
    {
        var r = LoadChanged(s => s["start"] = "2025-06-01T00:00+02:00");
        AssertOnlyError(r, "start", "carries a UTC offset, but the start is local wall-clock time", "the time zone comes from \"timeZone\"");
    }

    [Fact]
    public void SlotLengthThatDoesNotDivideADay_ListsTheLengthsThatDo()
    {
        var r = LoadChanged(s => s["slotMinutes"] = 7);
        AssertOnlyError(r, "slotMinutes", "7 minutes does not divide a day into whole slots", "use one of 1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15,");
    }

    [Fact]
    public void HorizonWithBothDaysAndHours_AsksForOne()
    {
        var r = LoadChanged(s => s["horizon"] = JsonNode.Parse("""{ "days": 1, "hours": 3 }"""));
        AssertOnlyError(r, "horizon", "gives both days and hours", "give exactly one");
    }

    [Fact]
    public void HorizonBeyondFiftyYears_IsRejected()
    {
        var r = LoadChanged(s => s["horizon"] = JsonNode.Parse("""{ "days": 20000 }"""));
        AssertOnlyError(r, "horizon.days", "at most 18262.5 days (50 years), got 20000", "between a slot and 50 years");
    }

    [Fact]
    public void HorizonWithTooManySlots_SuggestsLongerSlots()
    {
        var r = LoadChanged(s =>
        {
            s["horizon"] = JsonNode.Parse("""{ "days": 18000 }""");
            s["slotMinutes"] = 1;
        });
        AssertOnlyError(r, "horizon.days", "more than the 20,000,000 supported", "use longer slots (slotMinutes) or a shorter horizon");
    }

    // ---- references: profiles, templates, presets, mechanisms ----

    [Fact]
    public void UndeclaredProfile_NamesTheDeclaredOnes()
    {
        var r = LoadChanged(s => s.Household(1)["appliances"]![0]!["usage"]!["profile"] = "ev-lod");
        AssertOnlyError(r, "households[1].appliances[0].usage.profile", "unknown profile 'ev-lod' (declared: 'ev-load')", "did you mean 'ev-load'? declare it under \"profiles\" or use the built-in \"bdew-h25\"");
    }

    [Fact]
    public void MisspelledProfileUnit_SuggestsTheRightCase()
    {
        var r = LoadChanged(s => s["profiles"]!["ev-load"]!["unit"] = "kw");
        AssertOnlyError(r, "profiles.ev-load.unit", "unknown value 'kw'", "did you mean 'kW'? use one of 'W', 'kW', 'Wh', 'kWh'");
    }

    [Fact]
    public void RedeclaringTheBuiltInProfile_IsRejected()
    {
        var r = LoadChanged(s => s["profiles"]!["bdew-h25"] = JsonNode.Parse("""{ "file": "h25.csv", "unit": "kWh" }"""));
        AssertOnlyError(r, "profiles.bdew-h25", "'bdew-h25' is a built-in profile and cannot be redeclared", "choose another id");
    }

    [Theory]
    [InlineData("profiles/missing.csv", "could not find file 'profiles/missing.csv'")]
    [InlineData("profiles/bad.csv", "line 7: 'abc' is not a number")]
    [InlineData("profiles/locked.csv", "access to 'profiles/locked.csv' is denied")]
    public void ProfileFileThatCannotBeLoaded_BecomesAnErrorAtTheProfile(string file, string message)
    {
        var r = LoadChanged(s => s["profiles"]!["ev-load"]!["file"] = file);
        AssertOnlyError(r, "profiles.ev-load", message, $"check \"file\" (\"{file}\", relative to the scenario file), \"unit\" and \"column\"");
    }

    [Fact]
    public void UnknownHouseholdTemplate_SuggestsTheNearestAndListsBuiltIns()
    {
        var r = LoadChanged(s => s.Household(2)["template"] = "pv-famly");
        AssertOnlyError(r, "households[2].template", "unknown household template 'pv-famly'", "did you mean 'pv-family'? define it under \"templates\" or use a built-in one: 'consumer', 'pv-home', 'pv-battery-home', 'wind-home'");
    }

    [Fact]
    public void UnknownApplianceTemplate_SuggestsTheNearest()
    {
        var r = LoadChanged(s => s.Household(1)["appliances"]![0] = JsonNode.Parse("""{ "template": "ev-chargr" }"""));
        AssertOnlyError(r, "households[1].appliances[0].template", "unknown appliance template 'ev-chargr'", "did you mean 'ev-charger'?");
    }

    [Fact]
    public void UnknownLocationPreset_SuggestsAndListsPresets()
    {
        var r = LoadChanged(s => s["location"] = "berln");
        AssertOnlyError(r, "location", "unknown location preset 'berln'; presets: 'berlin', 'lagos'", "did you mean 'berlin'?");
    }

    [Fact]
    public void LatitudeOutOfRange_IsCheckedByTheDomainLocation()
    {
        var r = LoadChanged(s => s["location"] = JsonNode.Parse("""{ "name": "Nowhere", "latitude": 95, "longitude": 13, "climatePreset": "berlin" }"""));
        AssertOnlyError(r, "location.latitude", "must be between -90 and 90 degrees (got 95)", "use a value from -90 to 90");
    }

    [Fact]
    public void ClimateWithTooFewMonths_AsksForTwelve()
    {
        var r = LoadChanged(s => s["location"] = JsonNode.Parse("""
            { "name": "X", "latitude": 50, "longitude": 13,
              "climate": { "clearnessIndex": [0.3, 0.4], "temperatureC": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] } }
            """));
        AssertOnlyError(r, "location.climate.clearnessIndex", "has 2 values", "give 12 monthly values, January first");
    }

    [Fact]
    public void UnknownMechanism_SuggestsTheNearestAndListsSupportedOnes()
    {
        var r = LoadChanged(s => s["market"]!["mechanism"] = "pay-as-clr");
        AssertOnlyError(r, "market.mechanism", "unknown mechanism 'pay-as-clr'", "did you mean 'pay-as-clear'? use one of 'grid-only'");
    }

    [Fact]
    public void KnownMechanismMissingFromThisBuild_IsNotAvailable()
    {
        var r = LoadChanged(s => s["market"]!["mechanism"] = "sdr");
        AssertOnlyError(r, "market.mechanism", "'sdr' is not available in this build", "use one of 'grid-only'");
    }

    // ---- tariff ----

    [Fact]
    public void FlatPriceOutOfRange_IsReportedWhereItWasWritten()
    {
        var r = LoadChanged(s => s["tariff"]!["import"] = 32);
        AssertOnlyError(r, "tariff.import", "32.000000 per kWh is outside the plausible range −10 … 10", "(0.30, not 30)");
    }

    [Fact]
    public void PriceFinerThanAMicroUnit_IsRejected()
    {
        var r = LoadChanged(s => s["tariff"]!["import"] = 0.3212345m);
        AssertOnlyError(r, "tariff.import", "0.3212345 has more than 6 decimal places", "round the price to at most 6 decimal places");
    }

    [Fact]
    public void ExportAboveImport_NamesWhen()
    {
        var r = LoadChanged(s => s["tariff"] = JsonNode.Parse("""
            { "import": { "price": 0.30, "periods": [{ "days": "weekend", "from": "10:00", "to": "14:00", "price": 0.05 }] }, "export": 0.08 }
            """));
        AssertOnlyError(r, "tariff.export", "the export price 0.080000 exceeds the import price 0.050000 on weekends at 10:00", "keep the export (feed-in) price at or below the import price");
    }

    [Fact]
    public void UnknownPeriodDays_ListsTheChoices()
    {
        var r = LoadChanged(s => s["tariff"]!["import"] = JsonNode.Parse("""{ "price": 0.3, "periods": [{ "days": "weekdays", "from": "17:00", "to": "20:00", "price": 0.4 }] }"""));
        AssertOnlyError(r, "tariff.import.periods[0].days", "unknown value 'weekdays'", "did you mean 'weekday'? use one of 'all', 'weekday', 'weekend'");
    }

    // ---- households, groups and templates ----

    [Fact]
    public void GroupCountZero_IsOutOfRange()
    {
        var r = LoadChanged(s => s.Household(2)["count"] = 0);
        AssertOnlyError(r, "households[2].count", "must be from 1 to 1,000,000 (got 0)", "give the number of households in this group");
    }

    [Fact]
    public void GroupsAddingUpToMoreThanAMillion_AreRejectedBeforeExpansion()
    {
        var r = LoadChanged(s =>
        {
            s.Household(2)["count"] = 600_000;
            ((JsonArray)s["households"]!).Add(JsonNode.Parse("""{ "template": "consumer", "count": 600000 }"""));
        });
        AssertOnlyError(r, "households", "the list expands to 1,200,002 households, more than the 1,000,000 supported", "lower the groups' \"count\"");
    }

    [Fact]
    public void EmptyHouseholdList_AsksForOne()
    {
        var r = LoadChanged(s => s["households"] = new JsonArray());
        AssertOnlyError(r, "households", "the list is empty", "add at least one household");
    }

    [Fact]
    public void DuplicateIds_NameTheFirstOwner()
    {
        var r = LoadChanged(s => s.Household(1)["id"] = "h01");
        AssertOnlyError(r, "households[1].id", "'h01' is already the id of households[0]", "give every household a unique id");
    }

    [Fact]
    public void ExpandedIdCollidingWithAListedOne_PointsAtTheIdPrefix()
    {
        var r = LoadChanged(s => s.Household(0)["id"] = "pvf-2");
        AssertOnlyError(r, "households[2].idPrefix", "expanded id 'pvf-2' is already the id of households[0]", "choose an idPrefix");
    }

    [Fact]
    public void IdWithSpaces_IsRejected()
    {
        var r = LoadChanged(s => s.Household(0)["id"] = "house one");
        AssertOnlyError(r, "households[0].id", "'house one' is not a valid household id", "use letters, digits, '-' and '_' only");
    }

    [Fact]
    public void IdPrefixWithSpaces_IsReportedAsThePrefix()
    {
        var r = LoadChanged(s => s.Household(2)["idPrefix"] = "pv f-");
        AssertOnlyError(r, "households[2].idPrefix", "'pv f-' is not a valid id prefix", "use letters, digits, '-' and '_' only");
    }

    [Fact]
    public void VariationAboveHalf_IsOutOfRange()
    {
        var r = LoadChanged(s => s.Household(2)["variation"] = 0.7);
        AssertOnlyError(r, "households[2].variation", "must be from 0 to 0.5 (got 0.7)", "use 0 for identical households");
    }

    [Fact]
    public void VariationThatCouldPushARatingPastItsLimit_IsCaughtOncePerGroup()
    {
        var r = LoadChanged(s =>
        {
            s["templates"]!["pv-family"]!["appliances"]![0]!["ratedPowerKw"] = 90;
            s.Household(2)["variation"] = 0.5;
        });
        AssertOnlyError(r, "households[2].appliances[0].ratedPowerKw", "with variation 0.5 (values up to ×1.5) a household could break a limit: 135 kW is more", "lower \"variation\" at households[2]");
    }

    [Fact]
    public void VariationOnAListedHousehold_AsksForCount()
    {
        var r = LoadChanged(s => s.Household(1)["variation"] = 0.2);
        AssertOnlyError(r, "households[1].variation", "applies only to a group of households", "add \"count\"");
    }

    [Fact]
    public void IdOnAGroup_ExplainsHowGroupIdsAreFormed()
    {
        var r = LoadChanged(s => s.Household(2)["id"] = "g");
        AssertOnlyError(r, "households[2].id", "a group has no single id", "idPrefix + a number");
    }

    [Fact]
    public void MistakeInATemplate_IsReportedOnceAtTheTemplateNotPerUse()
    {
        var r = LoadChanged(s =>
        {
            s["templates"]!["pv-family"]!["generators"]![0]!["peakKw"] = -1;
            ((JsonArray)s["households"]!).Add(JsonNode.Parse("""{ "id": "solo", "template": "pv-family" }"""));
        });
        AssertOnlyError(r, "templates.pv-family.generators[0].peakKw", "must be a number > 0 kWp (got -1)", "set a positive value in kWp");
    }

    [Fact]
    public void MistakeInAnOverride_IsReportedAtTheHouseholdThatMadeIt()
    {
        var r = LoadChanged(s => s.Household(2)["batteries"] = JsonNode.Parse("""[{ "capacityKwh": 10, "initialSoc": 0.05 }]"""));
        AssertOnlyError(r, "households[2].batteries[0].initialSoc", "initialSoc 0.05 is outside [minSoc 0.1, maxSoc 1]", "start the battery within its SoC limits");
    }

    [Fact]
    public void TemplateWithAnId_IsTold()
    {
        var r = LoadChanged(s => s["templates"]!["pv-family"]!["id"] = "x");
        AssertOnlyError(r, "templates.pv-family.id", "a template has no id", "remove \"id\"");
    }

    [Fact]
    public void TemplatesReferringToEachOther_AreACycle()
    {
        var r = LoadChanged(s =>
        {
            s["templates"]!["a"] = JsonNode.Parse("""{ "template": "b" }""");
            s["templates"]!["b"] = JsonNode.Parse("""{ "template": "a" }""");
        });
        AssertOnlyError(r, "templates.a.template", "templates refer to each other in a cycle: b → a → b", "remove its \"template\"");
    }

    // ---- top level ----

    [Fact]
    public void NegativeSeed_AsksForANonNegativeWholeNumber()
    {
        var r = LoadChanged(s => s["seed"] = -1);
        AssertOnlyError(r, "seed", "expected a whole number from 0 to 18446744073709551615 but got a number (-1)", "give a non-negative whole number");
    }

    [Fact]
    public void LowerCaseCurrency_AsksForAnIsoCode()
    {
        var r = LoadChanged(s => s["currency"] = "eur");
        AssertOnlyError(r, "currency", "'eur' is not a three-letter currency code", "ISO 4217 code in capitals");
    }

    [Fact]
    public void ManyUnrelatedMistakes_AreAllReportedTogether()
    {
        var r = LoadChanged(s =>
        {
            s["timeZone"] = "Mars/Olympus";
            s["slotMinutes"] = 7;
            s["market"]!["mechanism"] = "huang";
            Battery(s)["capacityKwh"] = -1;
            s.Household(1)["appliances"]![0]!["usage"]!["profile"] = "nope";
            s.Household(2)["count"] = 0;
            s["templates"]!["pv-family"]!["generators"]![0]!["tiltDegrees"] = 120;
        });
        Assert.Equal(
            [
                "timeZone",
                "slotMinutes",
                "market.mechanism",
                "templates.pv-family.generators[0].tiltDegrees",
                "households[0].batteries[0].capacityKwh",
                "households[1].appliances[0].usage.profile",
                "households[2].count",
            ],
            r.Errors.Select(e => e.Path));
    }

    // ---- preferred sellers ----

    [Fact]
    public void AnUnknownPreferredSeller_IsReported_WithTheNearestId()
    {
        var r = LoadChanged(s => s.Household(0)["preferences"]!["preferredSellers"] = new JsonArray("h2"));
        AssertOnlyError(r, "households", "household 'h01' names preferred seller 'h2', which is not a household of this scenario", "did you mean 'h02'?");
    }

    [Fact]
    public void AHouseholdNamingItselfAsPreferredSeller_IsReported()
    {
        var r = LoadChanged(s => s.Household(0)["preferences"]!["preferredSellers"] = new JsonArray("h01"));
        AssertOnlyError(r, "households", "household 'h01' names itself as a preferred seller", "remove the household's own id");
    }

    [Fact]
    public void APreferredSellerThatIsNotAString_IsReportedAtItsIndex()
    {
        var r = LoadChanged(s => s.Household(0)["preferences"]!["preferredSellers"] = new JsonArray("h02", 3));
        AssertOnlyError(r, "households[0].preferences.preferredSellers[1]", "expected a household id in quotes but got a number", "write the seller's id as a string");
    }

    [Fact]
    public void PreferredSellersThatAreNotAList_AreReported()
    {
        var r = LoadChanged(s => s.Household(0)["preferences"]!["preferredSellers"] = "h02");
        AssertOnlyError(r, "households[0].preferences.preferredSellers", "expected a list", "\"preferredSellers\": [");
    }

    [Fact]
    public void PreferredSellersAndGreenOnly_AreRead_AndAGroupMayNameAMemberOfAnother()
    {
        var r = LoadChanged(s =>
        {
            s.Household(1)["preferences"] = JsonNode.Parse("""{ "preferredSellers": ["pvf-2", "h01"], "greenOnly": true }""");
        });
        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        var p = r.Scenario!.Households[1].Preferences;
        Assert.Equal(["pvf-2", "h01"], p.PreferredSellerIds);
        Assert.True(p.GreenOnly);
        Assert.Empty(r.Scenario.Households[0].Preferences.PreferredSellerIds);
        Assert.False(r.Scenario.Households[0].Preferences.GreenOnly);
    }

    // ---- wallets ----

    [Fact]
    public void ANegativeWalletBalance_IsReportedAtItsPath()
    {
        var r = LoadChanged(s => s.Household(0)["wallet"] = JsonNode.Parse("""{ "initialBalance": -5 }"""));
        AssertOnlyError(r, "households[0].wallet.initialBalance", "must be between 0 and 1000000000 currency units (got -5)", "the money the wallet starts with");
    }

    [Fact]
    public void AWalletCreditLimitWithTooManyDecimals_IsReported()
    {
        var r = LoadChanged(s => s.Household(0)["wallet"] = JsonNode.Parse("""{ "creditLimit": 0.1234567 }"""));
        AssertOnlyError(r, "households[0].wallet.creditLimit", "0.1234567 has more than 6 decimal places", "round it");
    }

    [Fact]
    public void AMisspeltWalletField_GetsASuggestion()
    {
        var r = LoadChanged(s => s.Household(0)["wallet"] = JsonNode.Parse("""{ "balance": 5 }"""));
        Assert.False(r.IsValid);
        ValidationError e = Assert.Single(r.Errors);
        Assert.Equal("households[0].wallet.balance", e.Path);
        Assert.Contains("unknown property 'balance'", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AWalletInATemplate_IsInheritedByTheGroup_AndCanBeOverridden()
    {
        var r = LoadChanged(s =>
        {
            s["templates"]!["pv-family"]!["wallet"] = JsonNode.Parse("""{ "initialBalance": 20, "creditLimit": 5 }""");
            s.Household(2)["wallet"] = JsonNode.Parse("""{ "creditLimit": 0 }""");
        });
        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Null(r.Scenario!.Households[0].Wallet);
        Assert.Equal(new PeerGrid.Domain.Households.Wallet(20, 0), r.Scenario.Households[2].Wallet);
        string written = ScenarioWriter.ToJson(r.Scenario);
        Assert.Contains("\"initialBalance\": 20", written, StringComparison.Ordinal);
    }
}
