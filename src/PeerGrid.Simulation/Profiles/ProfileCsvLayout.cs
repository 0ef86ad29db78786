using System.Globalization;

namespace PeerGrid.Simulation.Profiles;

/// <summary>
/// The shape of a profile file, read from its first non-empty line: the separator (<c>;</c>, tab or <c>,</c>),
/// whether that line is a header, and which columns hold the time and the values.
/// </summary>
internal sealed class ProfileCsvLayout
{
    private ProfileCsvLayout(char separator, string[]? header, int firstLine, int columnCount, int timeIndex, int valueIndex)
    {
        Separator = separator;
        Header = header;
        FirstLine = firstLine;
        ColumnCount = columnCount;
        TimeIndex = timeIndex;
        ValueIndex = valueIndex;
    }

    public char Separator { get; }

    /// <summary>Column names, or null when the file starts with data.</summary>
    public string[]? Header { get; }

    /// <summary>The line the layout was read from: the header, or the first data row.</summary>
    public int FirstLine { get; }
    public int ColumnCount { get; }
    public int TimeIndex { get; }
    public int ValueIndex { get; }

    /// <summary>The value column's name for messages.</summary>
    public string ValueColumnName => Header?[ValueIndex] ?? "the value column";

    public string[] Split(string line)
    {
        string[] cells = line.Split(Separator);
        for (int i = 0; i < cells.Length; i++)
        {
            cells[i] = Unquote(cells[i].Trim());
        }
        return cells;
    }

    public static ProfileCsvLayout Detect(string firstLine, int lineNumber, string source, ProfileCsvOptions options)
    {
        // ';' first: files that use ';' often write decimal commas, so a ',' does not make them comma-separated.
        char separator = firstLine.Contains(';', StringComparison.Ordinal) ? ';'
            : firstLine.Contains('\t', StringComparison.Ordinal) ? '\t'
            : firstLine.Contains(',', StringComparison.Ordinal) ? ','
            : throw new ProfileFormatException(source, lineNumber,
                $"found no separator in \"{firstLine.Trim()}\"",
                "separate time and value with ',' or ';' (e.g. 00:15;250)");
        var probe = new ProfileCsvLayout(separator, null, 0, 0, 0, 1);
        string[] cells = probe.Split(firstLine);
        bool startsWithData = ProfileTimestamp.TryParse(cells[0], out _);
        if (!startsWithData && options.TimeColumn is null && cells.Length > 1 && LooksNumeric(cells[1]))
        {
            throw ProfileCsvErrors.UnparsableTime(source, lineNumber, cells[0]);
        }
        return startsWithData
            ? WithoutHeader(separator, cells.Length, lineNumber, source, options)
            : WithHeader(separator, cells, lineNumber, source, options);
    }

    private static ProfileCsvLayout WithoutHeader(char separator, int cellCount, int lineNumber, string source, ProfileCsvOptions options)
    {
        string? named = options.TimeColumn ?? options.ValueColumn;
        if (named is not null)
        {
            throw new ProfileFormatException(source, lineNumber,
                $"the file has no header row, so there is no column \"{named}\"",
                "add a header row naming the columns (e.g. time;power), or leave the column names out");
        }
        if (cellCount != 2)
        {
            string fix = separator == ','
                ? "if ',' is your decimal point, use '.' as the decimal point or ';' as the separator"
                : "add a header row naming the columns and name the value column";
            throw new ProfileFormatException(source, lineNumber,
                $"{cellCount} fields, but a file without a header row must have exactly two (time and value)", fix);
        }
        return new ProfileCsvLayout(separator, null, lineNumber, 2, 0, 1);
    }

    private static ProfileCsvLayout WithHeader(char separator, string[] names, int lineNumber, string source, ProfileCsvOptions options)
    {
        int timeIndex = options.TimeColumn is { } timeName ? Find(names, timeName, lineNumber, source) : 0;
        int valueIndex;
        if (options.ValueColumn is { } valueName)
        {
            valueIndex = Find(names, valueName, lineNumber, source);
        }
        else if (names.Length == 2)
        {
            valueIndex = 1 - timeIndex;
        }
        else
        {
            throw new ProfileFormatException(source, lineNumber,
                $"the file has {names.Length} columns ({string.Join(", ", names)}) and none was named as the values",
                "name the value column (ValueColumn)");
        }
        if (valueIndex == timeIndex)
        {
            throw new ProfileFormatException(source, lineNumber,
                $"\"{names[timeIndex]}\" was named as both the time and the value column",
                "name two different columns");
        }
        return new ProfileCsvLayout(separator, names, lineNumber, names.Length, timeIndex, valueIndex);
    }

    private static int Find(string[] names, string wanted, int lineNumber, string source)
    {
        for (int i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], wanted.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        throw new ProfileFormatException(source, lineNumber,
            $"there is no column \"{wanted}\"",
            $"use one of the columns the file has: {string.Join(", ", names)}");
    }

    private static bool LooksNumeric(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static string Unquote(string cell) =>
        cell.Length >= 2 && cell[0] == '"' && cell[^1] == '"' ? cell[1..^1].Trim() : cell;
}
