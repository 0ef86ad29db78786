using System.Runtime.CompilerServices;
using PeerGrid.Domain.Households;

namespace PeerGrid.Simulation.Physics;

/// <summary>
/// Everything about one wind turbine that does not change from slot to slot, precomputed by
/// <see cref="WindTurbineModel.Prepare"/>.
/// </summary>
public readonly struct WindCoefficients
{
    private readonly double[]? _curveSpeedsMs;
    private readonly double[]? _curvePowersKw;

    internal WindCoefficients(double hubHeightFactor, double cutInMs, double ratedSpeedMs, double cutOutMs, double ratedKw,
        double[]? curveSpeedsMs, double[]? curvePowersKw)
    {
        HubHeightFactor = hubHeightFactor;
        CutInMs = cutInMs;
        RatedSpeedMs = ratedSpeedMs;
        CutOutMs = cutOutMs;
        RatedKw = ratedKw;
        double span = (ratedSpeedMs * ratedSpeedMs * ratedSpeedMs) - (cutInMs * cutInMs * cutInMs);
        CubicKwPerMs3 = span > 0 ? ratedKw / span : 0.0;
        _curveSpeedsMs = curveSpeedsMs;
        _curvePowersKw = curvePowersKw;
    }

    /// <summary>Hub-height wind ÷ 10 m wind, (hub height / 10 m)^(1/7).</summary>
    public double HubHeightFactor { get; }

    /// <summary>Hub-height speed (m/s) below which the turbine produces nothing.</summary>
    public double CutInMs { get; }

    /// <summary>Hub-height speed (m/s) from which it produces <see cref="RatedKw"/>.</summary>
    public double RatedSpeedMs { get; }

    /// <summary>Hub-height speed (m/s) above which it shuts down.</summary>
    public double CutOutMs { get; }

    /// <summary>Rated electrical output, kW; 0 when the turbine is switched off.</summary>
    public double RatedKw { get; }

    /// <summary>a in P = a·(v³ − v_cut-in³), kW·s³/m³.</summary>
    public double CubicKwPerMs3 { get; }

    /// <summary>True when a measured power curve replaces the cubic model.</summary>
    public bool HasPowerCurve => _curveSpeedsMs is not null;

    internal double[]? CurveSpeedsMs => _curveSpeedsMs;

    internal double[]? CurvePowersKw => _curvePowersKw;
}

/// <summary>
/// Wind-turbine output from the location's 10 m wind: scaled to hub height by the 1/7 power law, then through
/// the turbine's power curve. <see cref="EnergyKwh"/> is a hot path: no allocation (0 B under BenchmarkDotNet's
/// MemoryDiagnoser).
/// </summary>
public static class WindTurbineModel
{
    /// <summary>Wind-shear exponent of the power law (neutral stability, open terrain).</summary>
    public const double ShearExponent = 1.0 / 7.0;

    /// <summary>Height of <see cref="WeatherSeries.WindSpeed10mMs"/>, m.</summary>
    public const double ReferenceHeightM = 10.0;

    /// <summary>
    /// Precomputes the hub-height factor and the power curve. Without <see cref="WindTurbine.PowerCurve"/> the
    /// output is 0 below cut-in, RatedKw·(v³ − v_in³)/(v_rated³ − v_in³) up to rated speed, RatedKw up to cut-out
    /// (inclusive) and 0 above. With a curve, its points are interpolated linearly and the curve alone decides:
    /// 0 below its first and above its last point.
    /// </summary>
    public static WindCoefficients Prepare(WindTurbine turbine)
    {
        ArgumentNullException.ThrowIfNull(turbine);
        double hubFactor = Math.Pow(turbine.HubHeightM / ReferenceHeightM, ShearExponent);
        double ratedKw = turbine.IsOn ? turbine.RatedKw : 0.0;
        double[]? speeds = null, powers = null;
        if (turbine.PowerCurve is { Count: >= 2 } curve)
        {
            speeds = new double[curve.Count];
            powers = new double[curve.Count];
            for (int i = 0; i < curve.Count; i++)
            {
                if (i > 0 && curve[i].SpeedMs <= curve[i - 1].SpeedMs)
                {
                    throw new ArgumentException("Power-curve speeds must strictly increase.", nameof(turbine));
                }
                speeds[i] = curve[i].SpeedMs;
                powers[i] = turbine.IsOn ? Math.Max(curve[i].PowerKw, 0.0) : 0.0;
            }
        }
        return new WindCoefficients(hubFactor, turbine.CutInMs, turbine.RatedSpeedMs, turbine.CutOutMs, ratedKw, speeds, powers);
    }

    /// <summary>Energy (kWh, ≥ 0) in <paramref name="slot"/> of <paramref name="slotHours"/> hours.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double EnergyKwh(in WindCoefficients c, WeatherSeries w, int slot, double slotHours)
        => PowerKw(c, w.WindSpeed10mMs[slot] * c.HubHeightFactor) * slotHours;

    /// <summary>Electrical output, kW, at hub-height wind speed <paramref name="hubSpeedMs"/> (m/s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double PowerKw(in WindCoefficients c, double hubSpeedMs)
    {
        double v = hubSpeedMs;
        if (c.CurveSpeedsMs is { } speeds)
        {
            return Interpolate(speeds, c.CurvePowersKw!, v);
        }
        if (v < c.CutInMs || v > c.CutOutMs)
        {
            return 0.0;
        }
        if (v >= c.RatedSpeedMs)
        {
            return c.RatedKw;
        }
        double cutIn = c.CutInMs;
        return c.CubicKwPerMs3 * ((v * v * v) - (cutIn * cutIn * cutIn));
    }

    private static double Interpolate(double[] speeds, double[] powers, double v)
    {
        int last = speeds.Length - 1;
        if (v < speeds[0] || v > speeds[last])
        {
            return 0.0;
        }
        // Binary search for the segment [speeds[lo], speeds[lo + 1]] holding v.
        int lo = 0, hi = last;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >>> 1;
            if (speeds[mid] <= v)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        double f = (v - speeds[lo]) / (speeds[hi] - speeds[lo]);
        return powers[lo] + ((powers[hi] - powers[lo]) * f);
    }
}
