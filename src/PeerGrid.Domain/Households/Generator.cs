namespace PeerGrid.Domain.Households;

/// <summary>Something that produces electricity. Output is ≥ 0 kW; switched off, it produces nothing.</summary>
public abstract record Generator(string Name, bool IsOn)
{
    /// <summary>The energy carrier label used by green-only preferences ("solar", "wind", "fossil", "other").</summary>
    public abstract string EnergyType { get; }

    public abstract bool IsRenewable { get; }

    public abstract void Validate(string path, ValidationErrors errors);
}

/// <summary>
/// Rooftop PV. <see cref="PeakKw"/> kWp at STC; <see cref="TiltDegrees"/> 0 = flat, 90 = vertical;
/// <see cref="AzimuthDegrees"/> clockwise from north (90 east, 180 south, 270 west);
/// <see cref="SystemLosses"/> wiring, soiling and inverter losses as a fraction (0.14 is the PVGIS default);
/// <see cref="TemperatureCoefficientPerC"/> relative power change per °C above 25 °C cell temperature (−0.004 for c-Si).
/// </summary>
public sealed record SolarPv(
    string Name,
    bool IsOn,
    double PeakKw,
    double TiltDegrees = 35,
    double AzimuthDegrees = 180,
    double SystemLosses = 0.14,
    double TemperatureCoefficientPerC = -0.004) : Generator(Name, IsOn)
{
    public override string EnergyType => "solar";
    public override bool IsRenewable => true;

    public override void Validate(string path, ValidationErrors errors)
    {
        errors.NotBlank($"{path}.name", Name, "generator name");
        errors.Positive($"{path}.peakKw", PeakKw, "kWp");
        if (PeakKw > 1000)
        {
            errors.Add($"{path}.peakKw", $"{PeakKw} kWp is far beyond a household system", "give the size in kWp (e.g. 5 for a 5,000 Wp roof)");
        }
        errors.Range($"{path}.tiltDegrees", TiltDegrees, 0, 90, "degrees");
        errors.Range($"{path}.azimuthDegrees", AzimuthDegrees, 0, 360, "degrees clockwise from north");
        errors.Range($"{path}.systemLosses", SystemLosses, 0, 0.9, "(a fraction)");
        errors.Range($"{path}.temperatureCoefficientPerC", TemperatureCoefficientPerC, -0.02, 0, "per °C");
    }
}

/// <summary>
/// A small wind turbine. Below <see cref="CutInMs"/> and above <see cref="CutOutMs"/> (m/s) it produces nothing;
/// between cut-in and <see cref="RatedSpeedMs"/> output follows the cubic curve, then stays at
/// <see cref="RatedKw"/>, unless <see cref="PowerCurve"/> gives measured (speed m/s, power kW) points,
/// interpolated linearly. <see cref="HubHeightM"/> scales the location's 10 m wind by the 1/7 power law.
/// </summary>
public sealed record WindTurbine(
    string Name,
    bool IsOn,
    double RatedKw,
    double CutInMs = 3,
    double RatedSpeedMs = 12,
    double CutOutMs = 25,
    double HubHeightM = 20,
    IReadOnlyList<PowerCurvePoint>? PowerCurve = null) : Generator(Name, IsOn)
{
    public override string EnergyType => "wind";
    public override bool IsRenewable => true;

    public override void Validate(string path, ValidationErrors errors)
    {
        errors.NotBlank($"{path}.name", Name, "generator name");
        errors.Positive($"{path}.ratedKw", RatedKw, "kW");
        errors.Range($"{path}.cutInMs", CutInMs, 0, 20, "m/s");
        errors.Range($"{path}.ratedSpeedMs", RatedSpeedMs, 1, 40, "m/s");
        errors.Range($"{path}.cutOutMs", CutOutMs, 1, 60, "m/s");
        errors.Range($"{path}.hubHeightM", HubHeightM, 2, 200, "m");
        if (!(CutInMs < RatedSpeedMs && RatedSpeedMs <= CutOutMs))
        {
            errors.Add($"{path}", $"speeds must rise: cut-in {CutInMs} < rated {RatedSpeedMs} ≤ cut-out {CutOutMs} m/s", "order cutInMs < ratedSpeedMs ≤ cutOutMs");
        }
        if (PowerCurve is { } curve)
        {
            for (int i = 0; i < curve.Count; i++)
            {
                errors.NonNegative($"{path}.powerCurve[{i}].speedMs", curve[i].SpeedMs, "m/s");
                errors.NonNegative($"{path}.powerCurve[{i}].powerKw", curve[i].PowerKw, "kW");
                if (i > 0 && curve[i].SpeedMs <= curve[i - 1].SpeedMs)
                {
                    errors.Add($"{path}.powerCurve[{i}].speedMs", "speeds must strictly increase along the curve", "sort the points by speed and drop duplicates");
                }
            }
            if (curve.Count < 2)
            {
                errors.Add($"{path}.powerCurve", "needs at least two points", "give (speedMs, powerKw) points from the turbine's datasheet");
            }
        }
    }
}

/// <summary>One point of a turbine power curve: wind speed at hub height (m/s) → electrical output (kW).</summary>
public sealed record PowerCurvePoint(double SpeedMs, double PowerKw);

/// <summary>
/// A dispatchable backup generator (diesel, gas). Runs only when it is cheaper than the grid or the grid cannot
/// supply; never below <see cref="MinLoadFraction"/> × rated while running; each kWh costs
/// <see cref="FuelCostPerKwh"/> (currency/kWh) and emits <see cref="EmissionsKgPerKwh"/> kg CO₂.
/// </summary>
public sealed record DispatchableGenerator(
    string Name,
    bool IsOn,
    double RatedKw,
    double MinLoadFraction,
    decimal FuelCostPerKwh,
    double EmissionsKgPerKwh = 0.8) : Generator(Name, IsOn)
{
    public override string EnergyType => "fossil";
    public override bool IsRenewable => false;

    public override void Validate(string path, ValidationErrors errors)
    {
        errors.NotBlank($"{path}.name", Name, "generator name");
        errors.Positive($"{path}.ratedKw", RatedKw, "kW");
        errors.Fraction($"{path}.minLoadFraction", MinLoadFraction);
        if (FuelCostPerKwh < 0 || FuelCostPerKwh > 100)
        {
            errors.Add($"{path}.fuelCostPerKwh", $"must be between 0 and 100 currency units per kWh (got {FuelCostPerKwh})", "give the fuel cost per kWh of electricity produced");
        }
        errors.Range($"{path}.emissionsKgPerKwh", EmissionsKgPerKwh, 0, 5, "kg CO₂/kWh");
    }
}

/// <summary>A generator whose output follows a measured profile, scaled by <see cref="Scale"/>.</summary>
public sealed record ProfileGenerator(string Name, bool IsOn, string ProfileId, double Scale = 1.0, string Type = "other", bool Renewable = true) : Generator(Name, IsOn)
{
    public override string EnergyType => Type;
    public override bool IsRenewable => Renewable;

    public override void Validate(string path, ValidationErrors errors)
    {
        errors.NotBlank($"{path}.name", Name, "generator name");
        errors.NotBlank($"{path}.profile", ProfileId, "profile name");
        errors.NonNegative($"{path}.scale", Scale, "(a multiplier)");
    }
}
