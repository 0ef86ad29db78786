using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Randomness;

namespace PeerGrid.Simulation.Scenarios.Variation;

/// <summary>
/// Makes the households of a template group differ, reproducibly. With variation v, for each household, in
/// this order (so the stream is consumed the same way on every machine):
/// <list type="number">
/// <item>baseLoad.annualKwh × f;</item>
/// <item>each appliance: ratedPowerKw × f (profile usage: its scale × the same f); then, for time-window and
/// deferrable usage, one shift s applied to all its windows (or to earliestStart and deadline);</item>
/// <item>each generator: PV peakKw, wind ratedKw (and its power curve's kW), dispatchable ratedKw, or profile
/// scale × f; then, for PV, azimuth + a;</item>
/// <item>each battery: capacityKwh, maxChargeKw and maxDischargeKw × one f (the C-rate is kept).</item>
/// </list>
/// Each f is uniform in [1 − v, 1 + v); s is a multiple of 5 min, uniform in ±v × 300 min; a is uniform in
/// ±v × 150° rounded to whole degrees, wrapped into [0, 360). Shifted times wrap around midnight (the domain
/// reads an end before its start as crossing midnight), so every window keeps its length and stays valid;
/// whole-day windows do not move. Nothing else changes.
/// </summary>
internal static class HouseholdVariation
{
    public const double Default = 0.1;
    public const double Max = 0.5;
    public const int ShiftMinutesPerUnit = 300;
    public const int ShiftStepMinutes = 5;
    public const double AzimuthDegreesPerUnit = 150;

    /// <summary>A varied copy of <paramref name="template"/> with id <paramref name="id"/>, drawing from <paramref name="random"/>.</summary>
    public static Household Apply(Household template, string id, double variation, DeterministicRandom random) =>
        Vary(template, id, new Draws(random, variation, extreme: false));

    /// <summary>
    /// The group's worst case for validation: every factor at 1 + v and no shifts. Variation can only break
    /// upper limits (a factor ≥ 0.5 keeps positive values positive, shifts keep windows valid), so if this
    /// household is valid, every varied household is.
    /// </summary>
    public static Household Largest(Household template, double variation) =>
        Vary(template, template.Id, new Draws(default, variation, extreme: true));

    private static Household Vary(Household h, string id, Draws d)
    {
        BaseLoad? baseLoad = h.BaseLoad is { } b ? b with { AnnualKwh = b.AnnualKwh * d.Factor() } : null;
        Appliance[] appliances = [.. h.Appliances.Select(a => Vary(a, d))];
        Generator[] generators = [.. h.Generators.Select(g => Vary(g, d))];
        Battery[] batteries = [.. h.Batteries.Select(x => Vary(x, d))];
        return h with { Id = id, BaseLoad = baseLoad, Appliances = appliances, Generators = generators, Batteries = batteries };
    }

    private static Appliance Vary(Appliance a, Draws d)
    {
        double f = d.Factor();
        UsagePattern usage = a.Usage switch
        {
            TimeWindowUsage t => Shift(t, d.ShiftMinutes()),
            DeferrableUsage x => Shift(x, d.ShiftMinutes()),
            ProfileUsage p => p with { Scale = p.Scale * f },
            _ => a.Usage,
        };
        return a with { RatedPowerKw = a.RatedPowerKw * f, Usage = usage };
    }

    private static Generator Vary(Generator g, Draws d)
    {
        double f = d.Factor();
        return g switch
        {
            SolarPv pv => pv with { PeakKw = pv.PeakKw * f, AzimuthDegrees = Wrap(pv.AzimuthDegrees + d.AzimuthOffset(), 360) },
            WindTurbine w => w with
            {
                RatedKw = w.RatedKw * f,
                PowerCurve = w.PowerCurve is { } curve ? [.. curve.Select(p => p with { PowerKw = p.PowerKw * f })] : null,
            },
            DispatchableGenerator x => x with { RatedKw = x.RatedKw * f },
            ProfileGenerator p => p with { Scale = p.Scale * f },
            _ => g,
        };
    }

    private static Battery Vary(Battery b, Draws d)
    {
        double f = d.Factor();
        return b with { CapacityKwh = b.CapacityKwh * f, MaxChargeKw = b.MaxChargeKw * f, MaxDischargeKw = b.MaxDischargeKw * f };
    }

    private static TimeWindowUsage Shift(TimeWindowUsage u, int minutes) => minutes == 0 ? u : new TimeWindowUsage(
        [.. u.Weekday.Select(w => Shift(w, minutes))],
        [.. u.Weekend.Select(w => Shift(w, minutes))]);

    private static TimeWindow Shift(TimeWindow w, int minutes) => w.LengthMinutes >= MinuteOfDay.MinutesPerDay
        ? w
        : new TimeWindow(Shift(w.Start, minutes), Shift(w.End, minutes));

    private static DeferrableUsage Shift(DeferrableUsage u, int minutes) => minutes == 0 || u.WindowMinutes >= MinuteOfDay.MinutesPerDay
        ? u
        : u with { EarliestStart = Shift(u.EarliestStart, minutes), Deadline = Shift(u.Deadline, minutes) };

    private static MinuteOfDay Shift(MinuteOfDay t, int minutes) => new((int)Wrap(t.Value + minutes, MinuteOfDay.MinutesPerDay));

    private static double Wrap(double value, double period) => ((value % period) + period) % period;

    /// <summary>The random draws, or their extremes for <see cref="Largest"/>.</summary>
    private sealed class Draws(DeterministicRandom random, double variation, bool extreme)
    {
        private DeterministicRandom _random = random;
        private readonly int _shiftSteps = (int)Math.Floor((variation * ShiftMinutesPerUnit / ShiftStepMinutes) + 1e-9);

        public double Factor() => extreme ? 1 + variation : 1 - variation + (2 * variation * _random.NextDouble());

        public int ShiftMinutes() => extreme || _shiftSteps == 0 ? 0 : ShiftStepMinutes * (_random.NextInt((2 * _shiftSteps) + 1) - _shiftSteps);

        public double AzimuthOffset()
        {
            double limit = variation * AzimuthDegreesPerUnit;
            return extreme || limit == 0 ? 0 : Math.Round(_random.NextDouble(-limit, limit));
        }
    }
}
