using System.Globalization;
using PeerGrid.Domain;
using static PeerGrid.Simulation.Profiles.ProfileCsvErrors;

namespace PeerGrid.Simulation.Profiles;

/// <summary>
/// Reads a profile from CSV text: the two-column <c>time,power</c> files of P2P simulators (separator <c>,</c>,
/// <c>;</c> or tab, detected; optional header; <c>hh:mm</c> for a one-day profile or ISO 8601 date-times with or
/// without offset) and wider files such as metered-household exports, one named column at a time, plain or
/// cumulative. Does no file I/O: the caller opens the source and names it for messages. Every problem is a
/// <see cref="ProfileFormatException"/> naming the source, the line and the fix. Format details: docs/profiles.md.
/// </summary>
public static class ProfileCsvReader
{
    /// <summary>Longest step accepted, in minutes (the shortest is 1).</summary>
    public const int MaxStepMinutes = 60;

    /// <param name="reader">The CSV text.</param>
    /// <param name="sourceName">The file name, used in messages and as the default profile id.</param>
    /// <param name="options">Unit, columns and checks; default: values in W, two columns.</param>
    /// <returns>A profile in kWh per step: daily for hh:mm files, dated otherwise.</returns>
    public static Profile Read(TextReader reader, string sourceName, ProfileCsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        Preconditions.NotBlank(sourceName);
        options ??= new ProfileCsvOptions();
        if (options.Cumulative && !options.Unit.IsEnergy())
        {
            throw new ArgumentException(
                $"A cumulative column holds meter readings: give its unit as kWh or Wh, not {options.Unit.Symbol()}.", nameof(options));
        }

        List<ProfileCsvRow> rows = ReadRows(reader, sourceName, options, out int lastLine);
        if (rows.Count < (options.Cumulative ? 3 : 2))
        {
            throw TooFewRows(sourceName, lastLine, rows.Count, options.Cumulative);
        }
        TimeSpan step = ProfileTimeAxis.Check(rows, sourceName);
        (double[] values, int[] lines) = options.Cumulative ? Differences(rows, sourceName, options) : Plain(rows);
        if (options.CheckUnitPlausibility)
        {
            UnitPlausibility.Check(values, lines, options.Unit, step, sourceName);
        }

        double stepHours = step.TotalHours;
        double[] energyKwh = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            energyKwh[i] = options.Unit.ToKwhPerStep(values[i], stepHours);
        }
        string id = options.ProfileId ?? sourceName;
        ProfileTimestamp first = rows[0].Time;
        return first.Style switch
        {
            TimestampStyle.TimeOfDay => new Profile(id, step, energyKwh, isDaily: true, firstStepLocal: null),
            TimestampStyle.WallClock => new Profile(id, step, energyKwh, isDaily: false, first.Local),
            _ => new Profile(id, step, energyKwh, isDaily: false, first.Local, first.Offset),
        };
    }

    private static List<ProfileCsvRow> ReadRows(TextReader reader, string source, ProfileCsvOptions options, out int lastLine)
    {
        var rows = new List<ProfileCsvRow>();
        ProfileCsvLayout? layout = null;
        int lineNumber = 0;
        lastLine = 1;
        while (reader.ReadLine() is { } text)
        {
            lineNumber++;
            string line = lineNumber == 1 ? text.TrimStart('\uFEFF') : text;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            lastLine = lineNumber;
            if (layout is null)
            {
                layout = ProfileCsvLayout.Detect(line, lineNumber, source, options);
                if (layout.Header is not null)
                {
                    continue;
                }
            }
            string[] cells = layout.Split(line);
            CheckFieldCount(cells, layout, lineNumber, source);
            string valueText = cells[layout.ValueIndex];
            if (valueText.Length == 0 && !options.Cumulative)
            {
                throw EmptyValue(source, lineNumber, layout.ValueColumnName);
            }
            if (valueText.Length == 0 && rows.Count == 0)
            {
                continue; // Cumulative: the meter was not installed yet.
            }
            string timeText = cells[layout.TimeIndex];
            ProfileTimestamp time = ParseTime(timeText, lineNumber, source, rows, options);
            double value = valueText.Length == 0 ? double.NaN : ParseValue(valueText, lineNumber, source, options);
            rows.Add(new ProfileCsvRow(lineNumber, timeText, time, value));
        }
        if (layout is null)
        {
            throw EmptyFile(source);
        }
        if (options.Cumulative)
        {
            FillMeterGaps(rows, source, options, layout.ValueColumnName);
        }
        return rows;
    }

    /// <summary>
    /// Cumulative rows may hold NaN for empty readings: trailing ones (meter removed) are dropped; inner ones are
    /// interpolated linearly when <see cref="ProfileCsvOptions.BridgeMeterGaps"/> allows, else rejected.
    /// </summary>
    private static void FillMeterGaps(List<ProfileCsvRow> rows, string source, ProfileCsvOptions options, string column)
    {
        while (rows.Count > 0 && double.IsNaN(rows[^1].Value))
        {
            rows.RemoveAt(rows.Count - 1);
        }
        for (int i = 1; i < rows.Count; i++)
        {
            if (!double.IsNaN(rows[i].Value))
            {
                continue;
            }
            int resume = i;
            while (double.IsNaN(rows[resume].Value))
            {
                resume++;
            }
            if (!options.BridgeMeterGaps)
            {
                throw MeterGap(source, rows[i].Line, rows[resume].Line, column);
            }
            double before = rows[i - 1].Value;
            double perRow = (rows[resume].Value - before) / (resume - i + 1);
            for (int k = i; k < resume; k++)
            {
                rows[k] = rows[k] with { Value = before + (perRow * (k - i + 1)) };
            }
            i = resume;
        }
    }

    private static void CheckFieldCount(string[] cells, ProfileCsvLayout layout, int lineNumber, string source)
    {
        if (cells.Length == layout.ColumnCount)
        {
            return;
        }
        // A trailing separator (empty extra cells) is harmless; anything else shifts the columns.
        bool onlyEmptyExtras = cells.Length > layout.ColumnCount && cells.Skip(layout.ColumnCount).All(c => c.Length == 0);
        if (!onlyEmptyExtras)
        {
            throw FieldCount(source, lineNumber, cells.Length, layout);
        }
    }

    private static ProfileTimestamp ParseTime(string text, int lineNumber, string source, List<ProfileCsvRow> rows, ProfileCsvOptions options)
    {
        if (!ProfileTimestamp.TryParse(text, out ProfileTimestamp time))
        {
            throw UnparsableTime(source, lineNumber, text);
        }
        if (rows.Count == 0)
        {
            return options.Cumulative && time.Style == TimestampStyle.TimeOfDay ? throw CumulativeNeedsDates(source, lineNumber) : time;
        }
        ProfileCsvRow first = rows[0];
        if (time.Style == first.Time.Style)
        {
            return time;
        }
        string problem = (first.Time.Style, time.Style) switch
        {
            (TimestampStyle.TimeOfDay, _) => $"\"{text}\" has a date, but the first row (line {first.Line}) has only a time of day",
            (_, TimestampStyle.TimeOfDay) => $"\"{text}\" has no date, but the first row (line {first.Line}) has one",
            (TimestampStyle.Instant, _) => $"\"{text}\" has no UTC offset, but the first row (line {first.Line}) has one",
            _ => $"\"{text}\" has a UTC offset, but the first row (line {first.Line}) has none",
        };
        throw new ProfileFormatException(source, lineNumber, problem, "write every time in the same style");
    }

    private static double ParseValue(string text, int lineNumber, string source, ProfileCsvOptions options)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw LooksNotFinite(text) ? NotFinite(source, lineNumber, text) : UnparsableValue(source, lineNumber, text, options.Unit);
        }
        if (!double.IsFinite(value))
        {
            throw NotFinite(source, lineNumber, text);
        }
        if (value < 0 && !options.AllowNegative && !options.Cumulative)
        {
            throw Negative(source, lineNumber, text);
        }
        return value;
    }

    private static bool LooksNotFinite(string text)
    {
        string t = text.TrimStart('+', '-');
        return t.Equals("nan", StringComparison.OrdinalIgnoreCase)
            || t.Equals("inf", StringComparison.OrdinalIgnoreCase)
            || t.Equals("infinity", StringComparison.OrdinalIgnoreCase)
            || t == "∞";
    }

    private static (double[] Values, int[] Lines) Plain(List<ProfileCsvRow> rows)
    {
        double[] values = new double[rows.Count];
        int[] lines = new int[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            values[i] = rows[i].Value;
            lines[i] = rows[i].Line;
        }
        return (values, lines);
    }

    /// <summary>Step i (starting at reading i's time) gets reading i+1 − reading i; it is named by line i+1.</summary>
    private static (double[] Values, int[] Lines) Differences(List<ProfileCsvRow> rows, string source, ProfileCsvOptions options)
    {
        double[] values = new double[rows.Count - 1];
        int[] lines = new int[rows.Count - 1];
        for (int i = 1; i < rows.Count; i++)
        {
            double difference = rows[i].Value - rows[i - 1].Value;
            if (difference < 0 && !options.AllowNegative)
            {
                throw MeterDecrease(source, rows[i], rows[i - 1]);
            }
            values[i - 1] = difference;
            lines[i - 1] = rows[i].Line;
        }
        return (values, lines);
    }
}
