using System.Globalization;

namespace PeerGrid.Simulation.Profiles;

/// <summary>The messages for problems found in a profile file, in one place so they read alike.</summary>
internal static class ProfileCsvErrors
{
    public const string TimeFix =
        "write hh:mm (00:00 … 23:59) for a one-day profile, or a date and time such as 2025-07-01T00:15 (optionally with an offset: Z or +02:00)";

    public static ProfileFormatException UnparsableTime(string source, int line, string text) =>
        new(source, line, $"\"{text}\" is not a time", TimeFix);

    public static ProfileFormatException UnparsableValue(string source, int line, string text, ProfileValueUnit unit) =>
        text.Contains(',', StringComparison.Ordinal)
            ? new(source, line, $"\"{text}\" is not a number", "use '.' as the decimal point or ';' as the separator")
            : new(source, line, $"\"{text}\" is not a number", $"write the value in {unit.Symbol()} with '.' as the decimal point (e.g. 12.5)");

    public static ProfileFormatException NotFinite(string source, int line, string text) =>
        new(source, line, $"\"{text}\" is not a finite number",
            "replace it with a measured or interpolated value, or cut the file before this row");

    public static ProfileFormatException EmptyValue(string source, int line, string column) =>
        new(source, line, $"the value in {column} is empty", "fill it in with a measured or interpolated value, or remove the row and the rows after it");

    public static ProfileFormatException Negative(string source, int line, string text) =>
        new(source, line, $"{text} is negative, but loads and generation must be ≥ 0",
            "if this is a net meter (negative = export), allow negative values (AllowNegative); otherwise correct the value");

    public static ProfileFormatException FieldCount(string source, int line, int found, ProfileCsvLayout layout)
    {
        string where = layout.Header is null ? $"line {layout.FirstLine}" : $"the header (line {layout.FirstLine})";
        string fix = layout.Separator == ',' && found > layout.ColumnCount
            ? "if ',' is your decimal point, use '.' as the decimal point or ';' as the separator"
            : "give every row the same columns";
        return new(source, line, Invariant($"{found} fields where {where} has {layout.ColumnCount}"), fix);
    }

    public static ProfileFormatException MeterGap(string source, int firstEmptyLine, int resumedLine, string column) =>
        new(source, firstEmptyLine, Invariant($"no reading in {column}, but readings resume on line {resumedLine}"),
            Invariant($"cut the file before line {firstEmptyLine}, fill the gap, or spread its energy evenly over it (BridgeMeterGaps)"));

    public static ProfileFormatException MeterDecrease(string source, ProfileCsvRow row, ProfileCsvRow previous) =>
        new(source, row.Line,
            Invariant($"the reading {Number(row.Value)} is lower than {Number(previous.Value)} on line {previous.Line} (the meter was reset or replaced)"),
            Invariant($"cut the file at line {row.Line}, or add the last reading before the reset to every later one; a net meter whose readings may fall needs AllowNegative"));

    public static ProfileFormatException CumulativeNeedsDates(string source, int line) =>
        new(source, line, "cumulative meter readings are written with a time of day only",
            "give every reading a date and time (e.g. 2025-07-01T00:15)");

    public static ProfileFormatException TooFewRows(string source, int line, int rows, bool cumulative) =>
        cumulative
            ? new(source, line, Invariant($"only {rows} meter reading(s)"),
                "a cumulative profile needs at least 3 evenly spaced readings (2 steps); add rows")
            : new(source, line, Invariant($"only {rows} data row(s)"),
                "a profile needs at least 2 evenly spaced rows so the step length can be read; add rows");

    public static ProfileFormatException EmptyFile(string source) =>
        new(source, 1, "the file is empty", "write an optional header row and at least two rows of time and value (e.g. 00:00;250)");

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
