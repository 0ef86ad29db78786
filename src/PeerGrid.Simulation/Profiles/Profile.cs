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
    {
        Id = id;
        Step = step;
        EnergyKwh = energyKwh;
        IsDaily = isDaily;
        FirstStepLocal = firstStepLocal;
    }

    public string Id { get; }
    public TimeSpan Step { get; }
    public double[] EnergyKwh { get; }
    public bool IsDaily { get; }

    /// <summary>Local start of the first step; null for daily (hh:mm) profiles, which start at 00:00.</summary>
    public DateTime? FirstStepLocal { get; }

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
