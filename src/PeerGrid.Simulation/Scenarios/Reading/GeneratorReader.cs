using System.Text.Json;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Scenarios.Json;

namespace PeerGrid.Simulation.Scenarios.Reading;

/// <summary>One generator, chosen by "type". Defaults for omitted fields are the domain records' own defaults.</summary>
internal static class GeneratorReader
{
    public static readonly IReadOnlyList<string> Types = ["solar-pv", "wind", "dispatchable", "profile"];

    /// <summary>The energy-type labels green preferences understand (see <see cref="Generator.EnergyType"/>).</summary>
    public static readonly IReadOnlyList<string> EnergyTypes = ["solar", "wind", "fossil", "other"];

    private static readonly SolarPv PvDefaults = new("", true, 0);
    private static readonly WindTurbine WindDefaults = new("", true, 0);
    private static readonly ProfileGenerator ProfileDefaults = new("", true, "");

    /// <summary>Typical minimum stable load of a small diesel or gas set; the domain leaves it to the scenario.</summary>
    public const double DefaultMinLoadFraction = 0.3;

    public static Generator? Read(JsonElement e, string path, ValidationErrors errors, ProfileCatalog profiles)
    {
        ObjectReader? r = ObjectReader.Open(e, path, errors, "a generator");
        if (r is null)
        {
            return null;
        }
        string? type = r.OneOf("type", Types, required: true);
        if (type is null)
        {
            return null;
        }
        // A generator without a name is labelled by its type, so templates need not invent names.
        string name = r.String("name") ?? type;
        bool isOn = r.Bool("isOn", true);
        Generator? g = type switch
        {
            "solar-pv" => SolarPv(r, name, isOn),
            "wind" => Wind(r, name, isOn),
            "dispatchable" => Dispatchable(r, name, isOn),
            _ => Profile(r, name, isOn, profiles),
        };
        r.Finish($" for generator type '{type}'");
        return r.Failed ? null : g;
    }

    private static SolarPv? SolarPv(ObjectReader r, string name, bool isOn)
    {
        double? peak = r.RequiredNumber("peakKw", "6 (kWp)");
        var pv = new SolarPv(
            name,
            isOn,
            peak ?? 0,
            r.Number("tiltDegrees", PvDefaults.TiltDegrees),
            r.Number("azimuthDegrees", PvDefaults.AzimuthDegrees),
            r.Number("systemLosses", PvDefaults.SystemLosses),
            r.Number("temperatureCoefficientPerC", PvDefaults.TemperatureCoefficientPerC));
        return peak is null ? null : pv;
    }

    private static WindTurbine? Wind(ObjectReader r, string name, bool isOn)
    {
        double? rated = r.RequiredNumber("ratedKw", "5 (kW)");
        var wind = new WindTurbine(
            name,
            isOn,
            rated ?? 0,
            r.Number("cutInMs", WindDefaults.CutInMs),
            r.Number("ratedSpeedMs", WindDefaults.RatedSpeedMs),
            r.Number("cutOutMs", WindDefaults.CutOutMs),
            r.Number("hubHeightM", WindDefaults.HubHeightM),
            PowerCurve(r));
        return rated is null ? null : wind;
    }

    private static List<PowerCurvePoint>? PowerCurve(ObjectReader r)
    {
        if (!r.TryGetArray("powerCurve", out JsonElement array, "[{ \"speedMs\": 3, \"powerKw\": 0 }, { \"speedMs\": 12, \"powerKw\": 5 }]"))
        {
            return null;
        }
        var points = new List<PowerCurvePoint>();
        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            ObjectReader? p = ObjectReader.Open(item, $"{r.At("powerCurve")}[{i++}]", r.Errors, "a power-curve point");
            double? speed = p?.RequiredNumber("speedMs", "12 (m/s)");
            double? power = p?.RequiredNumber("powerKw", "5 (kW)");
            p?.Finish();
            if (speed is { } s && power is { } w)
            {
                points.Add(new PowerCurvePoint(s, w));
            }
            else
            {
                r.Fail();
            }
        }
        return points;
    }

    private static DispatchableGenerator? Dispatchable(ObjectReader r, string name, bool isOn)
    {
        double? rated = r.RequiredNumber("ratedKw", "5 (kW)");
        double minLoad = r.Number("minLoadFraction", DefaultMinLoadFraction);
        decimal? fuel = r.RequiredDecimal("fuelCostPerKwh", "0.45 (currency per kWh produced)");
        double emissions = r.Number("emissionsKgPerKwh", new DispatchableGenerator("", true, 1, 0, 0).EmissionsKgPerKwh);
        return rated is { } k && fuel is { } f ? new DispatchableGenerator(name, isOn, k, minLoad, f, emissions) : null;
    }

    private static ProfileGenerator? Profile(ObjectReader r, string name, bool isOn, ProfileCatalog profiles)
    {
        string? id = r.RequiredString("profile", "\"chp-output\" (an id declared under \"profiles\")");
        double scale = r.Number("scale", ProfileDefaults.Scale);
        string energyType = r.OneOf("energyType", EnergyTypes, required: false) ?? ProfileDefaults.Type;
        bool renewable = r.Bool("renewable", ProfileDefaults.Renewable);
        if (id is null)
        {
            return null;
        }
        profiles.CheckReference(id, r.At("profile"), r);
        return new ProfileGenerator(name, isOn, id, scale, energyType, renewable);
    }
}
