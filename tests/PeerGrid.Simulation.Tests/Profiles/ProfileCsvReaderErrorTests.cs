using PeerGrid.Simulation.Profiles;
using static PeerGrid.Simulation.Tests.Profiles.ProfileCsvText;

namespace PeerGrid.Simulation.Tests.Profiles;

/// <summary>Every problem names the source, the 1-based line and the fix.</summary>
public class ProfileCsvReaderErrorTests
{
    private const string TimeFix =
        "write hh:mm (00:00 … 23:59) for a one-day profile, or a date and time such as 2025-07-01T00:15 (optionally with an offset: Z or +02:00)";

    private static readonly ProfileCsvOptions Kwh = new() { Unit = ProfileValueUnit.KilowattHour };

    // Header on line 1, so the row for step i (15 min each) is on line i + 2.
    private static string DailyWith(int index, string row) =>
        Lines(Daily(15, _ => "250").TrimEnd('\n').Split('\n').Select((line, n) => n == index + 1 ? row : line));

    [Fact]
    public void Read_WhenATimeCannotBeParsed_NamesTheLineAndTheAcceptedForms()
    {
        ProfileFormatException error = ReadFails(DailyWith(1, "00h15;250"));

        Assert.Equal($"LOAD.csv line 3: \"00h15\" is not a time; {TimeFix}", error.Message);
        Assert.Equal(3, error.LineNumber);
        Assert.Equal("LOAD.csv", error.SourceName);
    }

    [Fact]
    public void Read_WhenTheFirstRowHasABadTime_DoesNotMistakeItForAHeader()
    {
        ProfileFormatException error = ReadFails("0:0;250\n00:15;250\n");

        Assert.Equal($"LOAD.csv line 1: \"0:0\" is not a time; {TimeFix}", error.Message);
    }

    [Fact]
    public void Read_WhenAValueUsesADecimalComma_SaysToUseAPointOrSemicolons()
    {
        ProfileFormatException error = ReadFails(DailyWith(15, "03:45;12,5"));

        Assert.Equal("LOAD.csv line 17: \"12,5\" is not a number; use '.' as the decimal point or ';' as the separator", error.Message);
    }

    [Fact]
    public void Read_WhenAValueIsNotANumber_NamesTheUnitToWriteItIn()
    {
        ProfileFormatException error = ReadFails(DailyWith(4, "01:00;n/a"));

        Assert.Equal("LOAD.csv line 6: \"n/a\" is not a number; write the value in W with '.' as the decimal point (e.g. 12.5)", error.Message);
    }

    [Fact]
    public void Read_WhenACommaSeparatedRowHasADecimalComma_ReportsTheExtraField()
    {
        string text = Lines(["time,power", "00:00,250", "00:15,12,5"]);

        ProfileFormatException error = ReadFails(text);

        Assert.Equal("LOAD.csv line 3: 3 fields where the header (line 1) has 2; if ',' is your decimal point, use '.' as the decimal point or ';' as the separator", error.Message);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-inf")]
    public void Read_WhenAValueIsNotFinite_AsksForARealValue(string value)
    {
        ProfileFormatException error = ReadFails(DailyWith(8, "02:00;" + value));

        Assert.Equal($"LOAD.csv line 10: \"{value}\" is not a finite number; replace it with a measured or interpolated value, or cut the file before this row", error.Message);
    }

    [Fact]
    public void Read_WhenAValueIsEmpty_AsksToFillItIn()
    {
        ProfileFormatException error = ReadFails(DailyWith(8, "02:00;"));

        Assert.Equal("LOAD.csv line 10: the value in POWER(W) is empty; fill it in with a measured or interpolated value, or remove the row and the rows after it", error.Message);
    }

    [Fact]
    public void Read_WhenAValueIsNegativeAndNotAllowed_PointsToTheNetMeterOption()
    {
        ProfileFormatException error = ReadFails(DailyWith(2, "00:30;-16"));

        Assert.Equal("LOAD.csv line 4: -16 is negative, but loads and generation must be ≥ 0; if this is a net meter (negative = export), allow negative values (AllowNegative); otherwise correct the value", error.Message);
    }

    [Fact]
    public void Read_WhenRowsAreMissing_NamesTheExpectedTimeAndAsksToFillThem()
    {
        // 09:45 is on line 41; the next row jumps to 10:30.
        string text = Lines(Daily(15, _ => "250").TrimEnd('\n').Split('\n').Where((_, n) => n is < 41 or > 42));

        ProfileFormatException error = ReadFails(text);

        Assert.Equal("LOAD.csv line 42: expected 10:00 after 09:45 but found 10:30; fill the missing rows", error.Message);
    }

    [Fact]
    public void Read_WhenARowIsOffTheStep_SaysTheRowsMustBeEvenlySpaced()
    {
        ProfileFormatException error = ReadFails(DailyWith(40, "09:50;250"));

        Assert.Equal("LOAD.csv line 42: expected 10:00 after 09:45 but found 09:50; the rows must be evenly spaced, every 15 min like the first two (lines 2 and 3)", error.Message);
    }

    [Fact]
    public void Read_WhenATimeRepeats_NamesBothLines()
    {
        ProfileFormatException error = ReadFails(DailyWith(41, "10:00;250"));

        Assert.Equal("LOAD.csv line 43: 10:00 appears twice (lines 42 and 43); remove one of the rows", error.Message);
    }

    [Fact]
    public void Read_WhenTimesGoBackwards_AsksToSortTheRows()
    {
        ProfileFormatException error = ReadFails(DailyWith(41, "09:30;250"));

        Assert.Equal("LOAD.csv line 43: 09:30 comes after 10:00; sort the rows by time", error.Message);
    }

    [Fact]
    public void Read_WhenDatedTimesRepeatAnHourAtTheAutumnChange_SuggestsWritingOffsets()
    {
        string text = Lines(["t;p", "2025-10-26T02:30;250", "2025-10-26T02:45;250", "2025-10-26T02:00;250"]);

        ProfileFormatException error = ReadFails(text);

        Assert.Equal("LOAD.csv line 4: 2025-10-26T02:00 comes after 2025-10-26T02:45; sort the rows by time, or, if the clock went back for daylight-saving time, write the UTC offset on every timestamp (e.g. 2025-10-26T02:00+01:00)", error.Message);
    }

    [Fact]
    public void Read_WhenDatedTimesSkipTheSpringHour_SuggestsWritingOffsets()
    {
        string text = Lines(["t;p", "2025-03-30T01:30;250", "2025-03-30T01:45;250", "2025-03-30T03:00;250"]);

        ProfileFormatException error = ReadFails(text);

        Assert.Equal("LOAD.csv line 4: expected 2025-03-30T02:00 after 2025-03-30T01:45 but found 2025-03-30T03:00; fill the missing rows, or, if the clock changed for daylight-saving time, write the UTC offset on every timestamp (e.g. 2025-03-30T03:00+02:00)", error.Message);
    }

    [Fact]
    public void Read_WhenTheFirstRowsAreTooFarApart_AsksForAStepOfAtMostAnHour()
    {
        ProfileFormatException error = ReadFails("t,p\n2025-01-01T00:00,250\n2025-01-01T02:00,250\n2025-01-01T04:00,250\n");

        Assert.Equal("LOAD.csv line 3: the first two rows (lines 2 and 3) are 120 min apart; the step must be a whole number of minutes from 1 to 60; resample the file", error.Message);
    }

    [Fact]
    public void Read_WhenThereIsOnlyOneRow_AsksForMoreRows()
    {
        ProfileFormatException error = ReadFails("time;power\n00:00;250\n");

        Assert.Equal("LOAD.csv line 2: only 1 data row(s); a profile needs at least 2 evenly spaced rows so the step length can be read; add rows", error.Message);
    }

    [Fact]
    public void Read_WhenTheFileIsEmpty_SaysWhatToWrite()
    {
        ProfileFormatException error = ReadFails("\n\n");

        Assert.Equal("LOAD.csv line 1: the file is empty; write an optional header row and at least two rows of time and value (e.g. 00:00;250)", error.Message);
    }

    [Fact]
    public void Read_WhenTheValueColumnDoesNotExist_ListsTheColumnsThatDo()
    {
        var options = new ProfileCsvOptions { Unit = ProfileValueUnit.KilowattHour, Cumulative = true, ValueColumn = "DE_KN_residential4_grid_imprt" };

        ProfileFormatException error = ReadFails("utc_timestamp,cet_cest_timestamp,DE_KN_residential4_grid_import\n", options, "household.csv");

        Assert.Equal("household.csv line 1: there is no column \"DE_KN_residential4_grid_imprt\"; use one of the columns the file has: utc_timestamp, cet_cest_timestamp, DE_KN_residential4_grid_import", error.Message);
    }

    [Fact]
    public void Read_WhenAWideFileNamesNoValueColumn_ListsTheColumns()
    {
        ProfileFormatException error = ReadFails("time,a,b\n00:00,1,2\n");

        Assert.Equal("LOAD.csv line 1: the file has 3 columns (time, a, b) and none was named as the values; name the value column (ValueColumn)", error.Message);
    }

    [Fact]
    public void Read_WhenAOneDayProfileStopsBeforeMidnight_AsksForTheMissingRows()
    {
        string text = Lines(Daily(15, _ => "250").TrimEnd('\n').Split('\n').Take(95));

        ProfileFormatException error = ReadFails(text);

        Assert.Equal("LOAD.csv line 95: the one-day (hh:mm) profile's 94 rows of 15 min end at 23:30, not at 24:00; add the rows up to 23:45", error.Message);
    }

    [Fact]
    public void Read_WhenAOneDayProfileStartsAfterMidnight_AsksForTheRowsFromMidnight()
    {
        string text = Lines(Daily(15, _ => "250").TrimEnd('\n').Split('\n').Where((_, n) => n != 1));

        ProfileFormatException error = ReadFails(text);

        Assert.Equal("LOAD.csv line 2: a one-day (hh:mm) profile must start at 00:00, but this one starts at 00:15; add the rows from 00:00, or write a date on every row", error.Message);
    }

    [Fact]
    public void Read_WhenAHhMmProfileRunsIntoASecondDay_AsksForDates()
    {
        string day = Daily(15, _ => "250", header: null);

        ProfileFormatException error = ReadFails(day + day);

        Assert.Equal("LOAD.csv line 97: 00:00 follows 23:45, but a hh:mm profile covers a single day; for several days write a date on every row (e.g. 2025-07-01T00:00), or remove the repeated rows", error.Message);
    }

    [Fact]
    public void Read_WhenTimeStylesAreMixed_AsksForOneStyle()
    {
        ProfileFormatException error = ReadFails("t,p\n2025-01-01T00:00+01:00,250\n2025-01-01T00:15,250\n");

        Assert.Equal("LOAD.csv line 3: \"2025-01-01T00:15\" has no UTC offset, but the first row (line 2) has one; write every time in the same style", error.Message);
    }

    [Fact]
    public void Read_WhenKwhPerQuarterHourAreInTheHundreds_SaysTheyLookLikeWatts()
    {
        ProfileFormatException error = ReadFails(Daily(15, i => i == 70 ? "2400" : "300"), Kwh);

        Assert.Equal("LOAD.csv line 72: the values look like W or Wh, not kWh: the largest is 2400 kWh per 15-min step (9600 kW) and the mean 321.875 kWh, far more than a household draws; declare the unit as W (mean power) or Wh (energy per step) (or, if they really are that large, turn off CheckUnitPlausibility)", error.Message);
    }

    [Fact]
    public void Read_WhenKilowattsAreInTheThousands_SaysTheyLookLikeWatts()
    {
        ProfileFormatException error = ReadFails(Daily(15, i => i == 3 ? "1500" : "150"), new ProfileCsvOptions { Unit = ProfileValueUnit.Kilowatt });

        Assert.Equal("LOAD.csv line 5: the values look like W, not kW: the largest is 1500 kW and the mean 164.063 kW, far more than a household draws; declare the unit as W (or, if they really are that large, turn off CheckUnitPlausibility)", error.Message);
    }

    [Fact]
    public void Read_WhenWattsAreAllBelowTen_SaysTheyLookLikeKilowatts()
    {
        ProfileFormatException error = ReadFails(Daily(15, i => i == 80 ? "3.2" : "0.4"));

        Assert.Equal("LOAD.csv line 82: the values look like kW, not W: the largest is 3.2 W and the mean 0.429 W, too little for a household; declare the unit as kW (or, if they really are that small, turn off CheckUnitPlausibility)", error.Message);
    }

    [Fact]
    public void Read_WhenWattHoursAreTiny_SaysTheyLookLikeKilowattHours()
    {
        ProfileFormatException error = ReadFails(Daily(15, i => i == 10 ? "0.9" : "0.1"), new ProfileCsvOptions { Unit = ProfileValueUnit.WattHour });

        Assert.Equal("LOAD.csv line 12: the values look like kWh, not Wh: the largest is 0.9 Wh per 15-min step and the mean 0.108 Wh, too little for a household; declare the unit as kWh (or, if they really are that small, turn off CheckUnitPlausibility)", error.Message);
    }

    [Fact]
    public void Read_WhenACumulativeReadingFalls_ReportsAMeterReset()
    {
        string text = Lines(["time,meter", "2025-01-01T00:00,10.0", "2025-01-01T01:00,10.5", "2025-01-01T02:00,0.2", "2025-01-01T03:00,0.4"]);

        ProfileFormatException error = ReadFails(text, new ProfileCsvOptions { Unit = ProfileValueUnit.KilowattHour, Cumulative = true });

        Assert.Equal("LOAD.csv line 4: the reading 0.2 is lower than 10.5 on line 3 (the meter was reset or replaced); cut the file at line 4, or add the last reading before the reset to every later one; a net meter whose readings may fall needs AllowNegative", error.Message);
    }

    [Fact]
    public void Read_WhenCumulativeReadingsHaveAGap_AsksToCutOrFillIt()
    {
        string text = Lines(["time,meter", "2025-01-01T00:00,10.0", "2025-01-01T01:00,10.5", "2025-01-01T02:00,", "2025-01-01T03:00,11.0"]);

        ProfileFormatException error = ReadFails(text, new ProfileCsvOptions { Unit = ProfileValueUnit.KilowattHour, Cumulative = true });

        Assert.Equal("LOAD.csv line 4: no reading in meter, but readings resume on line 5; cut the file before line 4, fill the gap, or spread its energy evenly over it (BridgeMeterGaps)", error.Message);
    }

    [Fact]
    public void Read_WhenColumnsAreNamedButTheFileHasNoHeader_AsksForAHeader()
    {
        ProfileFormatException error = ReadFails("00:00;250\n00:15;250\n", new ProfileCsvOptions { ValueColumn = "power" });

        Assert.Equal("LOAD.csv line 1: the file has no header row, so there is no column \"power\"; add a header row naming the columns (e.g. time;power), or leave the column names out", error.Message);
    }
}
