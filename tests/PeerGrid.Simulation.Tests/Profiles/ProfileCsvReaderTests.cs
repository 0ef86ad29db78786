using System.Globalization;
using PeerGrid.Simulation.Profiles;
using static PeerGrid.Simulation.Tests.Profiles.ProfileCsvText;

namespace PeerGrid.Simulation.Tests.Profiles;

public class ProfileCsvReaderTests
{
    private const double Tolerance = 1e-12;

    public static TheoryData<string> Shapes() =>
    [
        "daily W ; header", "daily kWh , no header", "daily kW tab header",
        "iso T kW , header", "iso space Wh ; header", "iso seconds W , no header",
        "iso +02:00 W", "iso Z kWh", "iso +0200 W", "iso -05 W", "cumulative kWh", "cumulative Wh",
    ];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void RoundTrip_WhenSeriesWrittenInAnAcceptedShape_ReadsTheSameKwh(string shape)
    {
        bool daily = shape.StartsWith("daily", StringComparison.Ordinal);
        int stepMinutes = daily ? 15 : 60;
        double stepHours = stepMinutes / 60.0;
        double[] expected = SampleKwh(daily ? 96 : 50, stepHours);
        (string text, ProfileCsvOptions options) = Write(shape, expected, stepMinutes);

        Profile profile = Read(text, options);

        Assert.Equal(expected.Length, profile.EnergyKwh.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], profile.EnergyKwh[i], Tolerance);
        }
        Assert.Equal(TimeSpan.FromMinutes(stepMinutes), profile.Step);
        Assert.Equal(daily, profile.IsDaily);
    }

    [Fact]
    public void Read_WhenTheSamePowerIsGivenInEachUnit_GivesTheSameKwhPerStep()
    {
        // 250 W for 15 min = 0.0625 kWh.
        (ProfileValueUnit Unit, string Value)[] cases =
        [
            (ProfileValueUnit.Watt, "250"), (ProfileValueUnit.Kilowatt, "0.25"),
            (ProfileValueUnit.WattHour, "62.5"), (ProfileValueUnit.KilowattHour, "0.0625"),
        ];
        foreach ((ProfileValueUnit unit, string value) in cases)
        {
            Profile profile = Read(Daily(15, _ => value), new ProfileCsvOptions { Unit = unit });

            Assert.All(profile.EnergyKwh, e => Assert.Equal(0.0625, e, Tolerance));
            Assert.Equal(0.0625 * 96, profile.TotalKwh, 1e-9);
        }
    }

    [Fact]
    public void Read_WhenValuesAreWatts_ConvertsMeanPowerToKwhPerStepForTheFileStep()
    {
        Profile hourly = Read(Daily(60, _ => "1000", header: null));
        Profile quarterHourly = Read(Daily(15, _ => "1000", header: null));

        Assert.Equal(1.0, hourly.EnergyKwh[0], Tolerance);
        Assert.Equal(0.25, quarterHourly.EnergyKwh[0], Tolerance);
        Assert.Equal(24.0, hourly.TotalKwh, 1e-9);
        Assert.Equal(24.0, quarterHourly.TotalKwh, 1e-9);
    }

    [Theory]
    [InlineData(';')]
    [InlineData(',')]
    [InlineData('\t')]
    public void Read_WithEachSeparator_DetectsItAndReadsTheValues(char separator)
    {
        Profile profile = Read(Daily(15, i => (100 + i).ToString(CultureInfo.InvariantCulture), separator, header: $"time{separator}power"));

        Assert.Equal(0.025, profile.EnergyKwh[0], Tolerance);
        Assert.Equal(0.25 * 0.195, profile.EnergyKwh[95], Tolerance);
    }

    [Fact]
    public void Read_WhenTimesAreHhMm_GivesADailyProfileThatStartsAtMidnight()
    {
        Profile profile = Read(Daily(15, i => i < 48 ? "0" : "400"));

        Assert.True(profile.IsDaily);
        Assert.Null(profile.FirstStepLocal);
        Assert.Null(profile.FirstStepUtcOffset);
        Assert.Equal(TimeSpan.FromDays(1), profile.Duration);
        Assert.Equal(4.8, profile.TotalKwh, 1e-9);
    }

    [Fact]
    public void Read_WhenTheFileHasCrLfLineEndingsAByteOrderMarkAndNoFinalNewline_ReadsEveryRow()
    {
        string text = "\uFEFF" + Daily(15, _ => "10").Replace("\n", "\r\n", StringComparison.Ordinal).TrimEnd();

        Profile profile = Read(text);

        Assert.Equal(96, profile.EnergyKwh.Length);
        Assert.Equal(0.24, profile.TotalKwh, 1e-9);
    }

    [Fact]
    public void Read_WhenIsoTimesHaveNoOffset_GivesAWallClockProfile()
    {
        Profile profile = Read("Time,power\n2021-07-01T00:00,100\n2021-07-01T00:15,200\n2021-07-01T00:30,300\n");

        Assert.False(profile.IsDaily);
        Assert.Equal(new DateTime(2021, 7, 1, 0, 0, 0), profile.FirstStepLocal);
        Assert.Null(profile.FirstStepUtcOffset);
        Assert.Equal([0.025, 0.05, 0.075], profile.EnergyKwh, (a, b) => Math.Abs(a - b) < Tolerance);
    }

    [Fact]
    public void Read_WhenIsoTimesUseASpace_ParsesThemLikeTheTForm()
    {
        Profile profile = Read("time;power\n2021-07-01 00:00;100\n2021-07-01 00:15;100\n");

        Assert.Equal(new DateTime(2021, 7, 1, 0, 0, 0), profile.FirstStepLocal);
        Assert.Equal(TimeSpan.FromMinutes(15), profile.Step);
    }

    [Fact]
    public void Read_WhenIsoTimesCarryAnOffset_KeepsTheLocalTimeAndTheOffset()
    {
        Profile profile = Read("time,power\n2025-07-01T00:00:00+02:00,100\n2025-07-01T00:15:00+02:00,100\n");

        Assert.Equal(new DateTime(2025, 7, 1, 0, 0, 0), profile.FirstStepLocal);
        Assert.Equal(TimeSpan.FromHours(2), profile.FirstStepUtcOffset);
    }

    [Fact]
    public void Read_WhenOffsetsChangeForDaylightSavingTime_ChecksTheSpacingInAbsoluteTime()
    {
        // 2025-10-26 in Berlin: 02:45+02:00 is followed by 02:00+01:00, 15 minutes later.
        string text = Lines([
            "time;power",
            "2025-10-26T02:30+02:00;100", "2025-10-26T02:45+02:00;100",
            "2025-10-26T02:00+01:00;100", "2025-10-26T02:15+01:00;100",
        ]);

        Profile profile = Read(text);

        Assert.Equal(4, profile.EnergyKwh.Length);
        Assert.Equal(TimeSpan.FromMinutes(15), profile.Step);
    }

    [Fact]
    public void Read_WhenOptionsNameTheColumns_ReadsThoseColumns()
    {
        string text = "a;when;b;load\nx;2025-01-01T00:00;1;100\ny;2025-01-01T01:00;2;200\n";

        Profile profile = Read(text, new ProfileCsvOptions { TimeColumn = "when", ValueColumn = "LOAD", ProfileId = "house-1" });

        Assert.Equal("house-1", profile.Id);
        Assert.Equal([0.1, 0.2], profile.EnergyKwh, (a, b) => Math.Abs(a - b) < Tolerance);
    }

    [Fact]
    public void Read_WhenNegativeValuesAreAllowed_KeepsTheSign()
    {
        Profile profile = Read(Daily(15, i => i % 2 == 0 ? "2485" : "-239"), new ProfileCsvOptions { AllowNegative = true });

        Assert.Equal(2485 / 4000.0, profile.EnergyKwh[0], Tolerance);
        Assert.Equal(-239 / 4000.0, profile.EnergyKwh[1], Tolerance);
    }

    [Fact]
    public void Read_WhenCumulativeReadingsStartEmpty_SkipsTheEmptyRowsAndTakesDifferences()
    {
        string text = Lines([
            "time,meter",
            "2025-01-01T00:00,", "2025-01-01T01:00,",
            "2025-01-01T02:00,10.0", "2025-01-01T03:00,10.5", "2025-01-01T04:00,11.75",
            "2025-01-01T05:00,", "2025-01-01T06:00,",
        ]);

        Profile profile = Read(text, new ProfileCsvOptions { Unit = ProfileValueUnit.KilowattHour, Cumulative = true });

        Assert.Equal(new DateTime(2025, 1, 1, 2, 0, 0), profile.FirstStepLocal);
        Assert.Equal([0.5, 1.25], profile.EnergyKwh, (a, b) => Math.Abs(a - b) < Tolerance);
    }

    [Fact]
    public void Read_WhenMeterGapsMayBeBridged_SpreadsTheGapsEnergyEvenly()
    {
        string text = Lines([
            "time,meter",
            "2025-01-01T00:00,10.0", "2025-01-01T01:00,10.5", "2025-01-01T02:00,", "2025-01-01T03:00,",
            "2025-01-01T04:00,12.0", "2025-01-01T05:00,12.25",
        ]);
        var options = new ProfileCsvOptions { Unit = ProfileValueUnit.KilowattHour, Cumulative = true, BridgeMeterGaps = true };

        Profile profile = Read(text, options);

        Assert.Equal([0.5, 0.5, 0.5, 0.5, 0.25], profile.EnergyKwh, (a, b) => Math.Abs(a - b) < Tolerance);
    }

    [Fact]
    public void Read_WhenAPlausibilityCheckIsTurnedOff_AcceptsTinyWattValues()
    {
        Profile profile = Read(Daily(15, _ => "0.5"), new ProfileCsvOptions { CheckUnitPlausibility = false });

        Assert.Equal(0.5 / 4000, profile.EnergyKwh[0], Tolerance);
    }

    [Fact]
    public void Read_WhenCumulativeIsAskedWithAPowerUnit_RejectsTheOptions()
    {
        var options = new ProfileCsvOptions { Cumulative = true, Unit = ProfileValueUnit.Watt };

        ArgumentException error = Assert.Throws<ArgumentException>(() => Read("t,v\n2025-01-01T00:00,1\n", options));

        Assert.Contains("kWh or Wh", error.Message, StringComparison.Ordinal);
    }

    /// <summary>One accepted file shape: time style (daily, T, space, seconds, or T plus an offset suffix), unit, separator, header.</summary>
    private sealed record Shape(string TimeStyle, ProfileValueUnit Unit, char Separator, bool Header, bool Cumulative = false);

    private static readonly Dictionary<string, Shape> ShapesByName = new()
    {
        ["daily W ; header"] = new("daily", ProfileValueUnit.Watt, ';', true),
        ["daily kWh , no header"] = new("daily", ProfileValueUnit.KilowattHour, ',', false),
        ["daily kW tab header"] = new("daily", ProfileValueUnit.Kilowatt, '\t', true),
        ["iso T kW , header"] = new("T", ProfileValueUnit.Kilowatt, ',', true),
        ["iso space Wh ; header"] = new("space", ProfileValueUnit.WattHour, ';', true),
        ["iso seconds W , no header"] = new("seconds", ProfileValueUnit.Watt, ',', false),
        ["iso +02:00 W"] = new("T+02:00", ProfileValueUnit.Watt, ',', true),
        ["iso Z kWh"] = new("TZ", ProfileValueUnit.KilowattHour, ';', true),
        ["iso +0200 W"] = new("T+0200", ProfileValueUnit.Watt, ';', false),
        ["iso -05 W"] = new("T-05", ProfileValueUnit.Watt, ',', true),
        ["cumulative kWh"] = new("T", ProfileValueUnit.KilowattHour, ',', true, Cumulative: true),
        ["cumulative Wh"] = new("space", ProfileValueUnit.WattHour, ';', true, Cumulative: true),
    };

    private static (string Text, ProfileCsvOptions Options) Write(string name, double[] kwh, int stepMinutes)
    {
        Shape shape = ShapesByName[name];
        double stepHours = stepMinutes / 60.0;
        var start = new DateTime(2025, 3, 1, 0, 0, 0);
        string Time(int i)
        {
            DateTime t = start.AddMinutes(i * stepMinutes);
            return shape.TimeStyle switch
            {
                "daily" => Clock(i * stepMinutes),
                "space" => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                "seconds" => t.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                _ => t.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) + shape.TimeStyle[1..],
            };
        }
        double Written(double value) => shape.Unit switch
        {
            ProfileValueUnit.Watt => value / stepHours * 1000,
            ProfileValueUnit.Kilowatt => value / stepHours,
            ProfileValueUnit.WattHour => value * 1000,
            _ => value,
        };
        var lines = new List<string>();
        if (shape.Header)
        {
            lines.Add($"Time{shape.Separator}power");
        }
        if (shape.Cumulative)
        {
            double reading = 1234.5;
            lines.Add($"{Time(0)}{shape.Separator}{Number(Written(reading))}");
            for (int i = 0; i < kwh.Length; i++)
            {
                reading += kwh[i];
                lines.Add($"{Time(i + 1)}{shape.Separator}{Number(Written(reading))}");
            }
        }
        else
        {
            for (int i = 0; i < kwh.Length; i++)
            {
                lines.Add($"{Time(i)}{shape.Separator}{Number(Written(kwh[i]))}");
            }
        }
        return (Lines(lines), new ProfileCsvOptions { Unit = shape.Unit, Cumulative = shape.Cumulative });
    }
}
