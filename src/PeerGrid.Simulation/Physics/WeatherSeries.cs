namespace PeerGrid.Simulation.Physics;

/// <summary>
/// Weather for one location over a run, one value per slot (struct-of-arrays, length <see cref="SlotCount"/>),
/// computed once by <see cref="WeatherModel.Generate"/> and only read by the hot loop.
/// Sun vectors are at the slot's midpoint in local East–North–Up axes; irradiances are slot means.
/// </summary>
/// <remarks>
/// A series built by hand (e.g. for a test) may leave the Hay–Davies arrays at zero; the PV model then treats
/// the sky as isotropic (Liu &amp; Jordan), so GHI, DNI, DHI and the sun vector are all it needs.
/// </remarks>
public sealed class WeatherSeries
{
    /// <summary>Allocates all arrays, zero-filled, for <paramref name="slotCount"/> slots.</summary>
    public WeatherSeries(int slotCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slotCount);
        SlotCount = slotCount;
        SunEast = new double[slotCount];
        SunNorth = new double[slotCount];
        SunUp = new double[slotCount];
        GhiWm2 = new double[slotCount];
        DniWm2 = new double[slotCount];
        DhiWm2 = new double[slotCount];
        AirTempC = new double[slotCount];
        WindSpeed10mMs = new double[slotCount];
        CircumsolarShare = new double[slotCount];
        CircumsolarPerCosZenith = new double[slotCount];
    }

    /// <summary>Unit vector towards the sun at the slot midpoint: east component (positive towards east).</summary>
    public double[] SunEast { get; }

    /// <summary>Unit vector towards the sun at the slot midpoint: north component (positive towards north).</summary>
    public double[] SunNorth { get; }

    /// <summary>Unit vector towards the sun at the slot midpoint: up component = cos(zenith); ≤ 0 when the sun is
    /// below the horizon.</summary>
    public double[] SunUp { get; }

    /// <summary>Slot-mean global horizontal irradiance, W/m², ≥ 0.</summary>
    public double[] GhiWm2 { get; }

    /// <summary>Slot-mean direct normal irradiance, W/m², ≥ 0; 0 when the sun at the midpoint is within ≈ 3.7° of
    /// the horizon (all light is then counted as diffuse), so GHI = DNI·SunUp + DHI holds in every slot.</summary>
    public double[] DniWm2 { get; }

    /// <summary>Slot-mean diffuse horizontal irradiance, W/m², ≥ 0.</summary>
    public double[] DhiWm2 { get; }

    /// <summary>Air temperature, °C.</summary>
    public double[] AirTempC { get; }

    /// <summary>Wind speed at 10 m above ground, m/s, ≥ 0.</summary>
    public double[] WindSpeed10mMs { get; }

    /// <summary>Hay–Davies anisotropy index A = DNI ÷ extraterrestrial normal irradiance (0 … 1): the share of
    /// diffuse light treated as coming from the sun's direction.</summary>
    internal double[] CircumsolarShare { get; }

    /// <summary><see cref="CircumsolarShare"/> ÷ SunUp (0 where there is no beam), precomputed so the PV hot path
    /// needs no division for the circumsolar term.</summary>
    internal double[] CircumsolarPerCosZenith { get; }

    /// <summary>Number of slots; every array has this length.</summary>
    public int SlotCount { get; }
}
