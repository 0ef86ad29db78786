namespace PeerGrid.Simulation.Profiles;

/// <summary>What the numbers in a profile's value column mean. Power units are mean power over the step.</summary>
public enum ProfileValueUnit
{
    /// <summary>Watts, mean power over the step (the default: what existing P2P simulator files use).</summary>
    Watt,

    /// <summary>Kilowatts, mean power over the step.</summary>
    Kilowatt,

    /// <summary>Watt-hours in the step (or, for cumulative columns, meter readings in Wh).</summary>
    WattHour,

    /// <summary>Kilowatt-hours in the step (or, for cumulative columns, meter readings in kWh).</summary>
    KilowattHour,
}

internal static class ProfileValueUnitExtensions
{
    public static bool IsEnergy(this ProfileValueUnit unit) => unit is ProfileValueUnit.WattHour or ProfileValueUnit.KilowattHour;

    /// <summary>The symbol users write: W, kW, Wh, kWh.</summary>
    public static string Symbol(this ProfileValueUnit unit) => unit switch
    {
        ProfileValueUnit.Watt => "W",
        ProfileValueUnit.Kilowatt => "kW",
        ProfileValueUnit.WattHour => "Wh",
        ProfileValueUnit.KilowattHour => "kWh",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown unit."),
    };

    /// <summary>kWh in a step of <paramref name="stepHours"/> hours for one value in this unit.</summary>
    public static double ToKwhPerStep(this ProfileValueUnit unit, double value, double stepHours) => unit switch
    {
        ProfileValueUnit.Watt => value / 1000.0 * stepHours,
        ProfileValueUnit.Kilowatt => value * stepHours,
        ProfileValueUnit.WattHour => value / 1000.0,
        ProfileValueUnit.KilowattHour => value,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown unit."),
    };
}
