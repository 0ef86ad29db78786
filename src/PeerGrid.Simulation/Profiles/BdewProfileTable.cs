using System.Globalization;

namespace PeerGrid.Simulation.Profiles;

/// <summary>
/// A BDEW 2025 standard load profile as published: kWh per quarter-hour of the local day for each month and
/// day type, for an annual consumption of <see cref="ReferenceAnnualKwh"/>, before any dynamisation.
/// </summary>
public sealed class BdewProfileTable
{
    public const int QuarterHoursPerDay = 96;

    /// <summary>The annual consumption the table's values are scaled to: 1,000,000 kWh.</summary>
    public const double ReferenceAnnualKwh = 1_000_000;

    private const int DayTypes = 3;

    private static readonly string[] GermanMonths =
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

    // [((month − 1) × 3 + dayType) × 96 + quarterHour], kWh per quarter-hour.
    private readonly double[] _kwh;

    private BdewProfileTable(string name, double[] kwh)
    {
        Name = name;
        _kwh = kwh;
    }

    public string Name { get; }

    /// <summary>kWh in quarter-hour <paramref name="quarterHour"/> (0 = 00:00–00:15 … 95) of a day of the given month (1 … 12) and type.</summary>
    public double KwhPerQuarterHour(int month, BdewDayType dayType, int quarterHour) =>
        Day(month, dayType)[quarterHour];

    /// <summary>The 96 quarter-hour values (kWh) of a day of the given month (1 … 12) and type.</summary>
    public ReadOnlySpan<double> Day(int month, BdewDayType dayType)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return _kwh.AsSpan(((((month - 1) * DayTypes) + (int)dayType) * QuarterHoursPerDay), QuarterHoursPerDay);
    }

    /// <summary>Saturday → SA, Sunday → FT, otherwise WT (holidays are not modelled).</summary>
    public static BdewDayType DayTypeOf(DayOfWeek day) => day switch
    {
        DayOfWeek.Saturday => BdewDayType.Saturday,
        DayOfWeek.Sunday => BdewDayType.Sunday,
        _ => BdewDayType.Workday,
    };

    /// <summary>
    /// Reads the demandlib/BDEW CSV layout: a row of German month names, a row <c>[kWh],SA,FT,WT,…</c>, then 96
    /// rows <c>00:00-00:15,v1,…,v36</c> (month-major, three day types per month).
    /// </summary>
    internal static BdewProfileTable Parse(TextReader reader, string name)
    {
        string[] months = SplitLine(reader, name, 1);
        string[] dayTypes = SplitLine(reader, name, 2);
        const int columns = 1 + (12 * DayTypes);
        if (months.Length != columns || dayTypes.Length != columns)
        {
            throw new ProfileFormatException(name, 1, $"expected {columns} columns (label, 12 months × SA/FT/WT)", "use the BDEW 2025 table as published");
        }
        var columnSlot = new int[columns];
        for (int c = 1; c < columns; c++)
        {
            int month = Array.IndexOf(GermanMonths, months[c]) + 1;
            BdewDayType type = dayTypes[c] switch
            {
                "SA" => BdewDayType.Saturday,
                "FT" => BdewDayType.Sunday,
                "WT" => BdewDayType.Workday,
                _ => throw new ProfileFormatException(name, 2, $"unknown day type \"{dayTypes[c]}\"", "use SA, FT or WT"),
            };
            if (month == 0)
            {
                throw new ProfileFormatException(name, 1, $"unknown month \"{months[c]}\"", "use the German month names Januar … Dezember");
            }
            columnSlot[c] = ((month - 1) * DayTypes) + (int)type;
        }
        double[] kwh = new double[12 * DayTypes * QuarterHoursPerDay];
        for (int q = 0; q < QuarterHoursPerDay; q++)
        {
            int line = q + 3;
            string[] cells = SplitLine(reader, name, line);
            string label = ProfileCsvErrors.Invariant($"{q / 4:00}:{q % 4 * 15:00}-");
            if (cells.Length != columns || !cells[0].StartsWith(label, StringComparison.Ordinal))
            {
                throw new ProfileFormatException(name, line, $"expected the quarter-hour starting {label.TrimEnd('-')}", "use the BDEW 2025 table as published");
            }
            for (int c = 1; c < columns; c++)
            {
                if (!double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value) || value < 0)
                {
                    throw new ProfileFormatException(name, line, $"\"{cells[c]}\" is not a non-negative number", "use the BDEW 2025 table as published");
                }
                kwh[(columnSlot[c] * QuarterHoursPerDay) + q] = value;
            }
        }
        return new BdewProfileTable(name, kwh);
    }

    private static string[] SplitLine(TextReader reader, string name, int line) =>
        reader.ReadLine()?.Split(',') ?? throw new ProfileFormatException(name, line, "the table ends early", "use the BDEW 2025 table as published");
}
