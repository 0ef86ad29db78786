using System.Globalization;
using System.Text.Json.Nodes;
using PeerGrid.Domain.Households;
using PeerGrid.Web.Components.Pages.Devices;

namespace PeerGrid.Web.Components.Pages.Generators;

/// <summary>
/// The generator form: the scenario format's fields of each generator type as text fields. <see cref="ToJson"/> builds
/// the body the scenario reader validates; blank optional fields take the reader's defaults. A wind turbine's measured
/// power curve is typed as "3:0, 12:5" (wind speed m/s : kW).
/// </summary>
public sealed class GeneratorForm
{
    public static readonly IReadOnlyList<string> FieldPaths =
    [
        "type", "name", "peakKw", "tiltDegrees", "azimuthDegrees", "systemLosses", "temperatureCoefficientPerC", "ratedKw", "cutInMs",
        "ratedSpeedMs", "cutOutMs", "hubHeightM", "powerCurve", "minLoadFraction", "fuelCostPerKwh", "emissionsKgPerKwh", "profile", "scale",
        "energyType", "renewable",
    ];

    public string Type { get; set; } = "solar-pv";
    public string? Name { get; set; }
    public bool IsOn { get; set; } = true;
    public string? PeakKw { get; set; }
    public string? TiltDegrees { get; set; }
    public string? AzimuthDegrees { get; set; }
    public string? SystemLosses { get; set; }
    public string? TemperatureCoefficientPerC { get; set; }
    public string? RatedKw { get; set; }
    public string? CutInMs { get; set; }
    public string? RatedSpeedMs { get; set; }
    public string? CutOutMs { get; set; }
    public string? HubHeightM { get; set; }
    public string? PowerCurve { get; set; }
    public string? MinLoadFraction { get; set; }
    public string? FuelCostPerKwh { get; set; }
    public string? EmissionsKgPerKwh { get; set; }
    public string? Profile { get; set; }
    public string? Scale { get; set; }
    public string EnergyType { get; set; } = "other";
    public bool Renewable { get; set; } = true;

    public static GeneratorForm From(Generator g)
    {
        var form = new GeneratorForm { Name = g.Name, IsOn = g.IsOn };
        switch (g)
        {
            case SolarPv pv:
                form.Type = "solar-pv";
                form.PeakKw = FormJson.Show(pv.PeakKw);
                form.TiltDegrees = FormJson.Show(pv.TiltDegrees);
                form.AzimuthDegrees = FormJson.Show(pv.AzimuthDegrees);
                form.SystemLosses = FormJson.Show(pv.SystemLosses);
                form.TemperatureCoefficientPerC = FormJson.Show(pv.TemperatureCoefficientPerC);
                break;
            case WindTurbine w:
                form.Type = "wind";
                form.RatedKw = FormJson.Show(w.RatedKw);
                form.CutInMs = FormJson.Show(w.CutInMs);
                form.RatedSpeedMs = FormJson.Show(w.RatedSpeedMs);
                form.CutOutMs = FormJson.Show(w.CutOutMs);
                form.HubHeightM = FormJson.Show(w.HubHeightM);
                form.PowerCurve = w.PowerCurve is { } curve ? string.Join(", ", curve.Select(p => $"{FormJson.Show(p.SpeedMs)}:{FormJson.Show(p.PowerKw)}")) : null;
                break;
            case DispatchableGenerator d:
                form.Type = "dispatchable";
                form.RatedKw = FormJson.Show(d.RatedKw);
                form.MinLoadFraction = FormJson.Show(d.MinLoadFraction);
                form.FuelCostPerKwh = FormJson.Show(d.FuelCostPerKwh);
                form.EmissionsKgPerKwh = FormJson.Show(d.EmissionsKgPerKwh);
                break;
            case ProfileGenerator p:
                form.Type = "profile";
                form.Profile = p.ProfileId;
                form.Scale = FormJson.Show(p.Scale);
                form.EnergyType = p.Type;
                form.Renewable = p.Renewable;
                break;
            default:
                break;
        }
        return form;
    }

    public JsonObject ToJson()
    {
        var o = new JsonObject { ["type"] = Type };
        FormJson.Text(o, "name", Name);
        o["isOn"] = IsOn;
        switch (Type)
        {
            case "solar-pv":
                FormJson.Number(o, "peakKw", PeakKw);
                FormJson.Number(o, "tiltDegrees", TiltDegrees);
                FormJson.Number(o, "azimuthDegrees", AzimuthDegrees);
                FormJson.Number(o, "systemLosses", SystemLosses);
                FormJson.Number(o, "temperatureCoefficientPerC", TemperatureCoefficientPerC);
                break;
            case "wind":
                FormJson.Number(o, "ratedKw", RatedKw);
                FormJson.Number(o, "cutInMs", CutInMs);
                FormJson.Number(o, "ratedSpeedMs", RatedSpeedMs);
                FormJson.Number(o, "cutOutMs", CutOutMs);
                FormJson.Number(o, "hubHeightM", HubHeightM);
                CurveJson(o, PowerCurve);
                break;
            case "dispatchable":
                FormJson.Number(o, "ratedKw", RatedKw);
                FormJson.Number(o, "minLoadFraction", MinLoadFraction);
                FormJson.Money(o, "fuelCostPerKwh", FuelCostPerKwh);
                FormJson.Number(o, "emissionsKgPerKwh", EmissionsKgPerKwh);
                break;
            default:
                FormJson.Text(o, "profile", Profile);
                FormJson.Number(o, "scale", Scale);
                o["energyType"] = EnergyType;
                o["renewable"] = Renewable;
                break;
        }
        return o;
    }

    /// <summary>"3:0, 12:5" as [{speedMs, powerKw}, …]; a part that is not "speed:power" goes as text, which the reader refuses.</summary>
    private static void CurveJson(JsonObject o, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        var array = new JsonArray();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] ends = part.Split(':', StringSplitOptions.TrimEntries);
            if (ends.Length == 2 && double.TryParse(ends[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double speed)
                && double.TryParse(ends[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double power))
            {
                array.Add(new JsonObject { ["speedMs"] = speed, ["powerKw"] = power });
            }
            else
            {
                array.Add(JsonValue.Create(part));
            }
        }
        o["powerCurve"] = array;
    }

    /// <summary>The generator's size in words for the list.</summary>
    public static string Describe(Generator g) => g switch
    {
        SolarPv pv => FormattableString.Invariant($"Solar PV · {pv.PeakKw:0.###} kWp, tilt {pv.TiltDegrees:0}°, facing {pv.AzimuthDegrees:0}°"),
        WindTurbine w => FormattableString.Invariant($"Wind · {w.RatedKw:0.###} kW rated, hub {w.HubHeightM:0} m"),
        DispatchableGenerator d => FormattableString.Invariant($"Dispatchable · {d.RatedKw:0.###} kW, fuel {d.FuelCostPerKwh:0.00####} per kWh"),
        ProfileGenerator p => FormattableString.Invariant($"Profile \"{p.ProfileId}\" × {p.Scale:0.###} ({p.Type})"),
        _ => "",
    };
}
