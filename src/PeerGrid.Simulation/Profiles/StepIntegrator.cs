namespace PeerGrid.Simulation.Profiles;

/// <summary>
/// Integrates a series of energies per equal step, read as piecewise-constant power and repeated with its own
/// length: the energy over any interval is each overlapped step's energy times the overlapped fraction. Summing
/// adjacent intervals therefore conserves the series' energy whatever the step and interval lengths.
/// </summary>
internal sealed class StepIntegrator
{
    private readonly double[] _energyKwh;
    private readonly double _stepMinutes;

    public StepIntegrator(double[] energyKwh, double stepMinutes)
    {
        if (energyKwh.Length == 0 || !(stepMinutes > 0))
        {
            throw new ArgumentException("A profile needs at least one step of positive length.", nameof(energyKwh));
        }
        _energyKwh = energyKwh;
        _stepMinutes = stepMinutes;
        PeriodMinutes = energyKwh.Length * stepMinutes;
    }

    /// <summary>The series' length in minutes, after which it repeats.</summary>
    public double PeriodMinutes { get; }

    /// <summary>Energy (kWh) over [<paramref name="fromMinutes"/>, + <paramref name="lengthMinutes"/>), in minutes from the first step's start.</summary>
    public double Integrate(double fromMinutes, double lengthMinutes)
    {
        double cycleStart = Math.Floor(fromMinutes / PeriodMinutes) * PeriodMinutes;
        int step = Math.Clamp((int)((fromMinutes - cycleStart) / _stepMinutes), 0, _energyKwh.Length - 1);
        double position = fromMinutes;
        double end = fromMinutes + lengthMinutes;
        double sum = 0;
        while (position < end)
        {
            double stepEnd = Math.Min(cycleStart + ((step + 1) * _stepMinutes), end);
            if (stepEnd > position)
            {
                sum += _energyKwh[step] * ((stepEnd - position) / _stepMinutes);
                position = stepEnd;
            }
            if (++step == _energyKwh.Length)
            {
                step = 0;
                cycleStart += PeriodMinutes;
            }
        }
        return sum;
    }
}
