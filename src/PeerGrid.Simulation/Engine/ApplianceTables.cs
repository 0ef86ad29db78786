using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Randomness;

namespace PeerGrid.Simulation.Engine;

/// <summary>
/// Appliances with a fixed daily rhythm (always-on duty cycles and time windows) compiled, per household, into
/// the energy they use in each slot-of-day bin for a weekday and a weekend day. Identical tables are shared.
/// Layout is [dayKind][bin][table] so that one slot reads households' values almost sequentially.
/// </summary>
internal sealed class ApplianceTables
{
    private ApplianceTables(double[] values, int tableCount, int binsPerDay, int[] tableOf)
    {
        Values = values;
        TableCount = tableCount;
        BinsPerDay = binsPerDay;
        TableOf = tableOf;
    }

    /// <summary>kWh per bin: Values[((dayKind × BinsPerDay) + bin) × TableCount + table].</summary>
    public double[] Values { get; }
    public int TableCount { get; }
    public int BinsPerDay { get; }

    /// <summary>The table of each household, −1 where it has no such appliance.</summary>
    public int[] TableOf { get; }

    /// <param name="seed">The run's seed: each household's duty cycles get a seeded phase, so fridges do not all switch together.</param>
    public static ApplianceTables Build(IReadOnlyList<Household> households, int slotMinutes, ulong seed)
    {
        int bins = MinuteOfDay.MinutesPerDay / slotMinutes;
        var unique = new Dictionary<TableKey, int>();
        var tables = new List<double[]>();
        int[] tableOf = new int[households.Count];
        for (int h = 0; h < households.Count; h++)
        {
            var random = DeterministicRandom.For(seed, Streams.Appliances, (ulong)h);
            double[]? table = BuildOne(households[h], slotMinutes, bins, ref random);
            if (table is null)
            {
                tableOf[h] = -1;
                continue;
            }
            var key = new TableKey(table);
            if (!unique.TryGetValue(key, out int index))
            {
                index = tables.Count;
                tables.Add(table);
                unique.Add(key, index);
            }
            tableOf[h] = index;
        }
        int count = tables.Count;
        double[] values = new double[2 * bins * count];
        for (int t = 0; t < count; t++)
        {
            double[] table = tables[t];
            for (int row = 0; row < 2 * bins; row++)
            {
                values[(row * count) + t] = table[row];
            }
        }
        return new ApplianceTables(values, count, bins, tableOf);
    }

    private static double[]? BuildOne(Household household, int slotMinutes, int bins, ref DeterministicRandom random)
    {
        double[]? table = null;
        IReadOnlyList<Appliance> appliances = household.Appliances;
        for (int i = 0; i < appliances.Count; i++)
        {
            if (NextTabled(appliances[i], ref random) is { } phase)
            {
                table ??= new double[2 * bins];
                Add(table, appliances[i], phase, slotMinutes, bins);
            }
        }
        return table;
    }

    /// <summary>
    /// Each appliance's own table (null where it is not tabled or is switched off), with the same phases as the
    /// household's table in <see cref="Build"/>: the device meter's per-appliance share of it. Row layout as one
    /// household table: [dayKind × bins + bin].
    /// </summary>
    /// <param name="householdIndex">The household's index in the scenario (its phases' random stream).</param>
    public static double[]?[] PerAppliance(Household household, int householdIndex, int slotMinutes, ulong seed)
    {
        int bins = MinuteOfDay.MinutesPerDay / slotMinutes;
        var random = DeterministicRandom.For(seed, Streams.Appliances, (ulong)householdIndex);
        IReadOnlyList<Appliance> appliances = household.Appliances;
        var tables = new double[]?[appliances.Count];
        for (int i = 0; i < appliances.Count; i++)
        {
            if (NextTabled(appliances[i], ref random) is { } phase)
            {
                tables[i] = new double[2 * bins];
                Add(tables[i]!, appliances[i], phase, slotMinutes, bins);
            }
        }
        return tables;
    }

    /// <summary>
    /// Whether appliance <paramref name="a"/> goes into a table, with its duty-cycle phase (0 for time windows), or
    /// null. Every always-on appliance draws its phase, switched on or not, so that switching one appliance never
    /// shifts another's cycle.
    /// </summary>
    private static double? NextTabled(Appliance a, ref DeterministicRandom random)
    {
        if (a.Usage is AlwaysOnUsage always)
        {
            // Whole 5-minute phase steps keep identical households' tables shareable in coarse slots.
            double phase = random.NextInt(12) / 12.0;
            return a.IsOn && a.RatedPowerKw > 0 && always.DutyCycle > 0 ? phase : null;
        }
        return a.Usage is TimeWindowUsage && a.IsOn && a.RatedPowerKw > 0 ? 0 : null;
    }

    private static void Add(double[] table, Appliance a, double phase, int slotMinutes, int bins)
    {
        if (a.Usage is AlwaysOnUsage always)
        {
            double period = always.PeriodMinutes;
            double onMinutes = always.DutyCycle * period;
            double shift = phase * period;
            for (int b = 0; b < bins; b++)
            {
                double from = (b * slotMinutes) + shift;
                double on = OnMinutesUntil(from + slotMinutes, period, onMinutes) - OnMinutesUntil(from, period, onMinutes);
                double kwh = a.RatedPowerKw * on / 60.0;
                table[b] += kwh;
                table[bins + b] += kwh;
            }
        }
        else if (a.Usage is TimeWindowUsage windows)
        {
            AddWindows(table, 0, windows.Weekday, a.RatedPowerKw, slotMinutes, bins);
            AddWindows(table, bins, windows.Weekend, a.RatedPowerKw, slotMinutes, bins);
        }
    }

    /// <summary>Minutes switched on in [0, t) for a cycle that is on for the first <paramref name="onMinutes"/> of every period.</summary>
    private static double OnMinutesUntil(double t, double period, double onMinutes)
    {
        double cycles = Math.Floor(t / period);
        return (cycles * onMinutes) + Math.Min(t - (cycles * period), onMinutes);
    }

    private static void AddWindows(double[] table, int offset, IReadOnlyList<TimeWindow> windows, double kw, int slotMinutes, int bins)
    {
        foreach (TimeWindow w in windows)
        {
            int start = w.Start.Value, end = w.End.Value;
            if (start < end)
            {
                AddRange(table, offset, start, end, kw, slotMinutes, bins);
            }
            else if (start > end)
            {
                AddRange(table, offset, start, MinuteOfDay.MinutesPerDay, kw, slotMinutes, bins);
                AddRange(table, offset, 0, end, kw, slotMinutes, bins);
            }
        }
    }

    private static void AddRange(double[] table, int offset, int from, int to, double kw, int slotMinutes, int bins)
    {
        for (int b = from / slotMinutes; b < bins && b * slotMinutes < to; b++)
        {
            int overlap = Math.Min(to, (b + 1) * slotMinutes) - Math.Max(from, b * slotMinutes);
            if (overlap > 0)
            {
                table[offset + b] += kw * overlap / 60.0;
            }
        }
    }

    private readonly struct TableKey(double[] values) : IEquatable<TableKey>
    {
        private readonly double[] _values = values;
        private readonly int _hash = Hash(values);

        public bool Equals(TableKey other) => _values.AsSpan().SequenceEqual(other._values);
        public override bool Equals(object? obj) => obj is TableKey k && Equals(k);
        public override int GetHashCode() => _hash;

        private static int Hash(double[] values)
        {
            var hc = new HashCode();
            foreach (double v in values)
            {
                hc.Add(v);
            }
            return hc.ToHashCode();
        }
    }
}
