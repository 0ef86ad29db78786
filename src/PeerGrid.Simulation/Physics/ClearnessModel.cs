namespace PeerGrid.Simulation.Physics;

/// <summary>
/// How cloudy each day and each slot is. A day's clearness index K_d (daily global ÷ extraterrestrial horizontal
/// irradiation) follows the Bendt, Collares-Pereira &amp; Rabl (1981) distribution — a truncated exponential on
/// [<see cref="MinDailyClearness"/>, that day's clear-sky clearness] whose mean is the month's normal — so dull
/// climates get mostly overcast days and sunny ones mostly clear days, as measured. Within the day the
/// clear-sky profile is modulated by a short-memory log-normal cloud factor and rescaled so the day's total is
/// exactly K_d × extraterrestrial.
/// </summary>
internal static class ClearnessModel
{
    /// <summary>Lower end of the daily K_T distribution (Bendt et al. 1981).</summary>
    public const double MinDailyClearness = 0.05;

    /// <summary>
    /// Lag-1 correlation of the latent daily Gaussian: weather regimes persist a few days (observed lag-1
    /// autocorrelations of daily K_T are ≈ 0.2–0.4, Aguiar et al. 1988).
    /// </summary>
    public const double DayToDayCorrelation = 0.35;

    /// <summary>e-folding time of the intraday cloud factor, hours.</summary>
    public const double IntradayTimescaleHours = 1.0;

    /// <summary>Largest log-standard deviation of the intraday cloud factor (reached on half-clear days).</summary>
    public const double MaxIntradaySigma = 0.45;

    /// <summary>Clear-sky global horizontal irradiance, W/m², after Haurwitz (1945): 1098·cosZ·exp(−0.057/cosZ).
    /// Its exponential is the air-mass (low-sun) attenuation.</summary>
    public static double ClearSkyGhiWm2(double cosZenith) =>
        cosZenith <= 0 ? 0.0 : 1098.0 * cosZenith * Math.Exp(-0.057 / cosZenith);

    /// <summary>
    /// The <paramref name="quantile"/> (0 … 1) of the Bendt distribution with mean <paramref name="monthlyMean"/>
    /// truncated to [<see cref="MinDailyClearness"/>, <paramref name="clearSkyClearness"/>].
    /// </summary>
    public static double DailyClearness(double monthlyMean, double clearSkyClearness, double quantile)
    {
        double lo = MinDailyClearness;
        double hi = Math.Max(clearSkyClearness, lo + 1e-3);
        // A month whose normal exceeds what clear skies allow that day (only near the polar night) gets clear days.
        double relativeMean = Math.Clamp((monthlyMean - lo) / (hi - lo), 0.02, 0.98);
        double t = SolveShape(relativeMean);
        double q = Math.Abs(t) < 1e-9 ? quantile : Math.Log(1.0 + (quantile * (Math.Exp(t) - 1.0))) / t;
        return lo + ((hi - lo) * Math.Clamp(q, 0.0, 1.0));
    }

    /// <summary>Log-standard deviation of the intraday cloud factor for a day at clear-sky index
    /// <paramref name="clearSkyIndex"/> (0 … 1): overcast and clear days are steady, broken-cloud days are not.</summary>
    public static double IntradaySigma(double clearSkyIndex)
    {
        double x = Math.Clamp(clearSkyIndex, 0.0, 1.0);
        return MaxIntradaySigma * 4.0 * x * (1.0 - x);
    }

    /// <summary>
    /// Fills <paramref name="ghi"/> with min(λ·clearSky·factor, clearSky), choosing λ so the sum equals
    /// <paramref name="targetSum"/> (same units as the inputs); if the target is at or above the clear-sky sum the
    /// day is simply clear.
    /// </summary>
    public static void ShapeDay(ReadOnlySpan<double> clearSky, ReadOnlySpan<double> factor, double targetSum, Span<double> ghi)
    {
        double clearSum = 0.0, rawSum = 0.0;
        for (int i = 0; i < clearSky.Length; i++)
        {
            clearSum += clearSky[i];
            rawSum += clearSky[i] * factor[i];
        }
        if (targetSum <= 0.0 || rawSum <= 0.0)
        {
            ghi[..clearSky.Length].Clear();
            return;
        }
        if (targetSum >= clearSum)
        {
            clearSky.CopyTo(ghi);
            return;
        }
        // Σ min(λ·r, c) rises monotonically from 0 to clearSum; bracket and bisect.
        double lo = 0.0, hi = targetSum / rawSum;
        for (int doubling = 0; doubling < 200 && CappedSum(clearSky, factor, hi) < targetSum; doubling++)
        {
            lo = hi;
            hi *= 2.0;
        }
        for (int iteration = 0; iteration < 60 && hi - lo > 1e-12 * hi; iteration++)
        {
            double mid = 0.5 * (lo + hi);
            if (CappedSum(clearSky, factor, mid) < targetSum)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        for (int i = 0; i < clearSky.Length; i++)
        {
            ghi[i] = Math.Min(hi * clearSky[i] * factor[i], clearSky[i]);
        }
    }

    private static double CappedSum(ReadOnlySpan<double> clearSky, ReadOnlySpan<double> factor, double lambda)
    {
        double sum = 0.0;
        for (int i = 0; i < clearSky.Length; i++)
        {
            sum += Math.Min(lambda * clearSky[i] * factor[i], clearSky[i]);
        }
        return sum;
    }

    // Density ∝ exp(t·q) on q ∈ [0, 1] has mean 1/(1 − e^−t) − 1/t; find t for the wanted mean (monotone in t).
    private static double SolveShape(double relativeMean)
    {
        double lo = -600.0, hi = 600.0;
        for (int iteration = 0; iteration < 100; iteration++)
        {
            double mid = 0.5 * (lo + hi);
            if (TruncatedExponentialMean(mid) < relativeMean)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static double TruncatedExponentialMean(double t) =>
        Math.Abs(t) < 1e-4 ? 0.5 + (t / 12.0) : (1.0 / (1.0 - Math.Exp(-t))) - (1.0 / t);
}
