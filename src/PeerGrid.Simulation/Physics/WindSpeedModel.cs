using PeerGrid.Simulation.Randomness;

namespace PeerGrid.Simulation.Physics;

/// <summary>
/// Wind speed at 10 m: a stationary Gaussian AR(1) process mapped through its probability onto the climate's
/// Weibull distribution (a Gaussian copula), so the marginal distribution is exactly Weibull(mean, k) while
/// consecutive slots stay correlated as real wind does. The AR coefficient per slot is exp(−Δt/τ), so the
/// correlation over an hour is the same for 1- and 60-minute slots. A mild diurnal modulation (peak in the
/// early afternoon, when daytime mixing brings momentum down to 10 m) averages to 1 over the day.
/// </summary>
internal static class WindSpeedModel
{
    /// <summary>e-folding time of the wind anomaly, hours (hour-to-hour correlation ≈ 0.85).</summary>
    public const double TimescaleHours = 6.0;

    /// <summary>Relative amplitude of the diurnal cycle.</summary>
    public const double DiurnalAmplitude = 0.15;

    /// <summary>Solar hour of the diurnal peak.</summary>
    public const double PeakHourSolar = 14.0;

    /// <summary>Weibull scale c, m/s, for a mean speed and shape k: mean = c·Γ(1 + 1/k).</summary>
    public static double WeibullScale(double meanMs, double shapeK) => meanMs / SpecialFunctions.Gamma(1.0 + (1.0 / shapeK));

    /// <summary>Fills <paramref name="speedMs"/> (m/s) for slots of <paramref name="slotHours"/> at the given solar hours.</summary>
    public static void Fill(Span<double> speedMs, ReadOnlySpan<double> solarHour, double slotHours, double meanMs, double shapeK, DeterministicRandom random)
    {
        double scale = WeibullScale(meanMs, shapeK);
        double inverseK = 1.0 / shapeK;
        double rho = Math.Exp(-slotHours / TimescaleHours);
        double innovation = Math.Sqrt(1.0 - (rho * rho));
        double z = random.NextGaussian();
        for (int s = 0; s < speedMs.Length; s++)
        {
            if (s > 0)
            {
                z = (rho * z) + (innovation * random.NextGaussian());
            }
            // Weibull quantile from the upper-tail probability keeps precision for gusty extremes.
            double survival = Math.Max(SpecialFunctions.NormalUpperTail(z), 1e-300);
            double weibull = scale * Math.Pow(-Math.Log(survival), inverseK);
            double diurnal = 1.0 + (DiurnalAmplitude * Math.Cos(2.0 * Math.PI * (solarHour[s] - PeakHourSolar) / 24.0));
            speedMs[s] = weibull * diurnal;
        }
    }
}
