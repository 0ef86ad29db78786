namespace PeerGrid.Simulation.Physics;

/// <summary>
/// The few special functions the weather model needs and .NET lacks, written out so results do not depend on a
/// library's implementation.
/// </summary>
internal static class SpecialFunctions
{
    private const double InvSqrt2 = 0.70710678118654752440;

    /// <summary>
    /// Complementary error function, Chebyshev fit from Press et al., Numerical Recipes (2nd ed.) §6.2,
    /// fractional error below 1.2e-7 everywhere — ample for turning Gaussian deviates into probabilities.
    /// </summary>
    public static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1.0 / (1.0 + (0.5 * z));
        double poly = -1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806
            + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        double ans = t * Math.Exp((-z * z) + poly);
        return x >= 0 ? ans : 2.0 - ans;
    }

    /// <summary>P(Z ≤ z) for a standard normal Z.</summary>
    public static double NormalCdf(double z) => 0.5 * Erfc(-z * InvSqrt2);

    /// <summary>
    /// P(Z &gt; z) for a standard normal Z, computed directly so the upper tail keeps its relative precision
    /// (1 − Φ(z) would cancel to 0 for large z).
    /// </summary>
    public static double NormalUpperTail(double z) => 0.5 * Erfc(z * InvSqrt2);

    /// <summary>Γ(x) for x &gt; 0 by the Lanczos approximation (g = 7, 9 terms; relative error ≈ 1e-15).</summary>
    public static double Gamma(double x)
    {
        if (x < 0.5)
        {
            // Reflection keeps the series in its accurate range.
            return Math.PI / (Math.Sin(Math.PI * x) * Gamma(1.0 - x));
        }
        ReadOnlySpan<double> c =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7,
        ];
        double y = x - 1.0;
        double sum = c[0];
        for (int i = 1; i < c.Length; i++)
        {
            sum += c[i] / (y + i);
        }
        double t = y + 7.5;
        return Math.Sqrt(2.0 * Math.PI) * Math.Pow(t, y + 0.5) * Math.Exp(-t) * sum;
    }
}
