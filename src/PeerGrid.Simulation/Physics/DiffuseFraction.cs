namespace PeerGrid.Simulation.Physics;

/// <summary>
/// Diffuse share of global horizontal irradiance from the clearness index, after Erbs, Klein &amp; Duffie (1982):
/// one-parameter, fitted on hourly data from five US stations, and the usual default (PVGIS-era tools, pvlib)
/// when only GHI is known.
/// </summary>
internal static class DiffuseFraction
{
    /// <summary>
    /// Below this cos(zenith) (sun lower than ≈ 3.7°) all light is counted as diffuse: (GHI − DHI)/cos Z is
    /// ill-conditioned there and the beam is negligible (the same guard as pvlib's <c>erbs</c>, min_cos_zenith = 0.065).
    /// </summary>
    public const double MinCosZenithForBeam = 0.065;

    /// <summary>DHI ÷ GHI (0.165 … 1) for a clearness index k_t = GHI ÷ extraterrestrial horizontal.</summary>
    public static double Erbs(double clearnessIndex)
    {
        double kt = clearnessIndex;
        if (kt <= 0.22)
        {
            return 1.0 - (0.09 * Math.Max(kt, 0.0));
        }
        if (kt <= 0.80)
        {
            return 0.9511 - (0.1604 * kt) + (4.388 * kt * kt) - (16.638 * kt * kt * kt) + (12.336 * kt * kt * kt * kt);
        }
        return 0.165;
    }
}
