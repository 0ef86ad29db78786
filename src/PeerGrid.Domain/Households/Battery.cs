namespace PeerGrid.Domain.Households;

/// <summary>
/// A battery. State of charge (SoC) is stored energy as a fraction of <see cref="CapacityKwh"/> and stays within
/// [<see cref="MinSoc"/>, <see cref="MaxSoc"/>]. Charging E kWh from the bus stores E × <see cref="ChargeEfficiency"/>;
/// delivering E kWh to the bus draws E ÷ <see cref="DischargeEfficiency"/> from storage.
/// <see cref="SelfDischargePerDay"/> is the fraction of stored energy lost per day (Li-ion ≈ 0.001).
/// </summary>
public sealed record Battery(
    string Name,
    double CapacityKwh,
    double MaxChargeKw,
    double MaxDischargeKw,
    double ChargeEfficiency = 0.95,
    double DischargeEfficiency = 0.95,
    double MinSoc = 0.1,
    double MaxSoc = 1.0,
    double InitialSoc = 0.5,
    double SelfDischargePerDay = 0.001,
    bool IsOn = true)
{
    public void Validate(string path, ValidationErrors errors)
    {
        errors.NotBlank($"{path}.name", Name, "battery name");
        errors.Positive($"{path}.capacityKwh", CapacityKwh, "kWh");
        errors.NonNegative($"{path}.maxChargeKw", MaxChargeKw, "kW");
        errors.NonNegative($"{path}.maxDischargeKw", MaxDischargeKw, "kW");
        errors.Range($"{path}.chargeEfficiency", ChargeEfficiency, 0.5, 1, "(a fraction)");
        errors.Range($"{path}.dischargeEfficiency", DischargeEfficiency, 0.5, 1, "(a fraction)");
        errors.Fraction($"{path}.minSoc", MinSoc);
        errors.Fraction($"{path}.maxSoc", MaxSoc);
        errors.Fraction($"{path}.initialSoc", InitialSoc);
        errors.Range($"{path}.selfDischargePerDay", SelfDischargePerDay, 0, 0.5, "(a fraction per day)");
        if (MinSoc >= MaxSoc)
        {
            errors.Add($"{path}.minSoc", $"minSoc {MinSoc} must be below maxSoc {MaxSoc}", "lower minSoc or raise maxSoc");
        }
        else if (InitialSoc < MinSoc || InitialSoc > MaxSoc)
        {
            errors.Add($"{path}.initialSoc", $"initialSoc {InitialSoc} is outside [minSoc {MinSoc}, maxSoc {MaxSoc}]", "start the battery within its SoC limits");
        }
    }
}
