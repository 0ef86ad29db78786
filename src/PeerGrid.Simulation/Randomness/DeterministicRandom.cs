namespace PeerGrid.Simulation.Randomness;

/// <summary>
/// xoshiro256** (Blackman &amp; Vigna, 2018) seeded through SplitMix64: fast, small state, and fully specified
/// here, so a run's random numbers depend only on (seed, stream) and not on the .NET version's
/// <see cref="System.Random"/>. Each consumer derives its own stream (<see cref="For(ulong, ulong, ulong)"/>),
/// so adding a household or a generator never shifts another's numbers.
/// </summary>
public struct DeterministicRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public DeterministicRandom(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>An independent stream for (run seed, purpose, index), e.g. (seed, Streams.Weather, locationIndex).</summary>
    public static DeterministicRandom For(ulong seed, ulong purpose, ulong index = 0)
    {
        unchecked
        {
            ulong x = seed ^ 0x9E3779B97F4A7C15UL;
            ulong h = SplitMix64(ref x);
            x = h ^ (purpose * 0xBF58476D1CE4E5B9UL);
            h = SplitMix64(ref x);
            x = h ^ (index * 0x94D049BB133111EBUL);
            return new DeterministicRandom(SplitMix64(ref x));
        }
    }

    public ulong NextULong()
    {
        unchecked
        {
            ulong result = RotL(_s1 * 5, 7) * 9;
            ulong t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotL(_s3, 45);
            return result;
        }
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [min, max).</summary>
    public double NextDouble(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>Uniform integer in [0, maxExclusive), without modulo bias (Lemire 2019, multiply-shift with rejection).</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        unchecked
        {
            // Truncating casts are the algorithm: the low 32 bits decide rejection, the high 32 bits are the result.
            ulong range = (ulong)maxExclusive;
            ulong product = (NextULong() >> 32) * range;
            if ((uint)product < range)
            {
                ulong threshold = (0x1_0000_0000UL - range) % range;
                while ((uint)product < threshold)
                {
                    product = (NextULong() >> 32) * range;
                }
            }
            return (int)(product >> 32);
        }
    }

    /// <summary>Standard normal deviate (Box–Muller; one of the pair is discarded to keep the state simple).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static ulong RotL(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix64(ref ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            ulong z = x;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}

/// <summary>Stream purposes for <see cref="DeterministicRandom.For"/>; never renumber (it would change every run).</summary>
public static class Streams
{
    public const ulong Weather = 1;
    public const ulong HouseholdVariation = 2;
    public const ulong Wind = 3;
    public const ulong Appliances = 4;
}
