using System.Text.Json.Nodes;
using PeerGrid.Domain.Households;
using PeerGrid.Web.Components.Pages.Devices;

namespace PeerGrid.Web.Components.Pages.Batteries;

/// <summary>
/// The battery form: the scenario format's battery fields as text fields. <see cref="ToJson"/> builds the body the
/// scenario reader validates; blank optional fields take the reader's defaults (charge and discharge power 0.5 C).
/// </summary>
public sealed class BatteryForm
{
    public static readonly IReadOnlyList<string> FieldPaths =
    [
        "name", "capacityKwh", "maxChargeKw", "maxDischargeKw", "chargeEfficiency", "dischargeEfficiency", "minSoc", "maxSoc", "initialSoc",
        "selfDischargePerDay",
    ];

    public string? Name { get; set; }
    public bool IsOn { get; set; } = true;
    public string? CapacityKwh { get; set; }
    public string? MaxChargeKw { get; set; }
    public string? MaxDischargeKw { get; set; }
    public string? ChargeEfficiency { get; set; }
    public string? DischargeEfficiency { get; set; }
    public string? MinSoc { get; set; }
    public string? MaxSoc { get; set; }
    public string? InitialSoc { get; set; }
    public string? SelfDischargePerDay { get; set; }

    public static BatteryForm From(Battery b) => new()
    {
        Name = b.Name,
        IsOn = b.IsOn,
        CapacityKwh = FormJson.Show(b.CapacityKwh),
        MaxChargeKw = FormJson.Show(b.MaxChargeKw),
        MaxDischargeKw = FormJson.Show(b.MaxDischargeKw),
        ChargeEfficiency = FormJson.Show(b.ChargeEfficiency),
        DischargeEfficiency = FormJson.Show(b.DischargeEfficiency),
        MinSoc = FormJson.Show(b.MinSoc),
        MaxSoc = FormJson.Show(b.MaxSoc),
        InitialSoc = FormJson.Show(b.InitialSoc),
        SelfDischargePerDay = FormJson.Show(b.SelfDischargePerDay),
    };

    public JsonObject ToJson()
    {
        var o = new JsonObject();
        FormJson.Text(o, "name", Name);
        o["isOn"] = IsOn;
        FormJson.Number(o, "capacityKwh", CapacityKwh);
        FormJson.Number(o, "maxChargeKw", MaxChargeKw);
        FormJson.Number(o, "maxDischargeKw", MaxDischargeKw);
        FormJson.Number(o, "chargeEfficiency", ChargeEfficiency);
        FormJson.Number(o, "dischargeEfficiency", DischargeEfficiency);
        FormJson.Number(o, "minSoc", MinSoc);
        FormJson.Number(o, "maxSoc", MaxSoc);
        FormJson.Number(o, "initialSoc", InitialSoc);
        FormJson.Number(o, "selfDischargePerDay", SelfDischargePerDay);
        return o;
    }

    public static string Describe(Battery b) => FormattableString.Invariant(
        $"{b.CapacityKwh:0.###} kWh · charge {b.MaxChargeKw:0.###} kW, discharge {b.MaxDischargeKw:0.###} kW · kept between {b.MinSoc:0%} and {b.MaxSoc:0%}");
}
