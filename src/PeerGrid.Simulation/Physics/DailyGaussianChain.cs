using PeerGrid.Simulation.Randomness;

namespace PeerGrid.Simulation.Physics;

/// <summary>
/// A stationary AR(1) standard-normal sequence with one value per calendar date, started at
/// <see cref="Epoch"/> (or earlier, for runs before it). Because the chain is anchored to the calendar and not
/// to the run's first slot, a week simulated in June sees the same day-by-day weather as that June in a
/// year-long run with the same seed, whatever the slot length.
/// </summary>
internal struct DailyGaussianChain
{
    /// <summary>Start of every chain for dates from 2000 on.</summary>
    public static readonly DateTime Epoch = new(2000, 1, 1);

    private readonly double _rho;
    private readonly double _innovationScale;
    private DeterministicRandom _random;
    private DateTime _date;
    private double _value;

    public DailyGaussianChain(DeterministicRandom random, double rho, DateTime firstDate)
    {
        _random = random;
        _rho = rho;
        _innovationScale = Math.Sqrt(1.0 - (rho * rho));
        _date = firstDate < Epoch ? new DateTime(firstDate.Year, 1, 1) : Epoch;
        _value = _random.NextGaussian();
    }

    /// <summary>The value for <paramref name="date"/>; dates must be requested in non-decreasing order.</summary>
    public double ValueAt(DateTime date)
    {
        if (date < _date)
        {
            throw new InvalidOperationException($"Daily chain is at {_date:yyyy-MM-dd}; it cannot go back to {date:yyyy-MM-dd}.");
        }
        while (_date < date)
        {
            _value = (_rho * _value) + (_innovationScale * _random.NextGaussian());
            _date = _date.AddDays(1);
        }
        return _value;
    }
}
