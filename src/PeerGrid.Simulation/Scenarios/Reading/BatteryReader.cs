using System.Text.Json;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Scenarios.Json;

namespace PeerGrid.Simulation.Scenarios.Reading;

/// <summary>One battery. Omitted fields take the domain's defaults; charge and discharge power default to 0.5 C.</summary>
internal static class BatteryReader
{
    /// <summary>Home Li-ion systems run at 0.5–1 C (shared/REFERENCE.md §4); the lower end is the safe default.</summary>
    public const double DefaultCRate = 0.5;

    private static readonly Battery Defaults = new("", 1, 0, 0);

    public static Battery? Read(JsonElement e, string path, ValidationErrors errors)
    {
        ObjectReader? r = ObjectReader.Open(e, path, errors, "a battery");
        if (r is null)
        {
            return null;
        }
        string name = r.String("name") ?? "battery";
        double? capacity = r.RequiredNumber("capacityKwh", "10 (usable kWh)");
        double defaultPower = (capacity ?? 0) * DefaultCRate;
        var battery = new Battery(
            name,
            capacity ?? 0,
            r.Number("maxChargeKw", defaultPower),
            r.Number("maxDischargeKw", defaultPower),
            r.Number("chargeEfficiency", Defaults.ChargeEfficiency),
            r.Number("dischargeEfficiency", Defaults.DischargeEfficiency),
            r.Number("minSoc", Defaults.MinSoc),
            r.Number("maxSoc", Defaults.MaxSoc),
            r.Number("initialSoc", Defaults.InitialSoc),
            r.Number("selfDischargePerDay", Defaults.SelfDischargePerDay),
            r.Bool("isOn", Defaults.IsOn));
        r.Finish();
        return r.Failed ? null : battery;
    }
}
