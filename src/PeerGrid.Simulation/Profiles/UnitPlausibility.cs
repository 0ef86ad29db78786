using static PeerGrid.Simulation.Profiles.ProfileCsvErrors;

namespace PeerGrid.Simulation.Profiles;

/// <summary>
/// Catches a profile written in another unit than declared, by the mean power its values imply over a step.
/// Profiles here are household-scale (the engine multiplies them per household), so a file declared in W whose
/// values never reach 10 W and average under 2 W is almost surely in kW, and one declared in kW or kWh implying
/// more than 1 MW at peak or 100 kW on average is almost surely in W. Absolute values, so net meters count too.
/// </summary>
internal static class UnitPlausibility
{
    private const double LooksKiloBelowMaxW = 10;
    private const double LooksKiloBelowMeanW = 2;
    private const double LooksWattAboveMaxKw = 1000;
    private const double LooksWattAboveMeanKw = 100;

    /// <summary>
    /// Throws when <paramref name="values"/> (per step, in the declared unit; for cumulative columns the differences)
    /// look like another unit, naming the line (from <paramref name="lines"/>) of the largest value.
    /// </summary>
    public static void Check(double[] values, int[] lines, ProfileValueUnit unit, TimeSpan step, string source)
    {
        double stepHours = step.TotalHours;
        int largest = 0;
        double sumAbs = 0;
        for (int i = 0; i < values.Length; i++)
        {
            sumAbs += Math.Abs(values[i]);
            if (Math.Abs(values[i]) > Math.Abs(values[largest]))
            {
                largest = i;
            }
        }
        double maxRaw = Math.Abs(values[largest]);
        double meanRaw = sumAbs / values.Length;
        double maxKw = unit.ToKwhPerStep(maxRaw, stepHours) / stepHours;
        double meanKw = unit.ToKwhPerStep(meanRaw, stepHours) / stepHours;
        string symbol = unit.Symbol();
        string perStep = unit.IsEnergy() ? Invariant($" per {step.TotalMinutes}-min step") : string.Empty;
        if (unit is ProfileValueUnit.Watt or ProfileValueUnit.WattHour)
        {
            if (maxKw > 0 && maxKw * 1000 < LooksKiloBelowMaxW && meanKw * 1000 < LooksKiloBelowMeanW)
            {
                string kilo = unit == ProfileValueUnit.Watt ? "kW" : "kWh";
                throw new ProfileFormatException(source, lines[largest],
                    $"the values look like {kilo}, not {symbol}: the largest is {Number(maxRaw)} {symbol}{perStep} and the mean {Number(meanRaw)} {symbol}, too little for a household",
                    $"declare the unit as {kilo} (or, if they really are that small, turn off CheckUnitPlausibility)");
            }
            return;
        }
        if (maxKw > LooksWattAboveMaxKw || meanKw > LooksWattAboveMeanKw)
        {
            string looksLike = unit == ProfileValueUnit.Kilowatt ? "W" : "W or Wh";
            string implied = unit == ProfileValueUnit.Kilowatt ? string.Empty : $" ({Number(maxKw)} kW)";
            string fix = unit == ProfileValueUnit.Kilowatt
                ? "declare the unit as W"
                : "declare the unit as W (mean power) or Wh (energy per step)";
            throw new ProfileFormatException(source, lines[largest],
                $"the values look like {looksLike}, not {symbol}: the largest is {Number(maxRaw)} {symbol}{perStep}{implied} and the mean {Number(meanRaw)} {symbol}, far more than a household draws",
                $"{fix} (or, if they really are that large, turn off CheckUnitPlausibility)");
        }
    }
}
