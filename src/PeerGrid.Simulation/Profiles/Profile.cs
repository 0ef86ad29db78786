namespace PeerGrid.Simulation.Profiles;

/// <summary>
/// A measured or standard series, as energy per step: <see cref="EnergyKwh"/>[i] is the energy (kWh, ≥ 0 for
/// loads and generation) in the step starting at <see cref="FirstStepLocal"/> + i × <see cref="Step"/>.
/// A profile shorter than the run repeats: <see cref="IsDaily"/> profiles (hh:mm files) repeat every local
/// day; dated ones repeat with their own length. See <c>ProfileResampler</c> for alignment.
/// </summary>
public sealed class Profile
{
    public Profile(string id, TimeSpan step, double[] energyKwh, bool isDaily, DateTime? firstStepLocal)
        : this(id, step, energyKwh, isDaily, firstStepLocal, firstStepUtcOffset: null)
    {
    }

    /// <summary>A profile whose source timestamps carried a UTC offset (see <see cref="FirstStepUtcOffset"/>); null for none.</summary>
    public Profile(string id, TimeSpan step, double[] energyKwh, bool isDaily, DateTime? firstStepLocal, TimeSpan? firstStepUtcOffset)
    {
        Id = id;
        Step = step;
        EnergyKwh = energyKwh;
        IsDaily = isDaily;
        FirstStepLocal = firstStepLocal;
        FirstStepUtcOffset = firstStepUtcOffset;
    }

    public string Id { get; }
    public TimeSpan Step { get; }
    public double[] EnergyKwh { get; }
    public bool IsDaily { get; }

    /// <summary>Local start of the first step; null for daily (hh:mm) profiles, which start at 00:00.</summary>
    public DateTime? FirstStepLocal { get; }

    /// <summary>
    /// UTC offset of <see cref="FirstStepLocal"/> when the source's timestamps carried one (<c>Z</c>, <c>+02:00</c>):
    /// the steps are then evenly spaced in absolute time and the profile is placed by instant. Null for
    /// wall-clock profiles (daily ones, and dated ones written without an offset), which are placed by local time.
    /// </summary>
    public TimeSpan? FirstStepUtcOffset { get; }

    /// <summary>Length of the series (<see cref="EnergyKwh"/>.Length × <see cref="Step"/>): the period it repeats with.</summary>
    public TimeSpan Duration => Step * EnergyKwh.Length;

    public double TotalKwh
    {
        get
        {
            double sum = 0;
            foreach (double e in EnergyKwh)
            {
                sum += e;
            }
            return sum;
        }
    }
}
