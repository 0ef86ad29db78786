using System.Globalization;
using System.Text;
using System.Text.Json;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Domain.Tariffs;
using PeerGrid.Simulation.Scenarios.Json;
using PeerGrid.Simulation.Scenarios.Reading;

namespace PeerGrid.Simulation.Scenarios;

/// <summary>
/// Writes a <see cref="Scenario"/> back in the scenario format, fully expanded: every household listed with every
/// field spelled out (no templates, no defaults left implicit) and the location as an explicit object. Loading the
/// output gives the same scenario, so this is also the canonical text of a scenario (tests compare it).
/// </summary>
public static class ScenarioWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true };

    public static string ToJson(Scenario scenario)
    {
        using var stream = new MemoryStream();
        Write(scenario, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Scenario scenario, Stream utf8Json)
    {
        using var w = new Utf8JsonWriter(utf8Json, Options);
        w.WriteStartObject();
        w.WriteString("name", scenario.Name);
        w.WriteNumber("seed", scenario.Seed);
        string startFormat = scenario.StartLocal.Second == 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss";
        w.WriteString("start", scenario.StartLocal.ToString(startFormat, CultureInfo.InvariantCulture));
        w.WriteString("timeZone", scenario.TimeZoneId);
        w.WriteStartObject("horizon");
        if (scenario.HorizonDays is { } days)
        {
            w.WriteNumber("days", days);
        }
        else if (scenario.HorizonHours is { } hours)
        {
            w.WriteNumber("hours", hours);
        }
        w.WriteEndObject();
        w.WriteNumber("slotMinutes", scenario.SlotMinutes);
        w.WriteString("currency", scenario.Currency);
        WriteLocation(w, scenario.Location);
        w.WriteStartObject("tariff");
        WriteSchedule(w, "import", scenario.Tariff.Import);
        WriteSchedule(w, "export", scenario.Tariff.Export);
        w.WriteEndObject();
        w.WriteNumber("gridEmissionsKgPerKwh", scenario.GridEmissionsKgPerKwh);
        w.WriteStartObject("market");
        w.WriteString("mechanism", scenario.Mechanism);
        w.WriteString("pricing", scenario.Pricing);
        w.WriteNumber("k", scenario.PricingK);
        w.WriteNumber("platformFeePerKwh", scenario.PlatformFeePerKwh);
        w.WriteNumber("platformSubscriptionPerMonth", scenario.PlatformSubscriptionPerMonth);
        // Only the chosen strategy's parameters: the loader rejects another strategy's.
        w.WriteString("strategy", scenario.Strategy);
        if (scenario.Strategy == MarketSettings.RampStrategy)
        {
            w.WriteNumber("rounds", scenario.Rounds);
        }
        else if (scenario.Strategy == MarketSettings.AdaptiveStrategy)
        {
            w.WriteNumber("adaptiveAlpha", scenario.AdaptiveAlpha);
            w.WriteNumber("adaptiveMargin", scenario.AdaptiveMargin);
        }
        if (scenario.Hierarchy is { } hierarchy)
        {
            WriteHierarchy(w, hierarchy);
        }
        w.WriteEndObject();
        w.WriteStartObject("profiles");
        foreach (ProfileDeclaration d in (scenario.ProfileDeclarations ?? new Dictionary<string, ProfileDeclaration>()).Values.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            w.WriteStartObject(d.Id);
            w.WriteString("file", d.File);
            w.WriteString("unit", d.Unit);
            if (d.Column is not null)
            {
                w.WriteString("column", d.Column);
            }
            w.WriteBoolean("cumulative", d.Cumulative);
            w.WriteBoolean("allowNegative", d.AllowNegative);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartArray("households");
        foreach (Household h in scenario.Households)
        {
            WriteHousehold(w, h);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteHierarchy(Utf8JsonWriter w, MarketHierarchy h)
    {
        w.WriteStartObject("hierarchy");
        w.WriteStartArray("cells");
        foreach (HierarchyCell c in h.Cells)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            if (c.Community is not null)
            {
                w.WriteString("community", c.Community);
            }
            if (c.ImportCapacityKw is { } import)
            {
                w.WriteNumber("importCapacityKw", import);
            }
            if (c.ExportCapacityKw is { } export)
            {
                w.WriteNumber("exportCapacityKw", export);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("communities");
        foreach (HierarchyCommunity c in h.Communities)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            if (c.Region is not null)
            {
                w.WriteString("region", c.Region);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("fees");
        WriteFee(w, "cell", h.CellFee);
        WriteFee(w, "community", h.CommunityFee);
        WriteFee(w, "region", h.RegionFee);
        w.WriteEndObject();
        w.WriteNumber("lossPerLevel", h.LossPerLevel);
        w.WriteEndObject();
    }

    private static void WriteFee(Utf8JsonWriter w, string level, LevelFee? fee)
    {
        if (fee is null)
        {
            return;
        }
        w.WriteStartObject(level);
        WriteOptional(w, "perKwh", fee.PerKwh);
        WriteOptional(w, "percent", fee.Percent);
        w.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter w, Location l)
    {
        w.WriteStartObject("location");
        w.WriteString("name", l.Name);
        w.WriteNumber("latitude", l.LatitudeDegrees);
        w.WriteNumber("longitude", l.LongitudeDegrees);
        w.WriteStartObject("climate");
        WriteNumbers(w, "clearnessIndex", l.Climate.ClearnessIndex);
        WriteNumbers(w, "temperatureC", l.Climate.TemperatureC);
        w.WriteNumber("windSpeedMs", l.Climate.WindSpeedMs);
        w.WriteNumber("weibullK", l.Climate.WeibullK);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteSchedule(Utf8JsonWriter w, string name, PriceSchedule s)
    {
        if (s.Periods.Count == 0)
        {
            w.WriteNumber(name, s.Default.ToDecimal());
            return;
        }
        w.WriteStartObject(name);
        w.WriteNumber("price", s.Default.ToDecimal());
        w.WriteStartArray("periods");
        foreach (PricePeriod p in s.Periods)
        {
            w.WriteStartObject();
            w.WriteString("days", p.Days switch { DayKind.Weekday => "weekday", DayKind.Weekend => "weekend", _ => "all" });
            w.WriteString("from", p.Window.Start.ToString());
            w.WriteString("to", p.Window.End.ToString());
            w.WriteNumber("price", p.Price.ToDecimal());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteHousehold(Utf8JsonWriter w, Household h)
    {
        w.WriteStartObject();
        w.WriteString("id", h.Id);
        if (h.BaseLoad is { } b)
        {
            w.WriteStartObject("baseLoad");
            w.WriteString("profile", b.ProfileId);
            w.WriteNumber("annualKwh", b.AnnualKwh);
            w.WriteEndObject();
        }
        w.WriteStartArray("appliances");
        foreach (Appliance a in h.Appliances)
        {
            WriteAppliance(w, a);
        }
        w.WriteEndArray();
        w.WriteStartArray("generators");
        foreach (Generator g in h.Generators)
        {
            WriteGenerator(w, g);
        }
        w.WriteEndArray();
        w.WriteStartArray("batteries");
        foreach (Battery x in h.Batteries)
        {
            WriteBattery(w, x);
        }
        w.WriteEndArray();
        WritePreferences(w, h.Preferences);
        if (h.MaxImportKw is { } mi)
        {
            w.WriteNumber("maxImportKw", mi);
        }
        if (h.MaxExportKw is { } me)
        {
            w.WriteNumber("maxExportKw", me);
        }
        if (h.Cell is not null)
        {
            w.WriteString("cell", h.Cell);
        }
        if (h.Wallet is { } wallet)
        {
            w.WriteStartObject("wallet");
            w.WriteNumber("initialBalance", wallet.InitialBalance);
            w.WriteNumber("creditLimit", wallet.CreditLimit);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    internal static void WriteAppliance(Utf8JsonWriter w, Appliance a)
    {
        w.WriteStartObject();
        w.WriteString("name", a.Name);
        w.WriteString("kind", a.Kind);
        w.WriteNumber("ratedPowerKw", a.RatedPowerKw);
        w.WriteBoolean("isOn", a.IsOn);
        w.WriteStartObject("usage");
        switch (a.Usage)
        {
            case AlwaysOnUsage u:
                w.WriteString("type", "always-on");
                w.WriteNumber("dutyCycle", u.DutyCycle);
                w.WriteNumber("periodMinutes", u.PeriodMinutes);
                break;
            case TimeWindowUsage u:
                w.WriteString("type", "time-windows");
                WriteWindows(w, "weekday", u.Weekday);
                WriteWindows(w, "weekend", u.Weekend);
                break;
            case DeferrableUsage u:
                w.WriteString("type", "deferrable");
                w.WriteNumber("runMinutes", u.RunMinutes);
                w.WriteString("earliestStart", u.EarliestStart.ToString());
                w.WriteString("deadline", u.Deadline.ToString());
                w.WriteStartArray("days");
                for (int bit = 0; bit < 7; bit++)
                {
                    if ((u.Days & (1 << bit)) != 0)
                    {
                        w.WriteStringValue(UsageReader.DayNames[bit]);
                    }
                }
                w.WriteEndArray();
                break;
            case ProfileUsage u:
                w.WriteString("type", "profile");
                w.WriteString("profile", u.ProfileId);
                w.WriteNumber("scale", u.Scale);
                break;
            default:
                throw new NotSupportedException($"No scenario format for usage {a.Usage.GetType().Name}.");
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteWindows(Utf8JsonWriter w, string name, IReadOnlyList<TimeWindow> windows)
    {
        w.WriteStartArray(name);
        foreach (TimeWindow t in windows)
        {
            w.WriteStartObject();
            w.WriteString("from", t.Start.ToString());
            w.WriteString("to", t.End.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    internal static void WriteGenerator(Utf8JsonWriter w, Generator g)
    {
        w.WriteStartObject();
        switch (g)
        {
            case SolarPv pv:
                Head(w, "solar-pv", g);
                w.WriteNumber("peakKw", pv.PeakKw);
                w.WriteNumber("tiltDegrees", pv.TiltDegrees);
                w.WriteNumber("azimuthDegrees", pv.AzimuthDegrees);
                w.WriteNumber("systemLosses", pv.SystemLosses);
                w.WriteNumber("temperatureCoefficientPerC", pv.TemperatureCoefficientPerC);
                break;
            case WindTurbine t:
                Head(w, "wind", g);
                w.WriteNumber("ratedKw", t.RatedKw);
                w.WriteNumber("cutInMs", t.CutInMs);
                w.WriteNumber("ratedSpeedMs", t.RatedSpeedMs);
                w.WriteNumber("cutOutMs", t.CutOutMs);
                w.WriteNumber("hubHeightM", t.HubHeightM);
                if (t.PowerCurve is { } curve)
                {
                    w.WriteStartArray("powerCurve");
                    foreach (PowerCurvePoint p in curve)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("speedMs", p.SpeedMs);
                        w.WriteNumber("powerKw", p.PowerKw);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                break;
            case DispatchableGenerator d:
                Head(w, "dispatchable", g);
                w.WriteNumber("ratedKw", d.RatedKw);
                w.WriteNumber("minLoadFraction", d.MinLoadFraction);
                w.WriteNumber("fuelCostPerKwh", d.FuelCostPerKwh);
                w.WriteNumber("emissionsKgPerKwh", d.EmissionsKgPerKwh);
                break;
            case ProfileGenerator p:
                Head(w, "profile", g);
                w.WriteString("profile", p.ProfileId);
                w.WriteNumber("scale", p.Scale);
                w.WriteString("energyType", p.Type);
                w.WriteBoolean("renewable", p.Renewable);
                break;
            default:
                throw new NotSupportedException($"No scenario format for generator {g.GetType().Name}.");
        }
        w.WriteEndObject();
    }

    private static void Head(Utf8JsonWriter w, string type, Generator g)
    {
        w.WriteString("type", type);
        w.WriteString("name", g.Name);
        w.WriteBoolean("isOn", g.IsOn);
    }

    internal static void WriteBattery(Utf8JsonWriter w, Battery b)
    {
        w.WriteStartObject();
        w.WriteString("name", b.Name);
        w.WriteNumber("capacityKwh", b.CapacityKwh);
        w.WriteNumber("maxChargeKw", b.MaxChargeKw);
        w.WriteNumber("maxDischargeKw", b.MaxDischargeKw);
        w.WriteNumber("chargeEfficiency", b.ChargeEfficiency);
        w.WriteNumber("dischargeEfficiency", b.DischargeEfficiency);
        w.WriteNumber("minSoc", b.MinSoc);
        w.WriteNumber("maxSoc", b.MaxSoc);
        w.WriteNumber("initialSoc", b.InitialSoc);
        w.WriteNumber("selfDischargePerDay", b.SelfDischargePerDay);
        w.WriteBoolean("isOn", b.IsOn);
        w.WriteEndObject();
    }

    internal static void WritePreferences(Utf8JsonWriter w, Preferences p)
    {
        w.WriteStartObject("preferences");
        w.WriteString("storageMode", KebabCase.Of(p.StorageMode));
        w.WriteNumber("reserveSoc", p.ReserveSoc);
        WriteOptional(w, "gridChargeBelowPrice", p.GridChargeBelowPrice);
        w.WriteBoolean("sellSurplus", p.SellSurplus);
        WriteOptional(w, "minSellPrice", p.MinSellPrice);
        WriteOptional(w, "maxBuyPrice", p.MaxBuyPrice);
        w.WriteBoolean("preferP2P", p.PreferP2P);
        w.WriteString("deferrablePolicy", KebabCase.Of(p.DeferrablePolicy));
        w.WriteStartArray("preferredSellers");
        foreach (string id in p.PreferredSellerIds)
        {
            w.WriteStringValue(id);
        }
        w.WriteEndArray();
        w.WriteBoolean("greenOnly", p.GreenOnly);
        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    private static void WriteNumbers(Utf8JsonWriter w, string name, IReadOnlyList<double> values)
    {
        w.WriteStartArray(name);
        foreach (double v in values)
        {
            w.WriteNumberValue(v);
        }
        w.WriteEndArray();
    }
}
