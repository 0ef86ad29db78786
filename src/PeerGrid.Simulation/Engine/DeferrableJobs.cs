using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Time;

namespace PeerGrid.Simulation.Engine;

/// <summary>
/// Deferrable appliance runs (washing machine, dishwasher, EV charging) as struct-of-arrays. At the first slot of
/// each local day every job that runs that day is scheduled inside its window by the household's policy, with
/// perfect foresight of the day's prices and weather (day-ahead scheduling); afterwards each slot only checks
/// whether the slot lies in the scheduled run.
/// </summary>
internal sealed class DeferrableJobs
{
    private readonly int[] _household;
    private readonly int[] _appliance;
    private readonly double[] _ratedKw;
    private readonly int _slotMinutes;
    private readonly int[] _runMinutes;
    private readonly int[] _earliestMinute;
    private readonly int[] _windowMinutes;
    private readonly int[] _daysMask;
    private readonly DeferrablePolicy[] _policy;
    private readonly int[] _start;
    private readonly int[] _end;
    // The next day's run, scheduled while the current one is still to finish (a run that crosses midnight).
    private readonly int[] _nextStart;
    private readonly int[] _nextEnd;

    private DeferrableJobs(List<(int Household, int FlatAppliance, Appliance Appliance, DeferrableUsage Usage, DeferrablePolicy Policy)> jobs, int slotMinutes)
    {
        int n = jobs.Count;
        _household = new int[n];
        _appliance = new int[n];
        _ratedKw = new double[n];
        _runMinutes = new int[n];
        _earliestMinute = new int[n];
        _windowMinutes = new int[n];
        _daysMask = new int[n];
        _policy = new DeferrablePolicy[n];
        _start = new int[n];
        _end = new int[n];
        _nextStart = new int[n];
        _nextEnd = new int[n];
        _slotMinutes = slotMinutes;
        for (int j = 0; j < n; j++)
        {
            var (h, flat, a, u, p) = jobs[j];
            _household[j] = h;
            _appliance[j] = flat;
            _ratedKw[j] = a.RatedPowerKw;
            _runMinutes[j] = u.RunMinutes;
            _earliestMinute[j] = u.EarliestStart.Value % MinuteOfDay.MinutesPerDay;
            _windowMinutes[j] = u.WindowMinutes;
            _daysMask[j] = u.Days;
            _policy[j] = p;
        }
    }

    public int Count => _household.Length;

    /// <summary>Each job's household, ascending (jobs are built in household order).</summary>
    public int[] Households => _household;

    /// <summary>Each job's appliance: its index among all appliances of the scenario, households in order (<see cref="DeviceMap"/>).</summary>
    public int[] Appliances => _appliance;

    public static DeferrableJobs Build(IReadOnlyList<Household> households, int slotMinutes)
    {
        var jobs = new List<(int, int, Appliance, DeferrableUsage, DeferrablePolicy)>();
        int flat = 0;
        for (int h = 0; h < households.Count; h++)
        {
            foreach (Appliance a in households[h].Appliances)
            {
                if (a.IsOn && a.RatedPowerKw > 0 && a.Usage is DeferrableUsage u)
                {
                    jobs.Add((h, flat, a, u, households[h].Preferences.DeferrablePolicy));
                }
                flat++;
            }
        }
        return new DeferrableJobs(jobs, slotMinutes);
    }

    /// <summary>Forgets every scheduled run: the state before the calendar's first day is scheduled.</summary>
    public void Reset()
    {
        Array.Clear(_start);
        Array.Clear(_end);
        Array.Clear(_nextStart);
        Array.Clear(_nextEnd);
    }

    /// <summary>Schedules every job whose window opens on local day <paramref name="dayIndex"/>.</summary>
    public void ScheduleDay(SlotCalendar calendar, int dayIndex, long[] buyPricePrefix, double[] irradiancePrefix)
    {
        int dayStart = calendar.DayStarts[dayIndex];
        int nextDay = calendar.DayEnd(dayIndex);
        int dayBit = 1 << (((int)calendar.DaysOfWeek[dayStart] + 6) % 7);
        for (int j = 0; j < _household.Length; j++)
        {
            if ((_daysMask[j] & dayBit) == 0)
            {
                continue;
            }
            int open = FirstSlotAtOrAfter(calendar, dayStart, nextDay, _earliestMinute[j]);
            if (open < 0)
            {
                continue;
            }
            // A run still going from the day before finishes first.
            open = Math.Max(open, _end[j]);
            int runSlots = (_runMinutes[j] + _slotMinutes - 1) / _slotMinutes;
            int windowSlots = _windowMinutes[j] / _slotMinutes;
            int latest = Math.Min(open + windowSlots - runSlots, calendar.SlotCount - runSlots);
            int start = latest <= open ? open : _policy[j] switch
            {
                DeferrablePolicy.Cheapest => Cheapest(buyPricePrefix, open, latest, runSlots),
                DeferrablePolicy.Sunniest => Sunniest(irradiancePrefix, open, latest, runSlots),
                _ => open,
            };
            int end = Math.Min(start + runSlots, calendar.SlotCount);
            if (_end[j] > dayStart)
            {
                // Yesterday's run is not over yet (it crosses midnight): queue today's behind it.
                _nextStart[j] = start;
                _nextEnd[j] = end;
            }
            else
            {
                _start[j] = start;
                _end[j] = end;
            }
        }
    }

    /// <summary>Adds the energy of running jobs <paramref name="fromJob"/> … <paramref name="toJob"/> − 1 in <paramref name="slot"/> to their households' load.</summary>
    public void AddLoad(int slot, double slotHours, double[] loadKwh, int fromJob, int toJob)
    {
        for (int j = fromJob; j < toJob; j++)
        {
            if (slot >= _end[j] && _nextEnd[j] > 0)
            {
                _start[j] = _nextStart[j];
                _end[j] = _nextEnd[j];
                _nextEnd[j] = 0;
            }
            double kwh = EnergyKwh(j, slot, slotHours);
            if (kwh != 0)
            {
                loadKwh[_household[j]] += kwh;
            }
        }
    }

    /// <summary>
    /// Job <paramref name="j"/>'s energy in <paramref name="slot"/>, the slot <see cref="AddLoad"/> ran last: what it
    /// added to its household's load there. Reads the schedule without advancing it.
    /// </summary>
    public double EnergyKwh(int j, int slot, double slotHours)
    {
        int start = _start[j];
        if (unchecked((uint)(slot - start) >= (uint)(_end[j] - start)))
        {
            return 0;
        }
        // The last slot of a run may be partly used: run minutes need not be a multiple of the slot.
        int minutesLeft = _runMinutes[j] - ((slot - start) * _slotMinutes);
        return _ratedKw[j] * (minutesLeft >= _slotMinutes ? slotHours : minutesLeft / 60.0);
    }

    private static int FirstSlotAtOrAfter(SlotCalendar calendar, int from, int to, int minute)
    {
        short[] mod = calendar.LocalMinuteOfDay;
        for (int s = from; s < to; s++)
        {
            if (mod[s] >= minute)
            {
                return s;
            }
        }
        return -1;
    }

    private static int Cheapest(long[] prefix, int open, int latest, int run)
    {
        int best = open;
        long bestCost = long.MaxValue;
        for (int s = open; s <= latest; s++)
        {
            long cost = prefix[s + run] - prefix[s];
            if (cost < bestCost)
            {
                bestCost = cost;
                best = s;
            }
        }
        return best;
    }

    private static int Sunniest(double[] prefix, int open, int latest, int run)
    {
        int best = open;
        double bestSun = double.NegativeInfinity;
        for (int s = open; s <= latest; s++)
        {
            double sun = prefix[s + run] - prefix[s];
            if (sun > bestSun + 1e-9)
            {
                bestSun = sun;
                best = s;
            }
        }
        return best;
    }
}
