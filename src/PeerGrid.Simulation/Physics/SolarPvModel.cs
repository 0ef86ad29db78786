using System.Runtime.CompilerServices;
using PeerGrid.Domain.Households;

namespace PeerGrid.Simulation.Physics;

/// <summary>
/// Everything about one PV array that does not change from slot to slot, precomputed by
/// <see cref="SolarPvModel.Prepare"/> so the per-slot evaluation needs no trigonometry.
/// </summary>
public readonly struct PvCoefficients
{
    internal PvCoefficients(double normalEast, double normalNorth, double normalUp, double skyViewFactor, double groundReflectance,
        double kwPerWm2, double temperatureCoefficientPerC, double skyDiffuseTransmittance, double groundTransmittance)
    {
        NormalEast = normalEast;
        NormalNorth = normalNorth;
        NormalUp = normalUp;
        SkyViewFactor = skyViewFactor;
        GroundReflectance = groundReflectance;
        KwPerWm2 = kwPerWm2;
        TemperatureCoefficientPerC = temperatureCoefficientPerC;
        SkyDiffuseTransmittance = skyDiffuseTransmittance;
        GroundTransmittance = groundTransmittance;
    }

    /// <summary>Unit normal of the panel surface in East–North–Up axes.</summary>
    public double NormalEast { get; }

    /// <inheritdoc cref="NormalEast"/>
    public double NormalNorth { get; }

    /// <inheritdoc cref="NormalEast"/>
    public double NormalUp { get; }

    /// <summary>Share of the isotropic sky dome the panel sees, (1 + cos tilt)/2.</summary>
    public double SkyViewFactor { get; }

    /// <summary>Albedo × share of the ground the panel sees, albedo·(1 − cos tilt)/2; multiplies GHI.</summary>
    public double GroundReflectance { get; }

    /// <summary>DC-to-AC output per W/m² of plane-of-array irradiance at 25 °C cell temperature, kW per W/m²:
    /// kWp × (1 − losses) ÷ 1000; 0 when the array is switched off.</summary>
    public double KwPerWm2 { get; }

    /// <summary>Relative power change per °C of cell temperature above 25 °C (negative for silicon).</summary>
    public double TemperatureCoefficientPerC { get; }

    /// <summary>Incidence-angle modifier (0 … 1) for isotropic sky diffuse light: the share not reflected by the glass.</summary>
    public double SkyDiffuseTransmittance { get; }

    /// <summary>Incidence-angle modifier (0 … 1) for ground-reflected light, which arrives at grazing angles.</summary>
    public double GroundTransmittance { get; }
}

/// <summary>
/// PV output: Hay–Davies plane-of-array irradiance, ASHRAE reflection losses, Faiman cell temperature, linear
/// temperature derating (docs/physics.md). <see cref="EnergyKwh"/> is the per-household, per-slot hot path: about
/// twenty flops, one division, no trigonometry and no allocation — safe to benchmark with BenchmarkDotNet's MemoryDiagnoser
/// expecting 0 B.
/// </summary>
public static class SolarPvModel
{
    /// <summary>Faiman (2008) constant heat-loss coefficient, W/(m²·K), fitted on open-rack silicon modules.</summary>
    public const double FaimanU0 = 25.0;

    /// <summary>Faiman (2008) wind-dependent heat-loss coefficient, W·s/(m³·K).</summary>
    public const double FaimanU1 = 6.84;

    /// <summary>ASHRAE incidence-angle-modifier coefficient for glass-covered modules (Souka &amp; Safwat 1966).</summary>
    public const double AshraeB0 = 0.05;

    private const double DegToRad = Math.PI / 180.0;

    /// <summary>
    /// Precomputes an array's geometry and ratings. Tilt 0 = horizontal, 90 = vertical; azimuth in degrees
    /// clockwise from north (180 = facing south, so a southern-hemisphere roof facing the equator has 0).
    /// <paramref name="albedo"/> is the ground's reflectance (0 … 1; 0.2 for grass and roofs).
    /// </summary>
    public static PvCoefficients Prepare(SolarPv pv, double albedo = 0.2)
    {
        ArgumentNullException.ThrowIfNull(pv);
        ArgumentOutOfRangeException.ThrowIfLessThan(albedo, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(albedo, 1.0);
        double tilt = pv.TiltDegrees * DegToRad;
        double azimuth = pv.AzimuthDegrees * DegToRad;
        double cosTilt = Math.Cos(tilt);
        double sinTilt = Math.Sin(tilt);
        double kwPerWm2 = pv.IsOn ? pv.PeakKw * (1.0 - pv.SystemLosses) / 1000.0 : 0.0;
        return new PvCoefficients(
            normalEast: sinTilt * Math.Sin(azimuth),
            normalNorth: sinTilt * Math.Cos(azimuth),
            normalUp: cosTilt,
            skyViewFactor: 0.5 * (1.0 + cosTilt),
            groundReflectance: albedo * 0.5 * (1.0 - cosTilt),
            kwPerWm2: kwPerWm2,
            temperatureCoefficientPerC: pv.TemperatureCoefficientPerC,
            skyDiffuseTransmittance: IncidenceAngleModifier(Math.Cos(EffectiveSkyIncidenceDegrees(pv.TiltDegrees) * DegToRad)),
            groundTransmittance: IncidenceAngleModifier(Math.Cos(EffectiveGroundIncidenceDegrees(pv.TiltDegrees) * DegToRad)));
    }

    /// <summary>
    /// Energy (kWh, ≥ 0) the array delivers in <paramref name="slot"/> of <paramref name="slotHours"/> hours.
    /// Hot path: no allocation, no trigonometry, one division.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double EnergyKwh(in PvCoefficients c, WeatherSeries w, int slot, double slotHours)
    {
        Irradiance(c, w, slot, out double poa, out double transmitted);
        // Faiman, fed the 10 m wind: faster than at module height, so cells run a little cool (≈ 1–2 K at high irradiance).
        double cellTempC = w.AirTempC[slot] + (poa / (FaimanU0 + (FaimanU1 * w.WindSpeed10mMs[slot])));
        double kw = c.KwPerWm2 * transmitted * (1.0 + (c.TemperatureCoefficientPerC * (cellTempC - 25.0)));
        return Math.Max(kw, 0.0) * slotHours;
    }

    /// <summary>
    /// Plane-of-array irradiance, W/m², by Hay &amp; Davies (1980): beam × cos(angle of incidence), the
    /// circumsolar share of diffuse projected like beam, the rest of the diffuse isotropic × sky view factor, and
    /// ground-reflected GHI. With zero circumsolar arrays it reduces to the isotropic Liu &amp; Jordan model.
    /// Before reflection losses at the glass (which <see cref="EnergyKwh"/> applies).
    /// </summary>
    public static double PlaneOfArrayWm2(in PvCoefficients c, WeatherSeries w, int slot)
    {
        Irradiance(c, w, slot, out double poa, out _);
        return poa;
    }

    /// <summary>Plane-of-array irradiance (W/m²) and the part of it that gets through the glass (W/m²).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Irradiance(in PvCoefficients c, WeatherSeries w, int slot, out double poa, out double transmitted)
    {
        double cosIncidence = (c.NormalEast * w.SunEast[slot]) + (c.NormalNorth * w.SunNorth[slot]) + (c.NormalUp * w.SunUp[slot]);
        double dhi = w.DhiWm2[slot];
        // Beam plus the circumsolar part of diffuse, which Hay–Davies projects like beam (W/m² normal to the sun).
        double beamLike = w.DniWm2[slot] + (dhi * w.CircumsolarPerCosZenith[slot]);
        double isotropicSky = dhi * (1.0 - w.CircumsolarShare[slot]) * c.SkyViewFactor;
        double ground = w.GhiWm2[slot] * c.GroundReflectance;
        poa = (beamLike * Math.Max(cosIncidence, 0.0)) + isotropicSky + ground;
        // ASHRAE IAM times cos θ is (1 + b0)·cos θ − b0: reflection losses without a division.
        double beamTransmitted = Math.Max(((1.0 + AshraeB0) * cosIncidence) - AshraeB0, 0.0);
        transmitted = (beamLike * beamTransmitted) + (isotropicSky * c.SkyDiffuseTransmittance) + (ground * c.GroundTransmittance);
    }

    /// <summary>ASHRAE incidence-angle modifier 1 − b0·(1/cos θ − 1), clamped to 0 … 1.</summary>
    internal static double IncidenceAngleModifier(double cosIncidence) =>
        cosIncidence <= AshraeB0 / (1.0 + AshraeB0) ? 0.0 : Math.Clamp(1.0 - (AshraeB0 * ((1.0 / cosIncidence) - 1.0)), 0.0, 1.0);

    // Brandemuehl & Beckman (1980), via Duffie & Beckman §5.4: the single incidence angle with the same
    // transmittance as isotropic sky diffuse / ground-reflected light on a surface tilted β degrees.
    private static double EffectiveSkyIncidenceDegrees(double tiltDegrees) =>
        59.7 - (0.1388 * tiltDegrees) + (0.001497 * tiltDegrees * tiltDegrees);

    private static double EffectiveGroundIncidenceDegrees(double tiltDegrees) =>
        90.0 - (0.5788 * tiltDegrees) + (0.002693 * tiltDegrees * tiltDegrees);
}
