namespace PeerGrid.Simulation.Profiles;

/// <summary>
/// Standard load profiles built into the engine. H25 is the BDEW 2025 household profile (data from
/// oemof/demandlib, MIT, © DLR / Patrik Schönfeldt; see Profiles/Data/NOTICE.md); turn it into per-slot energy
/// with <see cref="ProfileResampler.StandardH25"/>.
/// </summary>
public static class StandardProfiles
{
    /// <summary>The id scenarios use for the built-in H25 household profile.</summary>
    public const string H25Id = "bdew-h25";

    private const string H25Resource = "PeerGrid.Profiles.h25.csv";

    private static readonly Lazy<BdewProfileTable> H25Table = new(() => LoadTable(H25Resource, "h25.csv"));

    /// <summary>The published H25 table: kWh per quarter-hour for 1,000,000 kWh/a, not yet dynamised.</summary>
    public static BdewProfileTable H25 => H25Table.Value;

    /// <summary>
    /// The BDEW dynamisation factor for day of year <paramref name="dayOfYear"/> (1 … 366):
    /// f(d) = −3.92e−10·d⁴ + 3.2e−7·d³ − 7.02e−5·d² + 0.0021·d + 1.24 (≈ 1.24 in January, ≈ 0.8 in summer).
    /// </summary>
    public static double H25DynamicFactor(int dayOfYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dayOfYear, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dayOfYear, 366);
        double d = dayOfYear;
        return ((((((-3.92e-10 * d) + 3.2e-7) * d) - 7.02e-5) * d) + 0.0021) * d + 1.24;
    }

    private static BdewProfileTable LoadTable(string resource, string name)
    {
        using Stream stream = typeof(StandardProfiles).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded profile {resource} is missing from the build.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return BdewProfileTable.Parse(reader, name);
    }
}
